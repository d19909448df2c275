import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Authenticator } from "../../gateway/authenticator.js";
import { starterGovernance } from "../../govern/as-code/starter-governance.js";
import {
  createApiKeyRepository,
  issueApiKey,
  migrateToLatest,
  openDatabase,
  type Store,
} from "../../store/index.js";
import { createGovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { buildApp } from "../app.js";
import { governanceRoutes } from "./governance-routes.js";

describe("governance routes", () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-governance-api-"));
  let store: Store;
  let app: ReturnType<typeof buildApp>;
  let ownerKey = "";
  let auditorKey = "";

  beforeAll(async () => {
    store = await openDatabase(`sqlite:${join(dir, "rampart.db")}`);
    await migrateToLatest(store);
    const keys = createApiKeyRepository(store.db);
    const admin = { kind: "admin" as const, app: null, team: null, models: [], expiresAt: null };
    ownerKey = (await issueApiKey(keys, { ...admin, name: "owner", role: "owner" })).key;
    auditorKey = (await issueApiKey(keys, { ...admin, name: "auditor", role: "auditor" })).key;
    app = buildApp({ logger: pino({ level: "silent" }), bodyLimitBytes: 1_000_000 });
    await app.register(governanceRoutes, {
      admins: new Authenticator(keys, "admin"),
      governanceRecords: createGovernanceRecordRepository(store.db),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: "GET" | "PUT", url: string, key: string, payload?: object) =>
    app.inject(
      payload === undefined
        ? { method, url, headers: { authorization: `Bearer ${key}` } }
        : { method, url, headers: { authorization: `Bearer ${key}` }, payload },
    );

  it("an owner applies the records, an auditor reads them but may not write", async () => {
    const starter = starterGovernance("2026-11-01");
    const dry = await call("PUT", "/api/v1/governance?dryRun=true", ownerKey, starter);
    expect(dry.statusCode).toBe(200);
    expect((await call("GET", "/api/v1/governance", auditorKey)).json().risks).toEqual([]);
    expect(
      (await call("PUT", "/api/v1/governance", ownerKey, starter)).json().changes.length,
    ).toBeGreaterThan(10);
    expect((await call("GET", "/api/v1/governance", auditorKey)).json()).toEqual(starter);
    expect((await call("PUT", "/api/v1/governance", auditorKey, starter)).statusCode).toBe(403);
    const risks = (await call("GET", "/api/v1/governance/risks", auditorKey)).json();
    expect(risks.data[0]).toMatchObject({
      id: "prompt-injection",
      inherent: 16,
      residual: 8,
      band: "medium",
    });
    const csv = await call("GET", "/api/v1/governance/raci?format=csv", auditorKey);
    expect(csv.body.startsWith("activity,")).toBe(true);
  });

  it("refuses a chart with two accountable roles, naming the file and activity", async () => {
    const starter = starterGovernance("2026-11-01");
    const broken = { ...starter, raci: { audits: { ciso: "A", dpo: "A", ml: "R" } } };
    const answer = await call("PUT", "/api/v1/governance", ownerKey, broken);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.message).toContain("raci.yaml: audits: has 2 accountable roles");
  });
});
