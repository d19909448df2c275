import { pino } from "pino";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManagementChange } from "../../audit/audit-trail.js";
import type { DecisionEvent } from "../../core/index.js";
import { Authenticator } from "../../gateway/authenticator.js";
import { createApiKeyRepository, issueApiKey } from "../../store/index.js";
import { type TestStore, testDatabases } from "../../store/test-support/test-databases.js";
import { buildApp } from "../app.js";
import { alertsRoutes } from "./alerts-routes.js";
import { buildIncidentResponse, incidentsRoutes } from "./incidents-routes.js";

/** The routes on a real HTTP server over a SQLite file, with admin keys of every role. */
describe("incident and alert routes", () => {
  let testStore: TestStore;
  let url: string;
  let response: ReturnType<typeof buildIncidentResponse>;
  const app = buildApp({ logger: pino({ level: "silent" }), bodyLimitBytes: 1_048_576 });
  const keys: Record<string, string> = {};
  const changes: ManagementChange[] = [];
  let targetKeyId = "";

  beforeAll(async () => {
    testStore = await (testDatabases()[0]?.open() ?? Promise.reject(new Error("no sqlite")));
    const repository = createApiKeyRepository(testStore.store.db);
    for (const role of ["admin", "security", "auditor", "owner"])
      keys[role] = (await issueApiKey(repository, { name: role, kind: "admin", role })).key;
    targetKeyId = (await issueApiKey(repository, { name: "caller" })).record.id;
    response = buildIncidentResponse({
      store: testStore.store,
      admins: new Authenticator(repository, "admin"),
      keys: repository,
      audit: { recordManagement: async (change) => void changes.push(change) },
    });
    await incidentsRoutes(app, response.incidentsRoutes);
    await alertsRoutes(app, response.alertsRoutes);
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await testStore.dispose();
  });

  async function call(method: "GET" | "POST" | "PATCH", path: string, role: string, body?: unknown) {
    const answer = await request(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${keys[role]}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.body.text();
    return { status: answer.statusCode, text, json: () => JSON.parse(text) as Record<string, unknown> };
  }

  it("creates, lists, updates incidents and refuses an invalid transition with 400", async () => {
    expect((await call("POST", "/api/v1/incidents", "auditor", { title: "x" })).status).toBe(403);
    const created = await call("POST", "/api/v1/incidents", "owner", {
      title: "Leak",
      playbook: "personal-data-leak",
      serious: "general",
      links: { assets: ["asset_chatbot"] },
    });
    expect(created.status).toBe(201);
    const incident = created.json() as { id: string; art73: { days: number } };
    expect(incident.art73.days).toBe(15);
    const bad = await call("PATCH", `/api/v1/incidents/${incident.id}`, "security", { status: "closed" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("it can move to triaged, not closed");
    expect(
      (await call("PATCH", `/api/v1/incidents/${incident.id}`, "security", { status: "triaged" })).status,
    ).toBe(200);
    const listed = await call("GET", "/api/v1/incidents?status=triaged", "auditor");
    expect((listed.json().data as { id: string }[]).map((entry) => entry.id)).toEqual([incident.id]);
    const shown = (await call("GET", `/api/v1/incidents/${incident.id}`, "auditor")).json();
    expect((shown.timeline as { kind: string }[]).map((entry) => entry.kind)).toEqual(["created", "status"]);
    const html = await call("GET", `/api/v1/incidents/${incident.id}/report?format=html`, "auditor");
    expect(html.text).toContain("<h1>Post-incident report: Leak</h1>");
    expect((await call("GET", "/api/v1/incidents/inc_missing", "auditor")).status).toBe(404);
  });

  it("runs containment for security, refuses owners and auditors, and audits it", async () => {
    const body = { action: "revoke-key", target: targetKeyId };
    expect((await call("POST", "/api/v1/containments", "owner", body)).status).toBe(403);
    expect((await call("POST", "/api/v1/containments", "auditor", body)).status).toBe(403);
    const done = await call("POST", "/api/v1/containments", "security", body);
    expect(done.status).toBe(201);
    expect(changes.map((change) => change.action)).toContain("containment.revoke-key");
    const block = await call("POST", "/api/v1/containments", "security", {
      action: "block-principal",
      target: "app:support",
    });
    expect(block.status).toBe(201);
    expect((await response.activeContainments()).blockedPrincipals.has("app:support")).toBe(true);
    const active = (await call("GET", "/api/v1/containments", "auditor")).json().data as { action: string }[];
    expect(active.map((entry) => entry.action)).toEqual(["revoke-key", "block-principal"]);
    const blockId = (block.json() as { id: string }).id;
    expect((await call("POST", `/api/v1/containments/${blockId}/lift`, "owner")).status).toBe(403);
    expect((await call("POST", `/api/v1/containments/${blockId}/lift`, "security")).status).toBe(200);
    expect((await call("POST", `/api/v1/containments/${blockId}/lift`, "security")).status).toBe(404);
    expect((await response.activeContainments()).blockedPrincipals.has("app:support")).toBe(false);
    expect(changes.map((change) => change.action)).toContain("containment.lift");
  });

  it("lists the alerts the monitor raised, with the incident each opened", async () => {
    const finding = {
      detector: "pi",
      category: "prompt-injection" as const,
      rule: "r",
      score: 1,
      direction: "input" as const,
      start: 0,
      end: 1,
    };
    for (let index = 0; index < 3; index += 1) {
      const event: DecisionEvent = {
        type: "gateway.decision",
        requestId: `req_${index}`,
        at: new Date().toISOString(),
        endpoint: "/v1/chat/completions",
        principal: { keyId: targetKeyId, role: "app", app: null, team: null },
        model: "demo",
        upstream: "demo",
        stream: false,
        status: 403,
        verdict: "block",
        inputVerdict: "block",
        outputVerdict: "allow",
        categories: ["prompt-injection"],
        findings: [finding],
        skipped: [],
        errorCode: "policy_violation",
        usage: null,
        timings: { totalMs: 1, overheadMs: 1, upstreamMs: 0 },
      };
      response.pipeline.observe(event, { node: "n1", seq: index + 1 });
    }
    await response.pipeline.settled();
    const alerts = (await call("GET", "/api/v1/alerts", "auditor")).json().data as {
      rule: string;
      incidentId: string;
    }[];
    expect(alerts.map((alert) => alert.rule)).toEqual(["repeated-injection"]);
    const incident = (await call("GET", `/api/v1/incidents/${alerts[0]?.incidentId}`, "auditor")).json();
    expect(incident.playbook).toBe("prompt-injection-campaign");
    expect((incident.links as { events: string[] }).events.slice(0, 3)).toEqual(["n1:1", "n1:2", "n1:3"]);
    expect((await call("GET", "/api/v1/alerts", "owner")).status).toBe(200);
    expect((await request(`${url}/api/v1/alerts`)).statusCode).toBe(401);
  });
});
