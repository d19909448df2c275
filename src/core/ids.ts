import { randomBytes, randomUUID } from "node:crypto";

/** A request id: short, random, safe in headers and logs. */
export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

/** A record id with a readable prefix, for example `newId("key")` -> `key_3f0c...`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll("-", "")}`;
}
