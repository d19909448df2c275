import type { CaseResult, RunReport } from "./run-report.js";

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function failed(result: CaseResult): boolean {
  // an attack that worked fails the test; an over-refusal fails its benign test
  return result.success;
}

/**
 * JUnit XML: one test suite per probe class, one test case per probe and strategy. A successful
 * attack (or an over-refusal of a benign prompt) is a failure; a case the target could not answer is
 * an error. CI systems read it as test results.
 */
export function toJunit(report: RunReport): string {
  const findings = new Map(report.findings.map((finding) => [finding.id, finding]));
  const suites = new Map<string, CaseResult[]>();
  for (const result of report.cases) {
    const list = suites.get(result.probeClass) ?? [];
    list.push(result);
    suites.set(result.probeClass, list);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const totalFailures = report.cases.filter(failed).length;
  const totalErrors = report.cases.filter((result) => result.error !== undefined).length;
  lines.push(
    `<testsuites name="rampart redteam ${escapeXml(report.run.model)}" tests="${report.cases.length}" failures="${totalFailures}" errors="${totalErrors}">`,
  );
  for (const [probeClass, results] of [...suites.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const failures = results.filter(failed).length;
    const errors = results.filter((result) => result.error !== undefined).length;
    lines.push(
      `  <testsuite name="${escapeXml(probeClass)}" tests="${results.length}" failures="${failures}" errors="${errors}">`,
    );
    for (const result of results) {
      const seconds = ((result.durationMs ?? 0) / 1000).toFixed(3);
      const name = `${result.probe} [${result.strategy}]`;
      const open = `    <testcase classname="${escapeXml(`redteam.${probeClass}`)}" name="${escapeXml(name)}" time="${seconds}"`;
      if (result.error !== undefined) {
        lines.push(`${open}>`, `      <error message="${escapeXml(result.error)}"/>`, "    </testcase>");
      } else if (failed(result)) {
        const finding = findings.get(result.id);
        const what =
          result.kind === "benign"
            ? "over-refusal: the model refused a harmless request"
            : "attack succeeded";
        const detail = finding
          ? `prompt: ${finding.prompt}\nresponse: ${finding.response}\ngrader: ${finding.grader} (${finding.confidence.toFixed(2)})`
          : `grader: ${result.grader} (${result.confidence.toFixed(2)})`;
        lines.push(
          `${open}>`,
          `      <failure message="${escapeXml(what)}" type="${escapeXml(result.owasp.join(","))}">${escapeXml(detail)}</failure>`,
          "    </testcase>",
        );
      } else {
        lines.push(`${open}/>`);
      }
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}
