import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatRunReport, readRunReport } from "./read-run-report.js";
import { runReportSchema, withoutTimings } from "./run-report.js";
import { sampleRunReport } from "./test-support/sample-run-report.js";
import { wilsonInterval } from "./wilson-interval.js";

describe("run report", () => {
  it("summarises the sample: attacks, over-refusals, errors apart", () => {
    const report = sampleRunReport();
    expect(report.summary.cases).toBe(3);
    expect(report.summary.successes).toBe(2);
    expect(report.summary.asr).toBeCloseTo(0.6667, 4);
    expect(report.summary.benignCases).toBe(2);
    expect(report.summary.overRefusalRate).toBe(0.5);
    expect(report.summary.errors).toBe(1);
    expect(report.summary.byCategory.LLM07).toMatchObject({ cases: 1, successes: 1, asr: 1 });
    expect(report.summary.byStrategy.base64?.successes).toBe(1);
    expect(report.findings.map((finding) => finding.id)).toEqual([
      "pi-direct-001~none",
      "spe-direct-003~base64",
    ]);
    expect(report.coverage.LLM03.redteam).toBe(false);
  });

  it("flips cases for a second report", () => {
    const after = sampleRunReport({ "pi-direct-001~none": false, "ioh-xss-002~rot13": true });
    expect(after.findings.map((finding) => finding.id)).toEqual([
      "ioh-xss-002~rot13",
      "spe-direct-003~base64",
    ]);
  });

  it("round-trips through report.json and rejects a foreign file", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-report-"));
    const good = join(folder, "report.json");
    await writeFile(good, formatRunReport(sampleRunReport()));
    expect(withoutTimings(await readRunReport(good))).toEqual(withoutTimings(sampleRunReport()));
    const bad = join(folder, "bad.json");
    await writeFile(bad, JSON.stringify({ summary: {} }));
    await expect(readRunReport(bad)).rejects.toThrow(/not a Rampart red-team report/);
    expect(runReportSchema.safeParse({ ...sampleRunReport(), extra: 1 }).success).toBe(false);
  });

  it("computes Wilson intervals", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    const [low, high] = wilsonInterval(5, 10);
    expect(low).toBeCloseTo(0.2366, 3);
    expect(high).toBeCloseTo(0.7634, 3);
    expect(wilsonInterval(0, 20)[0]).toBe(0);
  });
});
