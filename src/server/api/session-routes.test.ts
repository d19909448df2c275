import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../gateway/principal.js";
import { type GatewayHarness, startGatewayHarness } from "../../gateway/test-support/gateway-harness.js";
import { markerGuard } from "../../gateway/test-support/marker-guard.js";
import { DashboardSessions } from "./dashboard-sessions.js";

let harness: GatewayHarness;
let auditorKey: string;

beforeAll(async () => {
  harness = await startGatewayHarness({ guard: markerGuard() });
  auditorKey = await harness.key({ name: "auditor", kind: "admin", role: "auditor" });
});
afterAll(async () => {
  await harness?.close();
});

async function call(
  method: "GET" | "POST" | "DELETE",
  path: string,
  options: { cookie?: string; csrf?: string; body?: unknown } = {},
) {
  const response = await request(`${harness.url}${path}`, {
    method,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.csrf ? { "x-rampart-csrf": options.csrf } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: test reads fields of JSON answers
    body: (text === "" ? {} : JSON.parse(text)) as Record<string, any>,
  };
}

async function signIn(key: string) {
  const response = await call("POST", "/api/v1/session", { body: { key } });
  const setCookie = String(response.headers["set-cookie"] ?? "");
  const cookie = setCookie.split(";")[0] ?? "";
  return { response, setCookie, cookie, csrf: response.body.csrfToken as string };
}

describe("dashboard sessions", () => {
  it("exchanges an admin key for an HttpOnly, SameSite=Strict cookie and a CSRF token", async () => {
    const demoAdmin = harness.server.demoAdminKey;
    expect(demoAdmin).toBeDefined();
    const { response, setCookie, cookie } = await signIn(demoAdmin as string);
    expect(response.status).toBe(201);
    expect(response.body.admin.role).toBe("admin");
    expect(response.body.admin.scopes).toContain("keys:write");
    expect(response.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain HTTP on loopback; Secure is set behind TLS
    const session = await call("GET", "/api/v1/session", { cookie });
    expect(session.status).toBe(200);
    expect(session.body.csrfToken).toBe(response.body.csrfToken);
    expect((await call("GET", "/api/v1/keys", { cookie })).status).toBe(200);
  });

  it("refuses a session write without the CSRF token, accepts it with the token", async () => {
    const { cookie, csrf } = await signIn(harness.server.demoAdminKey as string);
    const refused = await call("POST", "/api/v1/keys", { cookie, body: { name: "no csrf" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("x-rampart-csrf");
    const wrong = await call("POST", "/api/v1/keys", {
      cookie,
      csrf: `${csrf.slice(0, -1)}x`,
      body: { name: "x" },
    });
    expect(wrong.status).toBe(403);
    const accepted = await call("POST", "/api/v1/keys", { cookie, csrf, body: { name: "with csrf" } });
    expect(accepted.status).toBe(201);
  });

  it("follows the role matrix: an auditor session reads but cannot write", async () => {
    const { cookie, csrf } = await signIn(auditorKey);
    expect((await call("GET", "/api/v1/keys", { cookie })).status).toBe(200);
    const write = await call("POST", "/api/v1/keys", { cookie, csrf, body: { name: "auditor try" } });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain("keys:write");
  });

  it("answers 401 in the OpenAI shape for a bad key, a gateway key, and no session", async () => {
    const bad = await call("POST", "/api/v1/session", { body: { key: "rk_not_a_key" } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("invalid_api_key");
    const gatewayKey = await call("POST", "/api/v1/session", { body: { key: harness.server.demoKey } });
    expect(gatewayKey.status).toBe(401);
    const empty = await call("POST", "/api/v1/session", { body: { key: "" } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain("admin key");
    expect((await call("GET", "/api/v1/session")).status).toBe(401);
    const unknownCookie = await call("GET", "/api/v1/keys", { cookie: "rampart_session=forged" });
    expect(unknownCookie.status).toBe(401);
    expect(unknownCookie.body.error.message).toContain("sign in again");
  });

  it("signs out: the cookie no longer works and the change is in the audit trail", async () => {
    const { cookie, csrf } = await signIn(harness.server.demoAdminKey as string);
    const out = await call("DELETE", "/api/v1/session", { cookie, csrf });
    expect(out.status).toBe(200);
    expect(out.body.signedOut).toBe(true);
    expect(String(out.headers["set-cookie"])).toMatch(/rampart_session=;/);
    expect((await call("GET", "/api/v1/keys", { cookie })).status).toBe(401);
    const rows = await harness.server.store.db
      .selectFrom("audit_events" as never)
      .selectAll()
      .execute()
      .catch(() => []);
    const text = JSON.stringify(rows);
    expect(text).toContain("session.sign-in");
    expect(text).toContain("session.sign-out");
  });

  it("ends the session of a revoked key at once", async () => {
    const key = await harness.key({ name: "short-lived admin", kind: "admin", role: "security" });
    const { cookie } = await signIn(key);
    expect((await call("GET", "/api/v1/keys", { cookie })).status).toBe(200);
    const { cookie: adminCookie, csrf } = await signIn(harness.server.demoAdminKey as string);
    const list = await call("GET", "/api/v1/keys", { cookie: adminCookie });
    const id = (list.body.data as { id: string; name: string }[]).find(
      (k) => k.name === "short-lived admin",
    )?.id;
    expect(id).toBeDefined();
    expect(
      (await call("POST", `/api/v1/keys/${id}/revoke`, { cookie: adminCookie, csrf, body: {} })).status,
    ).toBe(200);
    // the admin authenticator caches lookups for up to 500 ms
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await call("GET", "/api/v1/keys", { cookie })).status).toBe(401);
  });
});

describe("DashboardSessions", () => {
  const principal = { keyId: "k1", keyName: "k", role: "admin" } as unknown as Principal;

  it("expires a session after the idle timeout and after the absolute timeout", () => {
    let now = 0;
    const sessions = new DashboardSessions({ idleTimeoutMs: 1000, absoluteTimeoutMs: 5000, now: () => now });
    const session = sessions.open("key", principal);
    now = 900;
    expect(sessions.use(session.id)).toBeDefined();
    now = 1800; // 900 ms after the last use: still alive
    expect(sessions.use(session.id)).toBeDefined();
    now = 2900; // 1100 ms idle
    expect(sessions.use(session.id)).toBeUndefined();
    const busy = sessions.open("key", principal);
    for (now = 3000; now <= 7900; now += 700) expect(sessions.use(busy.id)).toBeDefined();
    now = 8100; // over 5 s since sign-in, though used 200 ms ago
    expect(sessions.use(busy.id)).toBeUndefined();
  });

  it("keeps at most maxSessions, dropping the least recently used", () => {
    const sessions = new DashboardSessions({ maxSessions: 2 });
    const a = sessions.open("a", principal);
    const b = sessions.open("b", principal);
    sessions.use(a.id);
    const c = sessions.open("c", principal);
    expect(sessions.size).toBe(2);
    expect(sessions.use(b.id)).toBeUndefined();
    expect(sessions.use(a.id)).toBeDefined();
    expect(sessions.use(c.id)).toBeDefined();
    expect(sessions.closeForKey("k1")).toBe(2);
  });
});

describe("contract endpoints", () => {
  it("check the caller before the body: no session and a bad body is 401, not 400", async () => {
    const response = await call("POST", "/api/v1/keys", { body: { name: 42 } });
    expect(response.status).toBe(401);
  });
});
