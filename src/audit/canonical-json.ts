import { RampartError } from "../core/index.js";

/**
 * Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, strings and finite numbers as `JSON.stringify` writes them, `undefined` members
 * left out. Two equal values always give the same text, so the text can be hashed.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw notCanonical(`the number ${value} has no JSON form`);
      return JSON.stringify(value);
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member === undefined) continue;
        members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
      }
      return `{${members.join(",")}}`;
    }
    default:
      throw notCanonical(`a ${typeof value} has no JSON form`);
  }
}

function notCanonical(message: string): RampartError {
  return new RampartError("invalid_request", `audit event: ${message}`);
}
