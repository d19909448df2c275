import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendDecisions,
  openTestWriter,
  testSigningKey,
} from "../../../audit/test-support/audit-fixtures.js";
import { loadConfig } from "../../../config/index.js";
import { loadPolicyFromConfig } from "../../../policy/index.js";
import { sampleRunReport } from "../../../redteam/report/test-support/sample-run-report.js";
import { migrateToLatest, openDatabase, type Store } from "../../../store/index.js";
import { createAuditRepository } from "../../../store/repositories/audit-event-repository.js";
import { createRedteamRunRepository } from "../../../store/repositories/redteam-run-repository.js";
import { loadControls, loadFramework } from "../../catalog/load-catalog.js";
import { buildComplianceReport } from "../compliance-engine.js";
import { auditChainVerifier, auditGatewayStats } from "./audit-store-sources.js";
import { combinedRedTeamSource, redTeamStoreSource } from "./redteam-store-source.js";

describe("store-backed evidence sources", () => {
  let folder: string;
  let store: Store;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-comply-store-"));
    store = await openDatabase("sqlite:./rampart.db", { baseDir: folder });
    await migrateToLatest(store);
  });
  afterEach(async () => {
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("a stored red-team run's evidence appears on LLM01 and LLM07", async () => {
    const report = sampleRunReport();
    const finishedAt = new Date("2026-11-20T10:00:00.000Z");
    await createRedteamRunRepository(store.db).save({
      id: "run_stored",
      target: report.run.target,
      model: report.run.model,
      seed: 1,
      startedAt: new Date("2026-11-20T09:00:00.000Z"),
      finishedAt,
      cases: report.summary.cases,
      successes: report.summary.successes,
      asr: report.summary.asr,
      overRefusalRate: report.summary.overRefusalRate,
      summary: { ...report.summary },
    });
    const source = combinedRedTeamSource([redTeamStoreSource(createRedteamRunRepository(store.db))]);
    const runs = await source.recentRuns();
    expect(runs.map((run) => run.id)).toEqual(["run_stored"]);
    expect(runs[0]?.byOwasp.LLM07?.cases).toBeGreaterThan(0);
    const loaded = loadConfig({ cwd: folder, env: {} });
    const compliance = await buildComplianceReport(loadFramework("owasp-llm-2025"), loadControls(), {
      config: loaded,
      policy: loadPolicyFromConfig(loaded),
      redteam: source,
      now: () => new Date("2026-11-27T10:00:00.000Z"),
    });
    for (const id of ["LLM01", "LLM07"]) {
      const evidence = compliance.requirements.find((item) => item.id === id)?.evidence ?? [];
      const stored = evidence.find(
        (item) => item.source === "redteam" && item.reference === "store:redteam_runs/run_stored",
      );
      expect(stored?.ageDays, id).toBe(7);
      expect(stored?.summary).toContain("(run run_stored)");
    }
  });

  it("gateway statistics count decisions in the window and by category; the chain verifies", async () => {
    const key = testSigningKey();
    const writer = await openTestWriter(store, key);
    await appendDecisions(writer, 10);
    await writer.close();
    const repository = createAuditRepository(store.db);
    const stats = auditGatewayStats(repository);
    const all = await stats.decisionStats(new Date(0), []);
    expect(all.decisions).toBe(10);
    expect(all.blocked).toBe(2);
    const injection = await stats.decisionStats(new Date(0), ["prompt-injection"]);
    expect(injection.matching).toBe(2);
    const pii = await stats.decisionStats(new Date(0), ["pii"]);
    expect(pii.matching).toBe(0);
    const future = await stats.decisionStats(new Date(Date.now() + 86_400_000), []);
    expect(future.decisions).toBe(0);
    const verification = await auditChainVerifier(repository, key.publicKey).verify();
    expect(verification.ok).toBe(true);
    expect(verification.events).toBe(10);
    const other = testSigningKey();
    expect((await auditChainVerifier(repository, other.publicKey).verify()).ok).toBe(false);
  });
});
