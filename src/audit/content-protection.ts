import { createCipheriv, createDecipheriv, createHash, hash, randomBytes } from "node:crypto";
import { z } from "zod";
import { RampartError } from "../core/index.js";
import type { ContentReference } from "./event-schema.js";

/** The environment variable that holds the AES-256-GCM key for `audit.content: encrypted`. */
export const AUDIT_KEY_VARIABLE = "RAMPART_AUDIT_KEY";

/** 32 bytes as 64 hex digits, or as base64 (44 characters with padding). */
const HEX_KEY = /^[0-9a-f]{64}$/i;

/** Prefix of an encrypted body: version, then base64 of iv (12) || tag (16) || ciphertext. */
const ENCRYPTED_PREFIX = "aes-256-gcm:v1:";

export type ContentMode = "none" | "redacted" | "encrypted";

/** The text that goes with an event when the configuration keeps content. */
export const eventContentSchema = z.strictObject({
  prompt: z.string().optional(),
  response: z.string().optional(),
});
export type EventContent = z.infer<typeof eventContentSchema>;

/** What is stored outside the chain: the body (text or ciphertext) and the salt of its commitment. */
export interface ProtectedContent {
  reference: ContentReference;
  salt: string;
  body: string;
}

/** Reads RAMPART_AUDIT_KEY; a missing or malformed key is a configuration error. */
export function contentKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Buffer {
  const text = env[AUDIT_KEY_VARIABLE]?.trim() ?? "";
  if (text === "") {
    throw new RampartError(
      "config_invalid",
      `audit.content is "encrypted" but ${AUDIT_KEY_VARIABLE} is not set (32 bytes, hex or base64)`,
    );
  }
  const key = HEX_KEY.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) {
    throw new RampartError("config_invalid", `${AUDIT_KEY_VARIABLE} must hold 32 bytes (hex or base64)`);
  }
  return key;
}

/** Bodies up to this many UTF-16 units are hashed from a reused buffer (verification checks millions). */
const SCRATCH_LIMIT_UNITS = 256 * 1024;
let scratch = Buffer.allocUnsafe(16 * 1024);

/** SHA-256 hex of salt || body: binds the envelope to the content without revealing it. */
export function contentCommitment(salt: string, body: string): string {
  if (salt.length !== 32 || body.length > SCRATCH_LIMIT_UNITS) {
    return createHash("sha256").update(Buffer.from(salt, "hex")).update(body, "utf8").digest("hex");
  }
  // one-shot: salt and UTF-8 body written into one buffer (a UTF-16 unit takes at most 3 bytes)
  const needed = 16 + body.length * 3;
  if (scratch.length < needed) scratch = Buffer.allocUnsafe(needed);
  const saltBytes = scratch.write(salt, 0, 16, "hex");
  if (saltBytes !== 16) {
    return createHash("sha256").update(Buffer.from(salt, "hex")).update(body, "utf8").digest("hex");
  }
  const bodyBytes = scratch.write(body, 16, "utf8");
  return hash("sha256", scratch.subarray(0, 16 + bodyBytes), "hex");
}

/**
 * Prepares content for storage: `none` keeps nothing; `redacted` keeps the text as given (the
 * gateway passes its redacted form); `encrypted` keeps AES-256-GCM ciphertext. Either way a fresh
 * 16-byte salt makes the commitment unguessable, and erasing the row leaves the chain intact.
 */
export function protectContent(
  content: EventContent | undefined,
  mode: ContentMode,
  key: Buffer | undefined,
): ProtectedContent | undefined {
  if (mode === "none" || content === undefined) return undefined;
  if (content.prompt === undefined && content.response === undefined) return undefined;
  const plain = JSON.stringify(content);
  const body = mode === "encrypted" ? encrypt(plain, requireKey(key)) : plain;
  const salt = randomBytes(16).toString("hex");
  return { reference: { mode, commitment: contentCommitment(salt, body) }, salt, body };
}

/** Reads stored content back; an encrypted body needs the key. */
export function revealContent(stored: { mode: string; body: string }, key: Buffer | undefined): EventContent {
  const plain = stored.mode === "encrypted" ? decrypt(stored.body, requireKey(key)) : stored.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch (error) {
    throw new RampartError("storage_error", "stored audit content is not JSON", { cause: error });
  }
  return eventContentSchema.parse(parsed);
}

function requireKey(key: Buffer | undefined): Buffer {
  if (key === undefined) return contentKeyFromEnvironment();
  return key;
}

function encrypt(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ENCRYPTED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}

function decrypt(body: string, key: Buffer): string {
  if (!body.startsWith(ENCRYPTED_PREFIX))
    throw new RampartError("storage_error", "unknown audit content format");
  const raw = Buffer.from(body.slice(ENCRYPTED_PREFIX.length), "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new RampartError("storage_error", "audit content does not decrypt with RAMPART_AUDIT_KEY", {
      cause: error,
    });
  }
}
