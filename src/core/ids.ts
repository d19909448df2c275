import { randomBytes, randomUUID } from "node:crypto";

/** A request id: short, random, safe in headers and logs. */
export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

/** A record id with a readable prefix, for example `newId("key")` -> `key_3f0c...`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll("-", "")}`;
}

let lastTime = 0;
let sequence = 0;

/**
 * A record id that sorts in creation order within a process (time, then a counter), for rows whose
 * order matters when several share one millisecond, for example an incident's timeline entries.
 */
export function newOrderedId(prefix: string): string {
  const now = Date.now();
  if (now === lastTime) sequence += 1;
  else {
    lastTime = now;
    sequence = 0;
  }
  const time = now.toString(36).padStart(9, "0");
  const counter = sequence.toString(36).padStart(4, "0");
  return `${prefix}_${time}${counter}${randomBytes(6).toString("hex")}`;
}
