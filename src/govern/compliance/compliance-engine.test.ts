import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type LoadedConfig, loadConfig } from "../../config/index.js";
import { defaultPolicy, loadPolicyFromConfig } from "../../policy/index.js";
import { formatRunReport } from "../../redteam/report/read-run-report.js";
import { sampleRunReport } from "../../redteam/report/test-support/sample-run-report.js";
import { loadControls, loadFramework } from "../catalog/load-catalog.js";
import { buildComplianceReport } from "./compliance-engine.js";
import type { EvidenceSources } from "./evidence-sources.js";
import { complianceReportSchema } from "./report-schema.js";
import { redTeamReportSource } from "./sources/redteam-report-source.js";
import { type GovernanceSnapshot, snapshotRecordsSource } from "./sources/snapshot-records-source.js";

const controls = loadControls();
const owasp = loadFramework("owasp-llm-2025");

/** Loads a configuration written to a fresh folder (no environment overrides). */
function configFrom(yaml: string | undefined): LoadedConfig {
  const directory = mkdtempSync(join(tmpdir(), "rampart-comply-"));
  if (yaml === undefined) return loadConfig({ cwd: directory, env: {} });
  writeFileSync(join(directory, "rampart.yaml"), yaml);
  return loadConfig({ cwd: directory, env: {} });
}

function sourcesFor(loaded: LoadedConfig, extra: Partial<EvidenceSources> = {}): EvidenceSources {
  return {
    config: loaded,
    policy: loadPolicyFromConfig(loaded),
    now: () => new Date("2026-11-27T12:00:00Z"),
    ...extra,
  };
}

function statusOf(
  report: { requirements: readonly { id: string; status: string }[] },
  id: string,
): string | undefined {
  return report.requirements.find((item) => item.id === id)?.status;
}

