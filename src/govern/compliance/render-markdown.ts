import type { ComplianceReport, RequirementResult } from "./report-schema.js";

/** Pipes and line breaks would break a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
}

function requirementSection(requirement: RequirementResult): string {
  const lines = [`### ${requirement.id} ${requirement.title}: ${requirement.status}`, ""];
  if (requirement.evidence.length > 0) {
    lines.push("| control | source | check | outcome | observed | summary |", "|---|---|---|---|---|---|");
    for (const item of requirement.evidence) {
      const age = item.ageDays === null ? "" : ` (${item.ageDays} d)`;
      lines.push(
        `| ${cell(item.control)} | ${item.source} | ${cell(item.check)} | ${item.outcome} | ${item.observedAt ?? "-"}${age} | ${cell(item.summary)} |`,
      );
    }
    lines.push("");
  }
  if (requirement.gaps.length > 0) {
    lines.push("Gaps:", "");
    for (const gap of requirement.gaps)
      lines.push(`- **${cell(gap.control)}**: ${cell(gap.problem)}. Action: ${cell(gap.action)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** The report as Markdown: a summary table, then each requirement with its evidence and gaps. */
export function renderComplianceMarkdown(report: ComplianceReport): string {
  const lines = [
    `# ${report.name} (${report.framework} ${report.version})`,
    "",
    `Generated ${report.generatedAt}. Score: **${report.score}**/100.`,
    "",
    "| status | requirements |",
    "|---|---|",
    ...Object.entries(report.counts).map(([status, count]) => `| ${status} | ${count} |`),
    "",
    "| id | title | status | evidence | gaps |",
    "|---|---|---|---|---|",
    ...report.requirements.map(
      (item) =>
        `| ${cell(item.id)} | ${cell(item.title)} | ${item.status} | ${item.evidence.length} | ${item.gaps.length} |`,
    ),
    "",
    "## Requirements",
    "",
    ...report.requirements.map(requirementSection),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
