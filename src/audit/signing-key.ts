import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { errorMessage, RampartError } from "../core/index.js";

/** PKCS#8 PEM of the Ed25519 checkpoint key, given directly (takes precedence over the file). */
export const SIGNING_KEY_VARIABLE = "RAMPART_AUDIT_SIGNING_KEY";
/** A path to the PEM file of the checkpoint key. */
export const SIGNING_KEY_FILE_VARIABLE = "RAMPART_AUDIT_SIGNING_KEY_FILE";
/** The file name of the key that Rampart generates next to the database. */
export const DEFAULT_SIGNING_KEY_FILE = "rampart-audit-signing-key.pem";

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** the first 16 hex digits of SHA-256 over the public key (SPKI DER) */
  readonly keyId: string;
  /** where it came from: a path, or the environment variable's name */
  readonly source: string;
}

/**
 * Where the generated key lives: beside the SQLite file, or in the configuration's folder for
 * PostgreSQL and in-memory databases.
 */
export function defaultSigningKeyPath(storage: { sqliteFile?: string | undefined; baseDir: string }): string {
  return join(
    storage.sqliteFile === undefined ? storage.baseDir : dirname(storage.sqliteFile),
    DEFAULT_SIGNING_KEY_FILE,
  );
}

/**
 * The checkpoint key: RAMPART_AUDIT_SIGNING_KEY, else the file RAMPART_AUDIT_SIGNING_KEY_FILE or the
 * default path. When that file does not exist it is created (mode 0600, never overwritten).
 */
export function loadOrCreateSigningKey(
  defaultPath: string,
  env: NodeJS.ProcessEnv = process.env,
): SigningKey {
  const existing = loadSigningKey(defaultPath, env);
  if (existing !== undefined) return existing;
  const path = env[SIGNING_KEY_FILE_VARIABLE] || defaultPath;
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    writeFileSync(path, pem, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // another process created it first: use theirs
    const raced = readIfPresent(path);
    if (raced !== undefined) return fromPem(raced, path);
    throw new RampartError(
      "config_invalid",
      `cannot write the audit signing key ${path}: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
  return fromPem(pem, path);
}

/** The checkpoint key from the environment or its file, or undefined when there is none yet. */
export function loadSigningKey(
  defaultPath: string,
  env: NodeJS.ProcessEnv = process.env,
): SigningKey | undefined {
  const inline = env[SIGNING_KEY_VARIABLE];
  if (inline !== undefined && inline.trim() !== "") return fromPem(inline, SIGNING_KEY_VARIABLE);
  const path = env[SIGNING_KEY_FILE_VARIABLE] || defaultPath;
  const existing = readIfPresent(path);
  return existing === undefined ? undefined : fromPem(existing, path);
}

/** A public key as printed by `rampart audit public-key`: base64 of the SPKI DER, one line. */
export function formatPublicKey(publicKey: KeyObject): string {
  return publicKey.export({ type: "spki", format: "der" }).toString("base64");
}

/** Reads a public key from its one-line base64 form or from PEM text. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith("-----BEGIN")
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "ed25519") throw new Error(`a ${key.asymmetricKeyType} key, not ed25519`);
    return key;
  } catch (error) {
    throw new RampartError("usage", `not an Ed25519 public key: ${errorMessage(error)}`, { cause: error });
  }
}

export function publicKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

function fromPem(pem: string, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new RampartError("config_invalid", `audit signing key from ${source} is not a PEM private key`, {
      cause: error,
    });
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new RampartError("config_invalid", `audit signing key from ${source} must be Ed25519`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey), source };
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error !== null && typeof error === "object" && "code" in error && error.code === "ENOENT")
      return undefined;
    throw new RampartError(
      "config_invalid",
      `cannot read the audit signing key ${path}: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}