describe("compliance engine", () => {
  it("gives every OWASP LLM 2025 requirement a status and evidence with the default configuration", async () => {
    const report = await buildComplianceReport(owasp, controls, sourcesFor(configFrom(undefined)));
    expect(complianceReportSchema.parse(report)).toEqual(report);
    expect(report.requirements.map((item) => item.id)).toEqual(owasp.requirements.map((item) => item.id));
    for (const requirement of report.requirements) {
      expect(requirement.evidence.length, requirement.id).toBeGreaterThan(0);
      expect(["met", "partial", "not-met", "not-applicable", "attested"]).toContain(requirement.status);
    }
    // the default policy scans output, so the output-handling requirement has passing configuration evidence
    const llm05 = report.requirements.find((item) => item.id === "LLM05");
    expect(llm05?.status).toBe("partial");
    expect(
      llm05?.evidence.filter((item) => item.source === "config").every((item) => item.outcome === "pass"),
    ).toBe(true);
    expect(llm05?.gaps).toContainEqual({
      control: "output-handling",
      problem: "redteam none: red-team runs not available",
      action: "Run rampart redteam with probes for LLM05 and keep the runs (in the store, or pass --runs).",
    });
    expect(report.score).toBeGreaterThan(0);
    expect(report.score).toBeLessThan(100);
  });

  it("turning output scanning off in the policy drops the output-handling requirements to not-met", async () => {
    const outputDetectors = Object.keys(defaultPolicy().output.detectors);
    const disabled = outputDetectors.map((id) => `      ${id}: { enabled: false }`).join("\n");
    const loaded = configFrom(`policy:\n  version: 1\n  output:\n    detectors:\n${disabled}\n`);
    const before = await buildComplianceReport(owasp, controls, sourcesFor(configFrom(undefined)));
    const after = await buildComplianceReport(owasp, controls, sourcesFor(loaded));
    expect(statusOf(before, "LLM05")).toBe("partial");
    expect(statusOf(after, "LLM05")).toBe("not-met");
    expect(statusOf(after, "LLM07")).toBe("not-met");
    const gaps = after.requirements.find((item) => item.id === "LLM05")?.gaps ?? [];
    expect(
      gaps.some((gap) => gap.control === "output-scanning" && /no output detector enabled/.test(gap.problem)),
    ).toBe(true);
    expect(after.score).toBeLessThan(before.score);
  });

  it("an override that turns output scanning off for one app is named in the gap", async () => {
    const loaded = configFrom(
      "policy:\n  version: 1\n  overrides:\n    apps:\n      billing:\n        stream: { mode: audit }\n",
    );
    const report = await buildComplianceReport(owasp, controls, sourcesFor(loaded));
    const gaps = report.requirements.find((item) => item.id === "LLM05")?.gaps ?? [];
    expect(gaps.some((gap) => gap.problem.includes("app billing: stream mode is audit"))).toBe(true);
  });

  it("a red-team run's evidence appears on LLM01 and LLM07", async () => {
    const directory = mkdtempSync(join(tmpdir(), "rampart-runs-"));
    const run = sampleRunReport();
    writeFileSync(join(directory, "report.json"), formatRunReport(run));
    const finished = new Date(Date.parse(run.run.finished) + 86_400_000);
    const loaded = configFrom(undefined);
    const report = await buildComplianceReport(owasp, controls, {
      ...sourcesFor(loaded),
      redteam: redTeamReportSource([directory]),
      now: () => finished,
    });
    for (const id of ["LLM01", "LLM07"]) {
      const evidence = report.requirements.find((item) => item.id === id)?.evidence ?? [];
      const redteam = evidence.filter((item) => item.source === "redteam" && item.outcome !== "none");
      expect(redteam.length, id).toBeGreaterThan(0);
      expect(redteam[0]?.summary).toContain(`run ${run.run.id}`);
      expect(redteam[0]?.reference).toContain("report.json");
      expect(redteam[0]?.ageDays).toBe(1);
    }
    // the sample run's attacks worked, so the evidence fails and says why
    const llm07 = report.requirements.find((item) => item.id === "LLM07");
    expect(
      llm07?.evidence.find((item) => item.control === "system-prompt-protection" && item.source === "redteam")
        ?.outcome,
    ).toBe("fail");
    expect(llm07?.gaps.some((gap) => /ASR .* above 10.0%/.test(gap.problem))).toBe(true);
  });

  it("a run older than the freshness limit is stale evidence", async () => {
    const run = sampleRunReport();
    const source = {
      recentRuns: async () => [
        {
          id: "old",
          finishedAt: run.run.finished,
          model: "m",
          target: "t",
          reference: "old",
          byOwasp: { LLM07: { cases: 10, successes: 0, asr: 0 } },
        },
      ],
    };
    const report = await buildComplianceReport(owasp, controls, {
      ...sourcesFor(configFrom(undefined)),
      redteam: source,
      now: () => new Date(Date.parse(run.run.finished) + 45 * 86_400_000),
    });
    const evidence = report.requirements.find((item) => item.id === "LLM07")?.evidence ?? [];
    expect(evidence.find((item) => item.source === "redteam")?.outcome).toBe("stale");
  });

  it("attestations set attested and not-applicable; an expired one is ignored", async () => {
    const loaded = configFrom(undefined);
    const records = {
      check: async () => ({
        passed: false,
        summary: "x",
        observedAt: "2026-11-01T00:00:00.000Z",
        problems: ["x"],
      }),
      attestations: async () => [
        {
          framework: "owasp-llm-2025",
          requirement: "LLM09",
          status: "attested" as const,
          by: "ciso",
          at: "2026-11-01T00:00:00.000Z",
          note: "reviewed",
        },
        {
          framework: "owasp-llm-2025",
          requirement: "LLM08",
          status: "not-applicable" as const,
          by: "ciso",
          at: "2026-11-01T00:00:00.000Z",
          note: "no retrieval",
        },
        {
          framework: "owasp-llm-2025",
          requirement: "LLM03",
          status: "attested" as const,
          by: "ciso",
          at: "2026-01-01T00:00:00.000Z",
          expiresAt: "2026-06-01T00:00:00.000Z",
          note: "old",
        },
      ],
    };
    const report = await buildComplianceReport(owasp, controls, { ...sourcesFor(loaded), records });
    expect(statusOf(report, "LLM09")).toBe("attested");
    expect(statusOf(report, "LLM08")).toBe("not-applicable");
    expect(statusOf(report, "LLM03")).toBe("not-met");
    expect(report.counts["not-applicable"]).toBe(1);
  });

  describe("shared responsibility decides which controls are the organisation's duty", () => {
    const snapshotWith = (deployment: "saas" | "on-premises", overrides = {}): GovernanceSnapshot => ({
      assets: [
        {
          id: "m1",
          kind: "model",
          name: "m1",
          owner: "ml",
          updatedAt: "2026-11-01T00:00:00.000Z",
          deployment,
          responsibility: overrides,
        },
      ],
      risks: [],
      raci: [],
      policies: [],
      training: [],
      incidents: [],
      impactAssessments: [],
      vendors: [],
      attestations: [],
    });
    const reportFor = (snapshot: GovernanceSnapshot) =>
      buildComplianceReport(owasp, controls, {
        ...sourcesFor(configFrom(undefined)),
        records: snapshotRecordsSource(async () => snapshot),
      });
    const requirement = (report: Awaited<ReturnType<typeof reportFor>>, id: string) =>
      report.requirements.find((item) => item.id === id);

    it("a SaaS model leaves model-safety controls with the provider; on premises they are required", async () => {
      const saas = await reportFor(snapshotWith("saas"));
      const onPremises = await reportFor(snapshotWith("on-premises"));

      // LLM09 has one control, misinformation-testing (model safety): the provider's for SaaS
      expect(requirement(saas, "LLM09")?.status).toBe("not-applicable");
      expect(requirement(saas, "LLM09")?.gaps).toEqual([]);
      expect(requirement(saas, "LLM09")?.evidence).toMatchObject([
        { control: "misinformation-testing", source: "records", check: "shared-responsibility" },
      ]);
      expect(requirement(onPremises, "LLM09")?.status).toBe("not-met");
      expect(requirement(onPremises, "LLM09")?.gaps.map((gap) => gap.control)).toEqual([
        "misinformation-testing",
      ]);

      // LLM01: the gateway's input controls stay the organisation's either way; the model's do not
      const holders = (report: Awaited<ReturnType<typeof reportFor>>) =>
        Object.fromEntries(
          (requirement(report, "LLM01")?.responsibility ?? []).map((item) => [item.control, item.holder]),
        );
      expect(holders(saas)).toEqual({
        "input-scanning": "organisation",
        "prompt-injection-defence": "organisation",
        "jailbreak-resistance": "provider",
        "adversarial-testing": "provider",
      });
      expect(Object.values(holders(onPremises)).every((holder) => holder === "organisation")).toBe(true);
      const gapControls = (report: Awaited<ReturnType<typeof reportFor>>) =>
        new Set(requirement(report, "LLM01")?.gaps.map((gap) => gap.control));
      expect(gapControls(saas).has("adversarial-testing")).toBe(false);
      expect(gapControls(onPremises).has("adversarial-testing")).toBe(true);

      // provider controls are not counted against the organisation
      expect(saas.counts["not-applicable"]).toBeGreaterThan(onPremises.counts["not-applicable"]);
      expect(saas.score).toBeGreaterThan(onPremises.score);
    });

    it("an asset's override takes a layer back from the provider", async () => {
      const report = await reportFor(snapshotWith("saas", { "model-safety": "shared" }));
      expect(requirement(report, "LLM09")?.status).toBe("not-met");
    });

    it("without recorded models every control is the organisation's and no responsibility is reported", async () => {
      const report = await reportFor({ ...snapshotWith("saas"), assets: [] });
      expect(requirement(report, "LLM09")?.status).toBe("not-met");
      expect(requirement(report, "LLM09")?.responsibility).toBeUndefined();
    });
  });
});
