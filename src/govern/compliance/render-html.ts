import type { ComplianceReport, RequirementResult } from "./report-schema.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Inline styles only: the report is one self-contained file with no scripts or remote assets. */
const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1b1f23}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
.met,.attested{color:#1a7f37}.partial{color:#9a6700}.not-met{color:#cf222e}.not-applicable{color:#57606a}
.pass{color:#1a7f37}.fail{color:#cf222e}.stale{color:#9a6700}.none{color:#57606a}`;

function requirementBlock(requirement: RequirementResult): string {
  const evidence = requirement.evidence
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.control)}</td><td>${item.source}</td><td>${escapeHtml(item.check)}</td><td class="${item.outcome}">${item.outcome}</td><td>${escapeHtml(item.observedAt ?? "-")}${item.ageDays === null ? "" : ` (${item.ageDays} d)`}</td><td>${escapeHtml(item.summary)}</td></tr>`,
    )
    .join("");
  const gaps = requirement.gaps
    .map(
      (gap) =>
        `<li><b>${escapeHtml(gap.control)}</b>: ${escapeHtml(gap.problem)}. <i>${escapeHtml(gap.action)}</i></li>`,
    )
    .join("");
  return `<section id="${escapeHtml(requirement.id)}"><h3>${escapeHtml(requirement.id)} ${escapeHtml(requirement.title)}: <span class="${requirement.status}">${requirement.status}</span></h3>
${evidence === "" ? "" : `<table><tr><th>control</th><th>source</th><th>check</th><th>outcome</th><th>observed</th><th>summary</th></tr>${evidence}</table>`}
${gaps === "" ? "" : `<p>Gaps:</p><ul>${gaps}</ul>`}</section>`;
}

/** The report as one self-contained HTML page. */
export function renderComplianceHtml(report: ComplianceReport): string {
  const title = `${report.name} (${report.framework} ${report.version})`;
  const summary = report.requirements
    .map(
      (item) =>
        `<tr><td><a href="#${escapeHtml(item.id)}">${escapeHtml(item.id)}</a></td><td>${escapeHtml(item.title)}</td><td class="${item.status}">${item.status}</td><td>${item.evidence.length}</td><td>${item.gaps.length}</td></tr>`,
    )
    .join("");
  const counts = Object.entries(report.counts)
    .map(([status, count]) => `<span class="${status}">${status}: ${count}</span>`)
    .join(" · ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>Generated ${escapeHtml(report.generatedAt)}. Score: <b>${report.score}</b>/100. ${counts}</p>
<table><tr><th>id</th><th>title</th><th>status</th><th>evidence</th><th>gaps</th></tr>${summary}</table>
<h2>Requirements</h2>
${report.requirements.map(requirementBlock).join("\n")}
</body></html>
`;
}
