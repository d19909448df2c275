import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { LoadedConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import { PolicyGuard } from "../gateway/policy-guard.js";
import { MemoryVault, RedisVault } from "../gateway/redaction/index.js";
import { loadPolicyFromConfig } from "../policy/index.js";

/**
 * Keys of the redaction operators, from the environment: RAMPART_REDACTION_SALT (hash operator; a
 * random salt per process when unset, so hashes are stable only within one run) and
 * RAMPART_REDACTION_KEY (encrypt operator: 32 bytes, base64 or hex).
 */
export function redactionKeysFromEnvironment(env: NodeJS.ProcessEnv = process.env) {
  const salt = env.RAMPART_REDACTION_SALT ?? randomBytes(16).toString("hex");
  const keyText = env.RAMPART_REDACTION_KEY;
  if (keyText === undefined || keyText === "") return { hashSalt: salt };
  const key = /^[0-9a-f]{64}$/i.test(keyText) ? Buffer.from(keyText, "hex") : Buffer.from(keyText, "base64");
  if (key.length !== 32) {
    throw new RampartError(
      "config_invalid",
      "RAMPART_REDACTION_KEY must be 32 bytes, as 64 hex digits or base64",
    );
  }
  return { hashSalt: salt, encryptionKey: key };
}

/** The gateway's content guard: the configured policy (or the built-in default) over the detectors. */
export function createGuard(loaded: LoadedConfig, redis?: Redis): PolicyGuard {
  const policy = loadPolicyFromConfig(loaded);
  const vault = redis === undefined ? new MemoryVault() : new RedisVault(redis);
  return new PolicyGuard(policy, vault, redactionKeysFromEnvironment());
}
