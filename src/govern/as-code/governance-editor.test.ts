import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config/index.js";
import { defaultPolicy } from "../../policy/index.js";
import { createApiKeyRepository, issueApiKey } from "../../store/index.js";
import { createGovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { createRedteamRunRepository } from "../../store/repositories/redteam-run-repository.js";
import { describeEachDatabase, useFreshStore } from "../../store/test-support/test-databases.js";
import { checkInputsFrom } from "../audits/check-inputs.js";
import { loadControls, loadFramework } from "../catalog/load-catalog.js";
import { buildComplianceReport } from "../compliance/compliance-engine.js";
import { RUNTIME_KINDS } from "../records/runtime-records.js";
import { writeAcceptableUseToPolicyFile } from "./acceptable-use-file.js";
import { readGovernance } from "./apply-governance.js";
import { createGovernanceEditor } from "./governance-editor.js";
import { residualLikelihood, trainingView } from "./governance-views.js";
import { starterGovernance } from "./starter-governance.js";
import { storeGovernanceRecordsSource } from "./store-records-source.js";

const starter = starterGovernance("2026-11-01");

describeEachDatabase("governance editor", (database) => {
  const store = useFreshStore(database);

  it("validates a change as a whole register and names the file and path of the first problem", async () => {
    const records = createGovernanceRecordRepository(store().db);
    const editor = createGovernanceEditor(records);
    await editor.replace(starter);
    await expect(
      editor.update((current) => ({
        ...current,
        acceptableUse: [{ role: "staff", target: "hosted-gpt", dataClass: "secret", decision: "allowed" }],
      })),
    ).rejects.toMatchObject({
      code: "invalid_request",
      message: 'acceptable-use.yaml: 0.dataClass: unknown data class "secret"',
      details: { param: "0.dataClass" },
    });
    await expect(
      editor.update((current) => ({ ...current, risks: [{ ...current.risks[0], impact: 0 } as never] })),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^risks\.yaml: 0\.impact: /) });
    expect(await readGovernance(records)).toEqual(starter);
  });

  it("runs edits one at a time, so concurrent edits of different records are both kept", async () => {
    const records = createGovernanceRecordRepository(store().db);
    const editor = createGovernanceEditor(records);
    await editor.replace(starter);
    const [first, second] = starter.risks;
    if (first === undefined || second === undefined) throw new Error("starter risks");
    await Promise.all([
      editor.update((current) => ({
        ...current,
        risks: current.risks.map((risk) => (risk.id === first.id ? { ...risk, owner: "a" } : risk)),
      })),
      editor.update((current) => ({
        ...current,
        risks: current.risks.map((risk) => (risk.id === second.id ? { ...risk, owner: "b" } : risk)),
      })),
    ]);
    expect((await readGovernance(records)).risks.map((risk) => risk.owner)).toEqual(["a", "b"]);
  });

  it("dates training assignments from when they first existed and lists the overdue ones", async () => {
    let now = new Date("2026-11-01T00:00:00.000Z");
    const records = createGovernanceRecordRepository(store().db, { now: () => now });
    const editor = createGovernanceEditor(records);
    await editor.replace({ ...starter, training: { ...starter.training, people: { ana: "developer" } } });
    now = new Date("2026-11-20T00:00:00.000Z");
    await editor.update((current) => ({
      ...current,
      training: { ...current.training, people: { ...current.training.people, bo: "developer" } },
    }));
    const view = trainingView(
      (await readGovernance(records)).training,
      await records.list(),
      new Date("2026-12-05T00:00:00.000Z"),
    );
    expect(view.assignments.map((item) => [item.person, item.assignedAt, item.dueAt, item.overdue])).toEqual([
      ["ana", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", true],
      ["bo", "2026-11-20T00:00:00.000Z", "2026-12-20T00:00:00.000Z", false],
    ]);
    expect(view.overdue.map((item) => item.person)).toEqual(["ana"]);
    // a person who leaves takes the assignment's date along
    await editor.update((current) => ({ ...current, training: { ...current.training, people: {} } }));
    expect((await records.list()).filter((row) => row.kind === RUNTIME_KINDS.trainingAssignment)).toEqual([]);
  });

  it("the stored models' deployment decides which controls the compliance report holds against the organisation", async () => {
    const records = createGovernanceRecordRepository(store().db);
    const editor = createGovernanceEditor(records);
    const owasp = loadFramework("owasp-llm-2025");
    const controls = loadControls();
    const report = () =>
      buildComplianceReport(owasp, controls, {
        config: loadConfig({ cwd: mkdtempSync(join(tmpdir(), "rampart-cfg-")), env: {} }),
        policy: defaultPolicy(),
        records: storeGovernanceRecordsSource(records),
        now: () => new Date("2026-11-20T00:00:00.000Z"),
      });
    const status = async (id: string) => (await report()).requirements.find((item) => item.id === id)?.status;
    const saasOnly = {
      ...starter,
      assets: {
        ...starter.assets,
        models: starter.assets.models.filter((model) => model.deployment === "saas"),
        datasets: [],
        applications: starter.assets.applications.map((app) => ({ ...app, models: ["hosted-gpt"] })),
      },
      risks: starter.risks.map((risk) => ({
        ...risk,
        assets: risk.assets.filter((id) => id !== "llama-3-70b"),
      })),
    };
    await editor.replace(saasOnly);
    expect(await status("LLM09")).toBe("not-applicable");
    await editor.update((current) => ({
      ...current,
      assets: {
        ...current.assets,
        models: current.assets.models.map((model) => ({ ...model, deployment: "on-premises" as const })),
      },
    }));
    expect(await status("LLM09")).toBe("not-met");
  });

  it("reads the checks' inputs from the store: newest red-team run per model, idle days of active keys", async () => {
    const now = new Date("2026-11-20T00:00:00.000Z");
    const keys = createApiKeyRepository(store().db, { now: () => new Date("2026-08-01T00:00:00.000Z") });
    const idle = await issueApiKey(keys, {
      name: "idle",
      kind: "gateway",
      role: "app",
      app: null,
      team: null,
      models: [],
      expiresAt: null,
    });
    const revoked = await issueApiKey(keys, {
      name: "gone",
      kind: "gateway",
      role: "app",
      app: null,
      team: null,
      models: [],
      expiresAt: null,
    });
    await keys.revoke(revoked.record.id);
    const runs = createRedteamRunRepository(store().db);
    for (const [id, finished] of [
      ["r1", "2026-10-01T00:00:00.000Z"],
      ["r2", "2026-11-10T00:00:00.000Z"],
    ] as const)
      await runs.save({
        id,
        target: "t",
        model: "llama-3-70b",
        seed: 1,
        startedAt: new Date(finished),
        finishedAt: new Date(finished),
        cases: 1,
        successes: 0,
        asr: 0,
        overRefusalRate: 0,
        summary: {},
      });
    const inputs = await checkInputsFrom({
      keys,
      redteamRuns: runs,
      auditChain: { verify: async () => Promise.reject(new Error("disk gone")) },
      now: () => now,
    })();
    expect([...(inputs.keyAges ?? [])]).toEqual([[idle.record.prefix, 111]]);
    expect(inputs.lastRedteamAt?.get("llama-3-70b")).toBe("2026-11-10T00:00:00.000Z");
    expect(inputs.auditChain).toEqual({ ok: false, detail: "verification failed: disk gone" });
    expect(inputs.runningPolicy).toBeUndefined();
  });
});

