import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { exportTraining } from "../export/training-export.js";
import { reportFormats } from "./formats.js";
import { toHtml } from "./html-report.js";
import { toJunit } from "./junit-report.js";
import { toMarkdown } from "./markdown-report.js";
import { diffRuns, renderDiff } from "./run-diff.js";
import { ruleId, toSarif } from "./sarif-report.js";
import { sampleRunReport } from "./test-support/sample-run-report.js";

const require = createRequire(import.meta.url);
const Ajv = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
/** The SARIF 2.1.0 JSON schema (draft-04), as published with the specification. */
const sarifSchema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as Record<
  string,
  unknown
>;
// the published schema has one pattern that is not valid in Unicode mode; compile patterns without it
const ajvOptions = { allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false } as const;

describe("SARIF", () => {
  const report = sampleRunReport();
  const sarif = toSarif(report);

  it("validates against the SARIF 2.1.0 schema", () => {
    const ajv = new Ajv(ajvOptions);
    const validate = ajv.compile(sarifSchema);
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the schema check is live: a broken log fails", () => {
    const ajv = new Ajv(ajvOptions);
    const validate = ajv.compile(sarifSchema);
    expect(validate({ ...sarif, version: "9.9" })).toBe(false);
  });

  it("has one stable rule per probe and one result per finding", () => {
    const run = sarif.runs[0];
    expect(run?.results).toHaveLength(report.findings.length);
    const ids = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    for (const finding of report.findings) expect(ids).toContain(ruleId(finding.probe));
    expect(run?.results.every((result) => ids[result.ruleIndex] === result.ruleId)).toBe(true);
  });
});

describe("JUnit", () => {
  it("has one test case per case, failures for successful attacks and over-refusals, errors for target errors", () => {
    const report = sampleRunReport();
    const xml = toJunit(report);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(report.cases.length);
    expect((xml.match(/<failure /g) ?? []).length).toBe(report.cases.filter((item) => item.success).length);
    expect((xml.match(/<error /g) ?? []).length).toBe(
      report.cases.filter((item) => item.error !== undefined).length,
    );
    expect(xml.startsWith('<?xml version="1.0"')).toBe(true);
    expect(xml).not.toMatch(/<(?!\/?(testsuites|testsuite|testcase|failure|error|\?xml))/);
  });
});

describe("Markdown and HTML", () => {
  it("carry the ASR, the categories and every finding", () => {
    const report = sampleRunReport();
    const markdown = toMarkdown(report);
    const html = toHtml(report);
    for (const finding of report.findings) {
      expect(markdown).toContain(finding.probe);
      expect(html).toContain(finding.probe);
    }
    expect(markdown).toContain(`${(report.summary.asr * 100).toFixed(1)}%`);
    expect(html).toContain("<svg");
    expect(html).not.toContain("<script");
  });

  it("escape prompts so an attack cannot inject markup into the HTML report", () => {
    const report = sampleRunReport();
    const first = report.findings[0];
    if (first === undefined) throw new Error("the sample has findings");
    const hostile = {
      ...report,
      findings: [
        { ...first, prompt: "<img src=x onerror=alert(1)>", response: "</pre><script>x()</script>" },
      ],
    };
    const html = toHtml(hostile);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
  });

  it("every format renders", () => {
    for (const format of Object.values(reportFormats))
      expect(format.render(sampleRunReport()).length).toBeGreaterThan(100);
  });
});

describe("diff", () => {
  it("names regressions and fixes by case", () => {
    const before = sampleRunReport();
    const flippedToFail = before.cases.find((item) => item.success && item.kind === "attack");
    const flippedToSucceed = before.cases.find(
      (item) => !item.success && item.kind === "attack" && item.error === undefined,
    );
    if (!flippedToFail || !flippedToSucceed) throw new Error("the sample has both kinds of case");
    const after = sampleRunReport({ [flippedToFail.id]: false, [flippedToSucceed.id]: true });
    const diff = diffRuns(before, after);
    expect(diff.fixes.map((item) => item.id)).toEqual([flippedToFail.id]);
    expect(diff.regressions.map((item) => item.id)).toEqual([flippedToSucceed.id]);
    expect(renderDiff(diff)).toContain("1 regressions, 1 fixes");
    expect(diffRuns(before, before).regressions).toEqual([]);
  });
});

describe("training export", () => {
  it("pairs each successful attack with a safe answer, or writes labelled detector data", () => {
    const report = sampleRunReport();
    const chat = exportTraining(report, "openai-jsonl")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(chat.length).toBe(new Set(report.findings.map((item) => item.prompt)).size);
    expect(chat[0].messages[0].role).toBe("user");
    expect(chat[0].messages[1].role).toBe("assistant");
    expect(chat[0].messages[1].content).not.toBe(report.findings[0]?.response);
    const detector = exportTraining(report, "detector")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(detector.every((row) => typeof row.text === "string" && typeof row.label === "string")).toBe(true);
  });
});
