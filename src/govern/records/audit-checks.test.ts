import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../../policy/index.js";
import { compileAcceptableUse, mergeCompiled } from "../as-code/compile-policy.js";
import { starterGovernance } from "../as-code/starter-governance.js";
import { overdueTraining, runAuditPlanChecks, runAutomatedCheck } from "./audit-checks.js";

const starter = starterGovernance("2026-11-01");
const now = new Date("2026-11-20T00:00:00.000Z");

describe("automated audit checks", () => {
  it("finds models without an owner or approval", () => {
    const [first, second] = starter.assets.models;
    if (first === undefined || second === undefined) throw new Error("starter models");
    const governance = {
      ...starter,
      assets: {
        ...starter.assets,
        models: [
          { ...first, owner: "" },
          { ...second, approvedBy: "" },
        ],
      },
    };
    expect(runAutomatedCheck("model-ownership", governance, { now }).problems).toEqual([
      "model llama-3-70b: no owner",
      "model hosted-gpt: not approved",
    ]);
    expect(runAutomatedCheck("model-ownership", starter, { now }).passed).toBe(true);
  });

  it("flags policy drift until the compiled matrix is merged into the running policy", () => {
    const running = defaultPolicy();
    expect(runAutomatedCheck("policy-drift", starter, { now, runningPolicy: running }).passed).toBe(false);
    const merged = mergeCompiled(running, compileAcceptableUse(starter));
    expect(runAutomatedCheck("policy-drift", starter, { now, runningPolicy: merged }).passed).toBe(true);
  });

  it("reports stale red-team evidence, a broken chain, idle keys, and missing evidence as not available", () => {
    const lastRedteamAt = new Map([
      ["llama-3-70b", "2026-11-15T00:00:00.000Z"],
      ["hosted-gpt", "2026-09-01T00:00:00.000Z"],
    ]);
    const results = runAuditPlanChecks(starter, "quarterly-ai-review", {
      now,
      lastRedteamAt,
      auditChain: { ok: false, detail: "event 12 hash mismatch" },
      keyAges: new Map([
        ["rk_abcd", 200],
        ["rk_efgh", 3],
      ]),
    });
    expect(results.map((r) => [r.check, r.passed])).toEqual([
      ["policy-drift", null],
      ["redteam-freshness", false],
      ["audit-chain", false],
      ["key-hygiene", false],
      ["model-ownership", true],
    ]);
    expect(results[1]?.problems).toEqual(["model hosted-gpt: last red-teamed 2026-09-01T00:00:00.000Z"]);
    expect(results[3]?.problems).toEqual(["key rk_abcd…: idle 200 days"]);
  });

  it("lists overdue training assignments", () => {
    const governance = {
      ...starter,
      training: {
        ...starter.training,
        people: { ana: "developer", bo: "developer", cy: "legal" },
        completions: [{ person: "ana", module: "owasp-llm-top-10", at: "2026-11-10" }],
      },
    };
    expect(overdueTraining(governance, "2026-10-01", now)).toEqual(["bo: owasp-llm-top-10"]);
    expect(overdueTraining(governance, "2026-11-01", now)).toEqual([]);
  });
});
