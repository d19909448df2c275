import { type ApiKeyRecord, hashApiKey } from "../store/index.js";

/**
 * The key of `rampart serve --demo`, printed in the README so that the quick start can be pasted.
 * It exists only in the memory of a demo server that listens on a loopback address; it is never
 * stored and is refused by any server started without --demo.
 */
export const DEMO_API_KEY = "rk_demo_local_only_do_not_use_in_production_00000";

export function demoKeyRecord(now = new Date()): ApiKeyRecord {
  return {
    id: "key_demo",
    name: "demo (in memory, --demo only)",
    prefix: DEMO_API_KEY.slice(0, 8),
    hash: hashApiKey(DEMO_API_KEY),
    role: "app",
    app: "demo",
    team: null,
    models: [],
    clearance: "internal",
    limits: null,
    kind: "gateway",
    createdAt: now,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
  };
}
