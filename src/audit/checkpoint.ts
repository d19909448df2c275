import { type KeyObject, sign, verify } from "node:crypto";
import { z } from "zod";
import type { SigningKey } from "./signing-key.js";

/**
 * A signed statement "node N had `seq` events and the last one hashed to `headHash`", chained to
 * the checkpoint before it so that a missing checkpoint shows. The signed text follows the shape of
 * C2SP tlog-checkpoint: an origin line, the size, the root hash, then extension lines.
 */
export const checkpointSchema = z.strictObject({
  node: z.string().min(1),
  seq: z.number().int().nonnegative(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  /** the seq of this node's previous checkpoint; 0 for its first */
  previousSeq: z.number().int().nonnegative(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** base64 Ed25519 signature over checkpointMessage() */
  signature: z.string().min(1),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export type UnsignedCheckpoint = Omit<Checkpoint, "keyId" | "signature">;

/** The origin line of every Rampart audit checkpoint. */
const CHECKPOINT_ORIGIN = "rampart.dev/audit/v1";

export function checkpointMessage(checkpoint: UnsignedCheckpoint): Buffer {
  const lines = [
    `${CHECKPOINT_ORIGIN}/${checkpoint.node}`,
    String(checkpoint.seq),
    Buffer.from(checkpoint.headHash, "hex").toString("base64"),
    `at ${checkpoint.at}`,
    `previous ${checkpoint.previousSeq}`,
  ];
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, key: SigningKey): Checkpoint {
  const signature = sign(null, checkpointMessage(checkpoint), key.privateKey).toString("base64");
  return { ...checkpoint, keyId: key.keyId, signature };
}

/**
 * Node decodes base64 leniently (ignored padding bits, stray characters), so two texts can carry one
 * signature. Only the canonical encoding is accepted: any edit of a signature is seen.
 */
export function isCanonicalBase64(text: string): boolean {
  return Buffer.from(text, "base64").toString("base64") === text;
}

export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  if (!isCanonicalBase64(checkpoint.signature)) return false;
  try {
    return verify(
      null,
      checkpointMessage(checkpoint),
      publicKey,
      Buffer.from(checkpoint.signature, "base64"),
    );
  } catch {
    return false;
  }
}
