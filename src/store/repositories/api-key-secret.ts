import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Every Rampart API key starts with this, so that secret scanners and people recognise one. */
export const API_KEY_PREFIX = "rk_";

/** Random bytes in a key: 256 bits, far beyond guessing or brute force. */
export const API_KEY_RANDOM_BYTES = 32;

/** How many leading characters of a key are stored in clear for display (`rk_ab12c`). */
export const API_KEY_DISPLAY_LENGTH = 8;

/** A well-formed key: the prefix and 43 base64url characters (32 bytes, no padding). */
export const API_KEY_FORMAT = /^rk_[A-Za-z0-9_-]{43}$/;

/** A stored key hash: SHA-256 as 64 lower-case hex digits. */
export const API_KEY_HASH_FORMAT = /^[0-9a-f]{64}$/;

export interface NewApiKeySecret {
  /** the key itself: shown once to whoever created it, never stored */
  key: string;
  /** the first characters, stored for display */
  prefix: string;
  /** SHA-256 hex of the key, stored and looked up */
  hash: string;
}

export function generateApiKey(): NewApiKeySecret {
  const key = `${API_KEY_PREFIX}${randomBytes(API_KEY_RANDOM_BYTES).toString("base64url")}`;
  return { key, prefix: apiKeyDisplayPrefix(key), hash: hashApiKey(key) };
}

export function apiKeyDisplayPrefix(key: string): string {
  return key.slice(0, API_KEY_DISPLAY_LENGTH);
}

export function looksLikeApiKey(text: string): boolean {
  return API_KEY_FORMAT.test(text);
}

/**
 * SHA-256 of the whole key, as hex. A fast hash is right here: the key carries 256 random bits,
 * so even a stolen table cannot be brute-forced, while a slow password hash (bcrypt, scrypt,
 * argon2) would only add milliseconds to every gateway request. Salting is not needed either:
 * no two keys share a value to precompute. The hash is deterministic, so a key is found by an
 * indexed lookup instead of trying every row.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Compares two hex hashes in constant time; false when either is not a SHA-256 hex string. */
export function hashesEqual(left: string, right: string): boolean {
  if (!API_KEY_HASH_FORMAT.test(left) || !API_KEY_HASH_FORMAT.test(right)) return false;
  return timingSafeEqual(Buffer.from(left, "hex"), Buffer.from(right, "hex"));
}

/** True when `key` hashes to `storedHash`, compared in constant time. */
export function verifyApiKey(key: string, storedHash: string): boolean {
  return hashesEqual(hashApiKey(key), storedHash);
}
