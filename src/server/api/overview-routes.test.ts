import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEventRow, Overview } from "../../core/api/index.js";
import { type GatewayHarness, startGatewayHarness } from "../../gateway/test-support/gateway-harness.js";
import { BLOCK_MARKER, markerGuard, REDACT_VALUE } from "../../gateway/test-support/marker-guard.js";
import { createIncidentRepository } from "../../store/repositories/incident-repository.js";
import { createRedteamRunRepository } from "../../store/repositories/redteam-run-repository.js";

/**
 * GET /api/v1/overview on a real `rampart serve --demo`: gateway traffic through /v1/chat/completions
 * (the marker guard decides: one block, one redaction, two allowed), incidents and red-team runs in
 * the store.
 */
let harness: GatewayHarness;
let auditor: string;
let viewer: string;

async function chat(key: string, content: string) {
  const response = await request(`${harness.url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "rampart-demo", messages: [{ role: "user", content }] }),
  });
  await response.body.text();
  return response.statusCode;
}

async function overview(query: string, key: string | null = auditor) {
  const response = await request(`${harness.url}/api/v1/overview${query}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
  return { status: response.statusCode, body: (await response.body.json()) as Overview };
}

beforeAll(async () => {
  harness = await startGatewayHarness({ guard: markerGuard() });
  auditor = await harness.key({ name: "auditor", kind: "admin", role: "auditor" });
  viewer = await harness.key({ name: "viewer", kind: "admin", role: "viewer" });
  const app = await harness.key({ name: "shop", app: "shop" });
  expect(await chat(app, "hello")).toBe(200);
  expect(await chat(app, "hello again")).toBe(200);
  expect(await chat(app, `please ${BLOCK_MARKER} now`)).toBe(403);
  expect(await chat(app, `mail ${REDACT_VALUE}`)).toBe(200);

  const incidents = createIncidentRepository(harness.server.store.db);
  const incident = (severity: "low" | "high" | "critical") => ({
    title: `${severity} incident`,
    description: "test",
    severity,
    playbook: null,
    serious: null,
    awareAt: new Date(),
    links: { alerts: [], events: [], assets: [], risks: [] },
    createdBy: "test",
  });
  await incidents.create(incident("high"));
  const triaged = await incidents.create(incident("critical"));
  await incidents.update(triaged.id, { status: "triaged" });
  const resolved = await incidents.create(incident("low"));
  await incidents.update(resolved.id, { status: "resolved" });

  const runs = createRedteamRunRepository(harness.server.store.db);
  const run = (id: string, target: string, asr: number, hoursAgo: number) => ({
    id,
    target,
    model: "rampart-demo",
    seed: 1,
    startedAt: new Date(Date.now() - hoursAgo * 3_600_000 - 60_000),
    finishedAt: new Date(Date.now() - hoursAgo * 3_600_000),
    cases: 100,
    successes: Math.round(asr * 100),
    asr,
    overRefusalRate: 0.02,
    summary: {},
  });
  await runs.save(run("run_old", "gateway", 0.4, 48));
  await runs.save(run("run_other", "upstream", 0.6, 24));
  await runs.save(run("run_new", "gateway", 0.25, 1));
}, 60_000);
afterAll(async () => {
  await harness?.close();
});

describe("GET /api/v1/overview", () => {
  it("needs a signed-in admin: 401 without a key; 400 on an unknown window", async () => {
    expect((await overview("?window=1h", null)).status).toBe(401);
    const bad = await overview("?window=2h");
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { error: { code: string } }).error.code).toBe("invalid_request");
  });

  it("leaves out each section the role may not read", async () => {
    const { status, body } = await overview("?window=1h", viewer);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      traffic: null,
      topBlockedCategories: null,
      incidents: null,
      redteam: null,
      auditChain: null,
    });
  });

  it("counts requests and verdicts in 5-minute buckets from where the trail begins", async () => {
    const { status, body } = await overview("?window=1h");
    expect(status).toBe(200);
    expect(body.bucketSeconds).toBe(300);
    expect(body.traffic?.totals).toEqual({ requests: 4, allow: 2, flag: 0, redact: 1, block: 1 });
    const buckets = body.traffic?.buckets ?? [];
    const sum = buckets.reduce((total, bucket) => total + bucket.requests, 0);
    expect(sum).toBe(4);
    for (const bucket of buckets) expect(Date.parse(bucket.start) % 300_000).toBe(0);
    // the trail is minutes old: the first bucket is the one of its oldest event, not an hour ago
    const events = await request(`${harness.url}/api/v1/audit/events?limit=500`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    const rows = ((await events.body.json()) as { data: AuditEventRow[] }).data;
    const oldest = Date.parse(rows.at(-1)?.at ?? "");
    expect(Date.parse(buckets[0]?.start ?? "")).toBe(Math.floor(oldest / 300_000) * 300_000);
    expect(buckets.length).toBeLessThanOrEqual(2);
    const last = Date.parse(buckets.at(-1)?.start ?? "");
    expect(last).toBeLessThanOrEqual(Date.parse(body.to));
    expect(last + 300_000).toBeGreaterThan(Date.parse(body.to));
    expect(body.topBlockedCategories).toEqual([{ category: "prompt-injection", count: 1 }]);
  });

  it("sizes the buckets for each window", async () => {
    for (const [window, seconds] of [
      ["24h", 3600],
      ["7d", 21_600],
      ["30d", 86_400],
    ] as const) {
      const { body } = await overview(`?window=${window}`);
      expect(body.window).toBe(window);
      expect(body.bucketSeconds).toBe(seconds);
      expect(body.traffic?.totals.requests).toBe(4);
      expect(body.traffic?.buckets.length).toBeGreaterThan(0);
      for (const bucket of body.traffic?.buckets ?? [])
        expect(Date.parse(bucket.start) % (seconds * 1000)).toBe(0);
      expect(Date.parse(body.from) % (seconds * 1000)).toBe(0);
    }
    // the default window is 24h
    expect((await overview("")).body.window).toBe("24h");
  });

  it("counts unresolved incidents by severity", async () => {
    const { body } = await overview("?window=24h");
    expect(body.incidents).toEqual({ open: 2, bySeverity: { critical: 1, high: 1, medium: 0, low: 0 } });
  });

  it("lists the newest red-team runs with their ASR change against the previous run on the same target", async () => {
    const { body } = await overview("?window=7d");
    expect(body.redteam?.runs.map((run) => run.id)).toEqual(["run_new", "run_other", "run_old"]);
    const [newest, other, old] = body.redteam?.runs ?? [];
    expect(newest?.previousAsr).toBe(0.4);
    expect(newest?.change).toBeCloseTo(-0.15, 10);
    expect(other?.previousAsr).toBeNull();
    expect(old?.change).toBeNull();
    expect(body.redteam?.trend).toBe("down");
  });

  it("includes the audit chain's status", async () => {
    const { body } = await overview("?window=1h");
    expect(body.auditChain?.nodes).toHaveLength(1);
    expect(body.auditChain?.events).toBeGreaterThanOrEqual(4);
    expect(body.auditChain?.nodes[0]?.head?.hashPrefix).toMatch(/^[0-9a-f]{12}$/);
  });
});
