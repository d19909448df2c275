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

/**
 * The admin key of `rampart serve --demo`, for signing in to the dashboard on the same loopback-only
 * demo server. Like the demo gateway key it lives only in memory and only with --demo.
 */
export const DEMO_ADMIN_KEY = "rk_demo_admin_local_only_do_not_use_in_production_0";

export function demoAdminKeyRecord(now = new Date()): ApiKeyRecord {
  return {
    ...demoKeyRecord(now),
    id: "key_demo_admin",
    name: "demo admin (in memory, --demo only)",
    prefix: DEMO_ADMIN_KEY.slice(0, 8),
    hash: hashApiKey(DEMO_ADMIN_KEY),
    role: "admin",
    app: null,
    kind: "admin",
  };
}
