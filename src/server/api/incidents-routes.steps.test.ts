import { pino } from "pino";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  containmentActions,
  getIncident,
  incidentSeverities,
  incidentStatuses,
  seriousKinds,
} from "../../core/api/incidents.js";
import { Authenticator } from "../../gateway/authenticator.js";
import { createApiKeyRepository, issueApiKey } from "../../store/index.js";
import { containmentActions as storedActions } from "../../store/repositories/incident-containment-repository.js";
import {
  incidentSeveritySchema,
  seriousKindSchema,
  incidentStatuses as storedStatuses,
} from "../../store/repositories/incident-repository.js";
import { type TestStore, testDatabases } from "../../store/test-support/test-databases.js";
import { buildApp } from "../app.js";
import { buildIncidentResponse, incidentsRoutes } from "./incidents-routes.js";

/** The contract's additions: playbook steps as a checklist, the severity filter, enums equal to the store's. */
describe("incident routes on the contract", () => {
  let testStore: TestStore;
  let url: string;
  const app = buildApp({ logger: pino({ level: "silent" }), bodyLimitBytes: 1_048_576 });
  const keys: Record<string, string> = {};
  const audited: string[] = [];

  beforeAll(async () => {
    testStore = await (testDatabases()[0]?.open() ?? Promise.reject(new Error("no sqlite")));
    const repository = createApiKeyRepository(testStore.store.db);
    for (const role of ["security", "auditor"])
      keys[role] = (await issueApiKey(repository, { name: role, kind: "admin", role })).key;
    const response = buildIncidentResponse({
      store: testStore.store,
      admins: new Authenticator(repository, "admin"),
      keys: repository,
      audit: { recordManagement: async (change) => void audited.push(JSON.stringify(change.changes)) },
    });
    await incidentsRoutes(app, response.incidentsRoutes);
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
    return { status: answer.statusCode, text, json: () => JSON.parse(text) as unknown };
  }

  it("declares the same statuses, severities, serious kinds and containment actions as the store", () => {
    expect(incidentStatuses).toEqual(storedStatuses);
    expect(incidentSeverities).toEqual(incidentSeveritySchema.options);
    expect(seriousKinds).toEqual(seriousKindSchema.options);
    expect(containmentActions).toEqual(storedActions);
  });

  it("ticks and unticks playbook steps, on the timeline and in the audit trail", async () => {
    const created = await call("POST", "/api/v1/incidents", "security", {
      title: "Campaign",
      playbook: "prompt-injection-campaign",
    });
    const id = (created.json() as { id: string }).id;
    const detail = async () =>
      getIncident.response.parse((await call("GET", `/api/v1/incidents/${id}`, "auditor")).json());
    const before = await detail();
    expect(before.steps).toHaveLength(6);
    expect(before.steps.every((step) => !step.done)).toBe(true);

    expect(
      (await call("PATCH", `/api/v1/incidents/${id}`, "auditor", { step: { index: 0, done: true } })).status,
    ).toBe(403);
    expect(
      (await call("PATCH", `/api/v1/incidents/${id}`, "security", { step: { index: 0, done: true } })).status,
    ).toBe(200);
    expect(
      (await call("PATCH", `/api/v1/incidents/${id}`, "security", { step: { index: 2, done: true } })).status,
    ).toBe(200);
    // ticking a ticked step changes nothing on the timeline
    expect(
      (await call("PATCH", `/api/v1/incidents/${id}`, "security", { step: { index: 2, done: true } })).status,
    ).toBe(200);
    expect(
      (await call("PATCH", `/api/v1/incidents/${id}`, "security", { step: { index: 0, done: false } }))
        .status,
    ).toBe(200);
    const after = await detail();
    expect(after.steps.map((step) => step.done)).toEqual([false, false, true, false, false, false]);
    expect(after.steps[2]?.changedBy).toMatch(/^admin:key_/);
    expect(after.timeline.filter((entry) => entry.kind === "step").map((entry) => entry.text)).toEqual([
      "step 1 done: Confirm the campaign from the alert's events and the audit trail",
      "step 3 done: Revoke the key or block the principal",
      "step 1 reopened: Confirm the campaign from the alert's events and the audit trail",
    ]);
    expect(audited.filter((line) => line.includes('"stepDone"'))).toHaveLength(4);

    const outOfRange = await call("PATCH", `/api/v1/incidents/${id}`, "security", {
      step: { index: 6, done: true },
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.text).toContain("step.index must be 0 to 5");
  });

  it("refuses a step on an incident without a playbook, and a malformed step with 400", async () => {
    const created = await call("POST", "/api/v1/incidents", "security", { title: "By hand" });
    const id = (created.json() as { id: string }).id;
    const noPlaybook = await call("PATCH", `/api/v1/incidents/${id}`, "security", {
      step: { index: 0, done: true },
    });
    expect(noPlaybook.status).toBe(400);
    expect(noPlaybook.text).toContain("follows no playbook");
    expect(
      (await call("PATCH", `/api/v1/incidents/${id}`, "security", { step: { index: -1, done: true } }))
        .status,
    ).toBe(400);
    expect(
      getIncident.response.parse((await call("GET", `/api/v1/incidents/${id}`, "auditor")).json()).steps,
    ).toEqual([]);
  });

  it("filters the list by severity and status", async () => {
    await call("POST", "/api/v1/incidents", "security", { title: "Low one", severity: "low" });
    await call("POST", "/api/v1/incidents", "security", { title: "Critical one", severity: "critical" });
    const low = (await call("GET", "/api/v1/incidents?severity=low", "auditor")).json() as {
      data: { title: string }[];
    };
    expect(low.data.map((incident) => incident.title)).toEqual(["Low one"]);
    const none = (
      await call("GET", "/api/v1/incidents?severity=critical&status=closed", "auditor")
    ).json() as {
      data: unknown[];
    };
    expect(none.data).toEqual([]);
    expect((await call("GET", "/api/v1/incidents?severity=urgent", "auditor")).status).toBe(400);
  });
});
