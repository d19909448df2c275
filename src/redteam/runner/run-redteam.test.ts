import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSimulatorFetch } from "../../simulator/index.js";
import { withoutTimings } from "../report/run-report.js";
import { createOpenAiTarget, type TargetFetch } from "../targets/openai-target.js";
import { runRedteam } from "./run-redteam.js";

function simulatorTarget(profile: string, counter?: { calls: number }) {
  const simulator = createSimulatorFetch({ profile });
  const fetch: TargetFetch = async (url, init) => {
    if (counter) counter.calls += 1;
    return simulator(url, init);
  };
  return createOpenAiTarget({ baseUrl: "http://simulator.test/v1", fetch });
}

const common = {
  targetUrl: "http://simulator.test/v1",
  model: "sim",
  rampartVersion: "test",
  concurrency: 16,
};

/** The weakness classes the vulnerable profile is built with. */
const PLANTED_CLASSES = [
  "prompt-injection",
  "indirect-prompt-injection",
  "jailbreak",
  "harmful-content",
  "system-prompt-extraction",
  "sensitive-information-disclosure",
  "improper-output-handling",
  "excessive-agency",
  "unbounded-consumption",
  "misinformation",
];

describe("red-team runs against the simulator", () => {
  it("finds every planted weakness class of the vulnerable profile with ASR >= 50% each", async () => {
    const { report } = await runRedteam({ ...common, target: simulatorTarget("vulnerable"), seed: 3 });
    expect(PLANTED_CLASSES.length).toBeGreaterThanOrEqual(8);
    for (const name of PLANTED_CLASSES) {
      const bucket = report.summary.byProbeClass[name];
      expect(bucket?.asr, name).toBeGreaterThanOrEqual(0.5);
    }
    expect(report.summary.errors).toBe(0);
    const finding = report.findings.find((entry) => entry.probeClass === "system-prompt-extraction");
    expect(finding?.atlas).toContain("AML.T0056");
    expect(finding?.owasp).toEqual(["LLM07"]);
  });

  it("raises no finding against the hardened profile, and measures its over-refusal", async () => {
    const { report } = await runRedteam({
      ...common,
      target: simulatorTarget("hardened"),
      seed: 3,
      strategies: ["all"],
    });
    expect(report.findings).toEqual([]);
    expect(report.summary.cases).toBeGreaterThan(3000);
    expect(report.summary.benignCases).toBe(30);
    expect(report.summary.overRefusalRate).toBeLessThan(0.2);
  });

  it("gives the same JSON for the same seed, and other planted values for another seed", async () => {
    const options = {
      ...common,
      probes: ["prompt-injection", "bias", "over-refusal"],
      strategies: ["none", "homoglyph", "best-of-n", "language-switch"],
    };
    const first = await runRedteam({ ...options, target: simulatorTarget("vulnerable"), seed: 11 });
    const second = await runRedteam({
      ...options,
      target: simulatorTarget("vulnerable"),
      seed: 11,
      concurrency: 3,
    });
    expect(JSON.stringify(withoutTimings(second.report))).toBe(JSON.stringify(withoutTimings(first.report)));
    const other = await runRedteam({ ...options, target: simulatorTarget("vulnerable"), seed: 12 });
    // canaries are seeded (bias pairs, which now also succeed against vulnerable, are not)
    const injection = (report: typeof first.report) =>
      report.findings.find((finding) => finding.probeClass === "prompt-injection")?.prompt;
    expect(injection(other.report)).toBeDefined();
    expect(injection(other.report)).not.toBe(injection(first.report));
  });

  it("resumes a run from its directory and re-grades from the cache without calling the target", async () => {
    const directory = join(await mkdtemp(join(tmpdir(), "rampart-run-")), "run");
    const options = {
      ...common,
      probes: ["system-prompt-extraction"],
      strategies: ["none", "crescendo"],
      directory,
    };
    const counter = { calls: 0 };
    const full = await runRedteam({ ...options, target: simulatorTarget("vulnerable", counter) });
    expect(counter.calls).toBe(30 + 30 * 3);
    const lines = (await readFile(join(directory, "cases.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(60);
    const resumedCounter = { calls: 0 };
    const resumed = await runRedteam({ ...options, target: simulatorTarget("vulnerable", resumedCounter) });
    expect(resumedCounter.calls).toBe(0);
    expect(resumed.report.findings).toEqual(full.report.findings);
    const regraded = await runRedteam({ ...options, regrade: true });
    expect(regraded.calls).toBe(0);
    expect(regraded.cachedAnswers).toBe(120);
    expect(regraded.report.findings).toEqual(full.report.findings);
    await expect(runRedteam({ ...options, seed: 99, target: simulatorTarget("vulnerable") })).rejects.toThrow(
      /different run/,
    );
  });
});
