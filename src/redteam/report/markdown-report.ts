import { type OwaspId, owaspCategories } from "../owasp.js";
import type { RateBucket, RunReport } from "./run-report.js";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const interval = (bucket: RateBucket) => `${percent(bucket.ci95[0])}–${percent(bucket.ci95[1])}`;

/** Table cells may not carry pipes or new lines. */
function cell(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A Markdown summary for pull requests and CI job summaries. */
export function toMarkdown(report: RunReport, maxFindings = 20): string {
  const { run, summary } = report;
  const gate =
    run.failOnAsr === undefined
      ? "no gate set"
      : `${run.gatePassed ? "passed" : "FAILED"} (fail when ASR > ${percent(run.failOnAsr)})`;
  const lines = [
    `# Rampart red team: ${run.model}`,
    "",
    `Target ${run.target}, seed ${run.seed}, ${summary.cases} attack cases, ${summary.benignCases} benign cases, ${summary.errors} errors. Gate: ${gate}.`,
    "",
    `**Attack success rate ${percent(summary.asr)}** (95% CI ${percent(summary.asrCi95[0])}–${percent(summary.asrCi95[1])}); over-refusal rate ${percent(summary.overRefusalRate)}.`,
    "",
    "## By OWASP LLM 2025 category",
    "",
    "| category | cases | successes | ASR | 95% CI |",
    "|---|---:|---:|---:|---|",
  ];
  for (const [id, bucket] of Object.entries(summary.byCategory) as [OwaspId, RateBucket][]) {
    lines.push(
      `| ${id} ${owaspCategories[id]} | ${bucket.cases} | ${bucket.successes} | ${percent(bucket.asr)} | ${interval(bucket)} |`,
    );
  }
  lines.push(
    "",
    "## By strategy",
    "",
    "| strategy | cases | successes | ASR | 95% CI |",
    "|---|---:|---:|---:|---|",
  );
  for (const [strategy, bucket] of Object.entries(summary.byStrategy).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    lines.push(
      `| ${cell(strategy)} | ${bucket.cases} | ${bucket.successes} | ${percent(bucket.asr)} | ${interval(bucket)} |`,
    );
  }
  lines.push("", `## Findings (${report.findings.length})`, "");
  if (report.findings.length === 0) lines.push("No attack succeeded.");
  else {
    lines.push(
      "| severity | probe | strategy | OWASP | grader | prompt | response |",
      "|---|---|---|---|---|---|---|",
    );
    for (const finding of report.findings.slice(0, maxFindings)) {
      lines.push(
        `| ${finding.severity} | ${cell(finding.probe)} | ${cell(finding.strategy)} | ${finding.owasp.join(", ")} | ${cell(finding.grader)} | ${cell(finding.prompt, 80)} | ${cell(finding.response, 80)} |`,
      );
    }
    if (report.findings.length > maxFindings)
      lines.push("", `…and ${report.findings.length - maxFindings} more in report.json.`);
  }
  lines.push(
    "",
    `Refusal classifier: ${report.graders.refusalClassifier.name}, accuracy ${percent(report.graders.refusalClassifier.accuracy)} on ${report.graders.refusalClassifier.evaluatedOn}.`,
  );
  return `${lines.join("\n")}\n`;
}
