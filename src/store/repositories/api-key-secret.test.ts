import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  API_KEY_DISPLAY_LENGTH,
  API_KEY_FORMAT,
  apiKeyDisplayPrefix,
  generateApiKey,
  hashApiKey,
  hashesEqual,
  looksLikeApiKey,
  verifyApiKey,
} from "./api-key-secret.js";

describe("generateApiKey", () => {
  it("makes rk_ keys of 32 random bytes in base64url, with the prefix and hash that belong to them", () => {
    const secret = generateApiKey();
    expect(secret.key).toMatch(API_KEY_FORMAT);
    expect(Buffer.from(secret.key.slice(3), "base64url")).toHaveLength(32);
    expect(secret.prefix).toBe(secret.key.slice(0, API_KEY_DISPLAY_LENGTH));
    expect(secret.prefix).toHaveLength(8);
    expect(secret.hash).toBe(createHash("sha256").update(secret.key).digest("hex"));
  });

  it("never repeats a key", () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });
});

describe("API_KEY_FORMAT", () => {
  it("accepts a generated key and rejects near misses", () => {
    expect(looksLikeApiKey(generateApiKey().key)).toBe(true);
    expect(looksLikeApiKey(`rk_${"a".repeat(42)}`)).toBe(false);
    expect(looksLikeApiKey(`rk_${"a".repeat(44)}`)).toBe(false);
    expect(looksLikeApiKey(`sk_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeApiKey(`rk_${"a".repeat(42)}=`)).toBe(false);
    expect(looksLikeApiKey(`rk_${"a".repeat(42)}+`)).toBe(false);
  });
});

describe("hashApiKey and verification", () => {
  it("hashes to a known SHA-256 value", () => {
    expect(hashApiKey("rk_test")).toBe("777cf8e9cb1c2ec1e749af726b07ef9d2391d25f63efb94e0110df191ac9ead9");
  });

  it("verifies the right key and rejects another key or a malformed hash", () => {
    const secret = generateApiKey();
    expect(verifyApiKey(secret.key, secret.hash)).toBe(true);
    expect(verifyApiKey(generateApiKey().key, secret.hash)).toBe(false);
    expect(verifyApiKey(secret.key, secret.hash.toUpperCase())).toBe(false);
    expect(verifyApiKey(secret.key, secret.hash.slice(0, 63))).toBe(false);
  });

  it("compares hashes only when both are SHA-256 hex", () => {
    const hash = hashApiKey("rk_x");
    expect(hashesEqual(hash, hash)).toBe(true);
    expect(hashesEqual(hash, hashApiKey("rk_y"))).toBe(false);
    expect(hashesEqual("", "")).toBe(false);
    expect(hashesEqual(`${hash}00`, `${hash}00`)).toBe(false);
  });

  it("shows only the first characters of a key", () => {
    expect(apiKeyDisplayPrefix("rk_ab12cdEFGH")).toBe("rk_ab12c");
  });
});
