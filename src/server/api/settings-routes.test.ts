import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upstreamViewSchema } from "../../core/api/settings.js";
import { type GatewayHarness, startGatewayHarness } from "../../gateway/test-support/gateway-harness.js";
import { markerGuard } from "../../gateway/test-support/marker-guard.js";

// biome-ignore lint/suspicious/noExplicitAny: tests read fields of JSON answers
type Json = Record<string, any>;
type Role = "admin" | "security" | "auditor" | "owner";
const roles: Role[] = ["admin", "security", "auditor", "owner"];

const SECRET_KEY = "sk-upstream-secret-0123456789";
let harness: GatewayHarness;
/** accepts connections and never answers: a check must give up on its own */
let silent: Server;
let closedPort = 0;
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  // a port that was free a moment ago: connections to it are refused
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const silentPort = (silent.address() as AddressInfo).port;
  harness = await startGatewayHarness({
    guard: markerGuard(),
    extraYaml: [
      "  - name: private",
      `    url: http://operator:hunter2@127.0.0.1:${closedPort}/v1?token=querysecret`,
      `    apiKey: ${SECRET_KEY}`,
      "    models: [private-model]",
      "    aliases: { fast: private-model }",
      "  - name: silent",
      `    url: http://127.0.0.1:${silentPort}/v1`,
      "    models: [silent-model]",
    ].join("\n"),
  });
  for (const role of roles) keys[role] = await harness.key({ name: `${role} key`, kind: "admin", role });
}, 30_000);

afterAll(async () => {
  await harness?.close();
  silent?.closeAllConnections();
  await new Promise((resolve) => silent?.close(resolve));
});

async function call(path: string, key: string | undefined) {
  const response = await request(`${harness.url}${path}`, {
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });
  const text = await response.body.text();
  return { status: response.statusCode, text, json: JSON.parse(text) as Json };
}

describe("GET /api/v1/upstreams", () => {
  it("lists every upstream with its models and whether it answers now, within a bounded time", async () => {
    const began = performance.now();
    const answer = await call("/api/v1/upstreams", keys.auditor);
    // the silent upstream is given up after 2 s; checks run in parallel
    expect(performance.now() - began).toBeLessThan(4_000);
    expect(answer.status).toBe(200);
    const byName = new Map<string, ReturnType<typeof upstreamViewSchema.parse>>(
      answer.json.data.map((item: unknown) => {
        const view = upstreamViewSchema.parse(item);
        return [view.name, view];
      }),
    );
    expect([...byName.keys()].sort()).toEqual(["demo", "private", "scripted", "silent"]);
    const demo = byName.get("demo");
    expect(demo?.status.reachable).toBe(true);
    expect(demo?.status.httpStatus).toBe(200);
    expect(demo?.servedModels?.length).toBeGreaterThan(0);
    const unreachable = byName.get("private");
    expect(unreachable).toMatchObject({
      url: `http://127.0.0.1:${closedPort}/v1`,
      models: ["private-model"],
      aliases: { fast: "private-model" },
      hasApiKey: true,
      servedModels: null,
    });
    expect(unreachable?.status).toMatchObject({ reachable: false, httpStatus: null });
    expect(byName.get("silent")?.status).toMatchObject({
      reachable: false,
      detail: "no answer within 2000 ms",
    });
    expect(byName.get("scripted")?.hasApiKey).toBe(false);
  }, 15_000);

  it("never shows the upstream's key, the URL's password or its query", async () => {
    const answer = await call("/api/v1/upstreams", keys.security);
    expect(answer.text).not.toContain(SECRET_KEY);
    expect(answer.text).not.toContain("hunter2");
    expect(answer.text).not.toContain("operator");
    expect(answer.text).not.toContain("querysecret");
  });

  it("reuses a recent check, and checks again on refresh=true", async () => {
    const first = await call("/api/v1/upstreams", keys.owner);
    const again = await call("/api/v1/upstreams", keys.owner);
    const demoAt = (body: Json) =>
      body.data.find((item: { name: string }) => item.name === "demo").status.checkedAt as string;
    expect(demoAt(again.json)).toBe(demoAt(first.json));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const refreshed = await call("/api/v1/upstreams?refresh=true", keys.owner);
    expect(demoAt(refreshed.json) > demoAt(first.json)).toBe(true);
  }, 15_000);

  it("admits every admin role (policy:read) and refuses callers without an admin key", async () => {
    for (const role of roles) expect((await call("/api/v1/upstreams", keys[role])).status).toBe(200);
    expect((await call("/api/v1/upstreams", undefined)).status).toBe(401);
    const gatewayKey = await harness.key({ name: "gateway only" });
    expect((await call("/api/v1/upstreams", gatewayKey)).status).toBe(401);
    expect((await call("/api/v1/upstreams?refresh=maybe", keys.admin)).status).toBe(400);
  }, 15_000);
});
