import { createHash } from "node:crypto";

/**
 * Ids and timestamps derived from the request, so that the same request always gets the same
 * answer, byte for byte. The id is a SHA-256 of the raw request body; `created` is a fixed instant.
 */

/** The `created` field of every answer: 2025-01-01T00:00:00Z, fixed so that answers never change. */
export const SIMULATOR_CREATED = 1_735_689_600;

/** The `system_fingerprint` of every answer. */
export const SIMULATOR_FINGERPRINT = "fp_rampart_simulator";

/** A hex digest of the request body; the ids of an answer are slices of it. */
export function requestDigest(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** An id with the OpenAI prefix of its kind (`chatcmpl`, `cmpl`, `call`), from a digest. */
export function answerId(prefix: string, digest: string, suffix = ""): string {
  return `${prefix}-${digest.slice(0, 24)}${suffix}`;
}
