import { createHash, type KeyObject, sign, verify } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { RampartError } from "../../../core/errors.js";

/** The manifest's file name in a pack, and its detached signature (base64 Ed25519 over its bytes). */
export const MANIFEST_FILE = "manifest.json";
export const SIGNATURE_FILE = "manifest.sig";

export const packManifestSchema = z.strictObject({
  kind: z.literal("rampart-compliance-pack"),
  schemaVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  algorithm: z.literal("Ed25519"),
  /** the signing public key (SPKI DER, base64) and its id (first 16 hex digits of its SHA-256) */
  publicKey: z.string().min(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** audit: the audit trail's checkpoint key; pack: a key kept for packs in the configuration folder */
  keySource: z.enum(["audit", "pack"]),
  files: z.array(
    z.strictObject({
      path: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int(),
    }),
  ),
  /** parts that could not be included, and why */
  notAvailable: z.array(z.strictObject({ part: z.string(), reason: z.string() })),
});
export type PackManifest = z.infer<typeof packManifestSchema>;

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export function signManifest(manifestText: string, privateKey: KeyObject): string {
  return sign(null, Buffer.from(manifestText, "utf8"), privateKey).toString("base64");
}

export interface PackVerification {
  readonly ok: boolean;
  readonly files: number;
  readonly problems: readonly string[];
  readonly manifest: PackManifest | undefined;
}

function parseManifest(text: string): PackManifest | undefined {
  try {
    const parsed = packManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a pack: the manifest's signature with the given public key (an auditor gets it from the
 * operator out of band, not from the pack), then every listed file's size and SHA-256, and that no
 * file was added next to them.
 */
export function verifyPack(
  directory: string,
  publicKey: KeyObject,
  listFiles: () => string[],
): PackVerification {
  const manifestPath = join(directory, MANIFEST_FILE);
  const signaturePath = join(directory, SIGNATURE_FILE);
  if (!existsSync(manifestPath) || !existsSync(signaturePath)) {
    throw new RampartError("usage", `${directory} has no ${MANIFEST_FILE} and ${SIGNATURE_FILE}`);
  }
  const text = readFileSync(manifestPath, "utf8");
  const problems: string[] = [];
  const signature = Buffer.from(readFileSync(signaturePath, "utf8").trim(), "base64");
  if (!verify(null, Buffer.from(text, "utf8"), publicKey, signature))
    problems.push("manifest signature does not verify");
  const manifest = parseManifest(text);
  if (manifest === undefined)
    return { ok: false, files: 0, problems: [...problems, "manifest is malformed"], manifest };
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const file of manifest.files) {
    const path = join(directory, file.path);
    if (!existsSync(path)) {
      problems.push(`${file.path}: missing`);
      continue;
    }
    const data = readFileSync(path);
    if (data.length !== file.bytes || sha256Hex(data) !== file.sha256)
      problems.push(`${file.path}: content changed`);
  }
  for (const path of listFiles()) {
    if (path !== MANIFEST_FILE && path !== SIGNATURE_FILE && !listed.has(path))
      problems.push(`${path}: not in the manifest`);
  }
  return { ok: problems.length === 0, files: manifest.files.length, problems, manifest };
}