describe("governance helpers", () => {
  it("writes compiled rules into a policy file, keeping its comments, and refuses a policy that does not validate", () => {
    const file = join(mkdtempSync(join(tmpdir(), "rampart-policy-")), "policy.yaml");
    writeFileSync(file, "# our policy\nversion: 1\nfailMode: closed # keep\n");
    writeAcceptableUseToPolicyFile(file, [
      { role: "staff", model: "hosted-gpt", dataClass: "internal", decision: "conditional" },
    ]);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("# our policy");
    expect(text).toContain("failMode: closed # keep");
    expect(text).toMatch(/acceptableUse:\n\s+- role: staff\n\s+model: hosted-gpt/);
    writeFileSync(file, "version: 1\nnotAField: true\n");
    expect(() => writeAcceptableUseToPolicyFile(file, [])).toThrow(/notAField/);
    expect(readFileSync(file, "utf8")).toBe("version: 1\nnotAField: true\n");
  });

  it("places a residual score on the grid by its impact", () => {
    const risk = starter.risks[0];
    if (risk === undefined) throw new Error("starter risk");
    expect(residualLikelihood({ ...risk, likelihood: 4, impact: 4, controls: { a: 0.5 } })).toBe(2);
    expect(residualLikelihood({ ...risk, likelihood: 5, impact: 5, controls: {} })).toBe(5);
    expect(residualLikelihood({ ...risk, likelihood: 1, impact: 5, controls: { a: 0.9 } })).toBe(1);
  });
});
