import { createCipheriv, createHash, randomBytes } from "node:crypto";
import type { Finding } from "../../core/index.js";
import type { ConversationVault } from "./vault.js";

/**
 * How a redacted span is replaced:
 * - `placeholder`: a typed, numbered placeholder (`[EMAIL_1]`) kept in the conversation vault, so the
 *   answer can be restored for the caller (reversible, the default for personal data);
 * - `mask`: asterisks of the value's length, at most 12 (`************`);
 * - `hash`: the type and the first 12 hex digits of a salted SHA-256 (`[EMAIL:3f9a0c1b2d4e]`):
 *   the same value gives the same text, so the model can still tell values apart;
 * - `encrypt`: AES-256-GCM with the operator's key, base64url (`[enc:...]`): reversible by whoever
 *   holds the key, never by the model;
 * - `remove`: the span is dropped (unsafe markup in an answer);
 * - `annotate`: the span is kept and a short note follows it (an unverified package, API or citation
 *   in an answer: `fastjson-x (Rampart: cannot verify that this package exists ...)`).
 */
export const redactionOperators = ["placeholder", "mask", "hash", "encrypt", "remove", "annotate"] as const;
export type RedactionOperator = (typeof redactionOperators)[number];

export interface RedactionKeys {
  /** salt of the `hash` operator */
  hashSalt: string;
  /** 32-byte key of the `encrypt` operator; encrypt falls back to mask without one */
  encryptionKey?: Buffer;
}

export function typeOfFinding(finding: Finding): string {
  return finding.type ?? finding.category;
}

/** Keeps the first of overlapping findings (they arrive sorted by start, then longest). */
export function nonOverlapping(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  let reach = -1;
  for (const finding of sorted) {
    if (finding.start < reach || finding.end <= finding.start) continue;
    kept.push(finding);
    reach = finding.end;
  }
  return kept;
}

/** The note the `annotate` operator adds after a span, by the finding's type. */
export const ANNOTATIONS: Readonly<Record<string, string>> = {
  PACKAGE:
    "(note from Rampart: cannot verify that this package exists; check the official registry before installing it)",
  API: "(note from Rampart: no such member in the checked runtime; check the documentation before using it)",
  CITATION: "(note from Rampart: cannot verify this citation offline; check the source before relying on it)",
  DEFAULT: "(note from Rampart: cannot verify this)",
};

async function replacement(
  operator: RedactionOperator,
  value: string,
  type: string,
  vault: ConversationVault,
  keys: RedactionKeys,
): Promise<string> {
  switch (operator) {
    case "placeholder":
      return vault.placeholderFor(type, value);
    case "mask":
      return "*".repeat(Math.min(Math.max(Array.from(value).length, 4), 12));
    case "hash":
      return `[${type.toUpperCase()}:${createHash("sha256").update(keys.hashSalt).update(value).digest("hex").slice(0, 12)}]`;
    case "remove":
      return "";
    case "annotate":
      return `${value} ${ANNOTATIONS[type] ?? ANNOTATIONS.DEFAULT}`;
    case "encrypt": {
      if (keys.encryptionKey === undefined || keys.encryptionKey.length !== 32)
        return replacement("mask", value, type, vault, keys);
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys.encryptionKey, iv);
      const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
      return `[enc:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}]`;
    }
  }
}

/** Replaces each finding's span with its operator's output; spans are UTF-16 offsets into `text`. */
export async function redactText(
  text: string,
  findings: readonly Finding[],
  operatorFor: (finding: Finding) => RedactionOperator,
  vault: ConversationVault,
  keys: RedactionKeys,
): Promise<string> {
  const spans = nonOverlapping(findings.filter((finding) => finding.end <= text.length));
  let out = "";
  let cursor = 0;
  for (const finding of spans) {
    out += text.slice(cursor, finding.start);
    out += await replacement(
      operatorFor(finding),
      text.slice(finding.start, finding.end),
      typeOfFinding(finding),
      vault,
      keys,
    );
    cursor = finding.end;
  }
  return out + text.slice(cursor);
}
