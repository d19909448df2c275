import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";
import type { AuditEnvelope } from "./event-schema.js";

/** Domain separation: a hash of an audit envelope can never be mistaken for any other SHA-256. */
export const EVENT_HASH_DOMAIN = "rampart-audit-event-v1\n";

/** The canonical text of an envelope: what is stored, exported and hashed. */
export function envelopeText(envelope: AuditEnvelope): string {
  return canonicalJson(envelope);
}

/** SHA-256 hex of the domain prefix and the canonical envelope text (which holds `prevHash`). */
export function hashEnvelopeText(text: string): string {
  // the one-shot hash: no Hash object per event, which matters when verifying millions
  return hash("sha256", EVENT_HASH_DOMAIN + text, "hex");
}
