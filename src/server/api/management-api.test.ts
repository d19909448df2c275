import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGatewayHarness } from "../../gateway/test-support/gateway-harness.js";
import { markerGuard } from "../../gateway/test-support/marker-guard.js";

/**
 * The role-by-action matrix of docs/management-api.md, written out cell by cell: the test checks
 * that the server enforces what the documentation promises. ✓ = allowed, ✗ = 403.
 */
const matrix = {
  "GET /api/v1/me": { admin: true, security: true, auditor: true, owner: true },
  "GET /api/v1/policy": { admin: true, security: true, auditor: true, owner: true },
  "GET /api/v1/keys": { admin: true, security: true, auditor: true, owner: true },
  "POST /api/v1/keys": { admin: true, security: false, auditor: false, owner: false },
  "POST /api/v1/keys/:id/revoke": { admin: true, security: true, auditor: false, owner: false },
} as const;

type Role = "admin" | "security" | "auditor" | "owner";
const roles: Role[] = ["admin", "security", "auditor", "owner"];

let harness: GatewayHarness;
const adminKeys = {} as Record<Role, string>;

beforeAll(async () => {
  harness = await startGatewayHarness({ guard: markerGuard() });
  for (const role of roles) adminKeys[role] = await harness.key({ name: `${role} key`, kind: "admin", role });
});
afterAll(async () => {
  await harness?.close();
});

async function call(route: string, key: string | undefined) {
  const [method, template] = route.split(" ") as ["GET" | "POST", string];
  let path = template;
  if (path.includes(":id")) path = path.replace(":id", await targetKeyId());
  const response = await request(`${harness.url}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(method === "POST" ? { "content-type": "application/json" } : {}),
    },
    body:
      method === "POST" ? JSON.stringify(path.endsWith("/keys") ? { name: "made by test" } : {}) : undefined,
  });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

/** a fresh gateway key to revoke, so each revoke cell acts on a real key */
async function targetKeyId(): Promise<string> {
  const response = await request(`${harness.url}/api/v1/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminKeys.admin}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "revocation target" }),
  });
  const body = (await response.body.json()) as { id: string };
  return body.id;
}

describe("management API role matrix", () => {
  for (const [route, row] of Object.entries(matrix)) {
    for (const role of roles) {
      const allowed = row[role];
      it(`${route} as ${role}: ${allowed ? "allowed" : "403"}`, async () => {
        const { status, body } = await call(route, adminKeys[role]);
        if (allowed) expect(status).toBeLessThan(300);
        else {
          expect(status).toBe(403);
          expect((body.error as { code: string }).code).toBe("forbidden");
        }
      });
    }
    it(`${route} without a key: 401`, async () => {
      expect((await call(route, undefined)).status).toBe(401);
    });
  }

  it("refuses a gateway key on the management API", async () => {
    const gatewayKey = await harness.key({ name: "gateway only" });
    expect((await call("GET /api/v1/keys", gatewayKey)).status).toBe(401);
  });

  it("creates a key that works at once on the gateway, and a revoke stops it on this node at once", async () => {
    const created = await request(`${harness.url}/api/v1/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminKeys.admin}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "live", models: ["rampart-demo"] }),
    });
    const body = (await created.body.json()) as { id: string; key: string; prefix: string };
    expect(created.statusCode).toBe(201);
    expect(body.key.startsWith(body.prefix)).toBe(true);
    const chat = () =>
      request(`${harness.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${body.key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "rampart-demo", messages: [{ role: "user", content: "hi" }] }),
      });
    expect((await chat()).statusCode).toBe(200);
    const revoked = await request(`${harness.url}/api/v1/keys/${body.id}/revoke`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminKeys.security}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(revoked.statusCode).toBe(200);
    expect((await chat()).statusCode).toBe(401);
  });

  it("never lists key hashes or keys", async () => {
    const { body } = await call("GET /api/v1/keys", adminKeys.auditor);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"hash"/);
    expect(text).not.toMatch(/rk_[A-Za-z0-9_-]{43}/);
  });
});
