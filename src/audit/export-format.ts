import { z } from "zod";
import { checkpointSchema } from "./checkpoint.js";

/** The version of the export file format (JSON lines; docs/audit.md). */
export const EXPORT_FORMAT_VERSION = 1;

/** Line 1: what the file is. Informational; the signatures are what an auditor trusts. */
export const exportHeaderSchema = z.strictObject({
  kind: z.literal("rampart-audit-export"),
  version: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  keyId: z.string(),
});
export type ExportHeader = z.infer<typeof exportHeaderSchema>;

/** An event line: the stored hash and the envelope (hashed again as canonical JSON). */
export const exportEventLineSchema = z.strictObject({
  kind: z.literal("event"),
  hash: z.string(),
  envelope: z.record(z.string(), z.unknown()),
});

export const exportCheckpointLineSchema = checkpointSchema.extend({ kind: z.literal("checkpoint") });

export const exportLineSchema = z.discriminatedUnion("kind", [
  exportEventLineSchema,
  exportCheckpointLineSchema,
]);
export type ExportLine = z.infer<typeof exportLineSchema>;

/** The last line: a signature over every line before it, so no byte of the file can change unseen. */
export const exportSignatureSchema = z.strictObject({
  kind: z.literal("export-signature"),
  /** lines before this one, header included */
  lines: z.number().int().positive(),
  /** SHA-256 hex over those lines, each with its "\n" */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string(),
  /** base64 Ed25519 signature over exportSignatureMessage() */
  signature: z.string().min(1),
});
export type ExportSignature = z.infer<typeof exportSignatureSchema>;

/** Domain-separated text that the export signature signs. */
export function exportSignatureMessage(lines: number, sha256: string): Buffer {
  return Buffer.from(`rampart.dev/audit-export/v1\n${lines}\n${sha256}\n`, "utf8");
}
