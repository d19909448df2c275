import type { ContainmentRecord } from "../../store/repositories/incident-containment-repository.js";
import type { IncidentRecord, TimelineEntry } from "../../store/repositories/incident-repository.js";
import { art73Clock } from "./art73-clock.js";
import { type PlaybookStepState, playbookStepStates } from "./playbook-steps.js";
import type { Playbook } from "./playbooks.js";

export interface IncidentReportInput {
  incident: IncidentRecord;
  timeline: readonly TimelineEntry[];
  containments: readonly ContainmentRecord[];
  playbook: Playbook | undefined;
  now?: Date;
}

/** Markdown table cells: no pipes or line breaks from stored text. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
}

/** "done by X at T" or "not done", for a step of the checklist. */
function stepStatus(state: PlaybookStepState): string {
  if (!state.done) return "not done";
  return `done${state.changedBy === null ? "" : ` by ${state.changedBy}`}${state.changedAt === null ? "" : ` at ${state.changedAt.toISOString()}`}`;
}

/** The post-incident report as Markdown. */
export function incidentReportMarkdown(input: IncidentReportInput): string {
  const { incident, playbook } = input;
  const lines = [
    `# Post-incident report: ${incident.title}`,
    "",
    `| field | value |`,
    `| --- | --- |`,
    `| id | ${incident.id} |`,
    `| severity | ${incident.severity} |`,
    `| status | ${incident.status} |`,
    `| playbook | ${playbook === undefined ? "none" : `${playbook.title} (${playbook.id})`} |`,
    `| opened | ${incident.createdAt.toISOString()} |`,
    `| closed | ${incident.closedAt?.toISOString() ?? "not yet"} |`,
    "",
    "## Summary",
    "",
    incident.description === "" ? "No description." : incident.description,
    "",
  ];
  const clock = art73Clock(incident.serious, incident.awareAt, input.now);
  lines.push("## EU AI Act Art. 73", "");
  if (clock === undefined) lines.push("Not flagged as a serious incident.", "");
  else
    lines.push(
      `Serious incident (${clock.kind}); aware since ${clock.awareAt}; report due within ${clock.days} days, by ${clock.dueAt}${clock.overdue ? " (OVERDUE)" : ""}.`,
      "",
    );
  lines.push("## Timeline", "", "| time | actor | kind | entry |", "| --- | --- | --- | --- |");
  for (const entry of input.timeline)
    lines.push(`| ${entry.at.toISOString()} | ${cell(entry.actor)} | ${entry.kind} | ${cell(entry.text)} |`);
  lines.push("", "## Containment", "");
  if (input.containments.length === 0) lines.push("No containment action was taken.");
  for (const entry of input.containments)
    lines.push(
      `- ${entry.action} ${cell(entry.target)} by ${entry.createdBy} at ${entry.createdAt.toISOString()}${entry.liftedAt === null ? " (active)" : `, lifted ${entry.liftedAt.toISOString()}`}`,
    );
  lines.push("", "## Linked records", "");
  for (const [name, values] of Object.entries(incident.links))
    lines.push(`- ${name}: ${values.length === 0 ? "none" : values.map(cell).join(", ")}`);
  if (playbook !== undefined) {
    lines.push("", "## Playbook steps", "");
    for (const state of playbookStepStates(playbook, input.timeline))
      lines.push(
        `${state.index + 1}. [${state.done ? "x" : " "}] ${cell(state.title)} (${state.role}): ${cell(stepStatus(state))}`,
      );
  }
  lines.push("", "## Lessons learned", "", "To be completed by the incident owner.", "");
  return lines.join("\n");
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The same report as a standalone HTML page (every stored value escaped). */
export function incidentReportHtml(input: IncidentReportInput): string {
  const { incident } = input;
  const clock = art73Clock(incident.serious, incident.awareAt, input.now);
  const rows = input.timeline
    .map(
      (entry) =>
        `<tr><td>${entry.at.toISOString()}</td><td>${escapeHtml(entry.actor)}</td><td>${escapeHtml(entry.kind)}</td><td>${escapeHtml(entry.text)}</td></tr>`,
    )
    .join("\n");
  const containments = input.containments
    .map(
      (entry) =>
        `<li>${escapeHtml(entry.action)} ${escapeHtml(entry.target)} by ${escapeHtml(entry.createdBy)}</li>`,
    )
    .join("\n");
  const steps = playbookStepStates(input.playbook, input.timeline)
    .map(
      (state) =>
        `<li>${escapeHtml(state.title)} (${escapeHtml(state.role)}): ${escapeHtml(stepStatus(state))}</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Post-incident report: ${escapeHtml(incident.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}</style></head>
<body>
<h1>Post-incident report: ${escapeHtml(incident.title)}</h1>
<table>
<tr><th>id</th><td>${escapeHtml(incident.id)}</td></tr>
<tr><th>severity</th><td>${escapeHtml(incident.severity)}</td></tr>
<tr><th>status</th><td>${escapeHtml(incident.status)}</td></tr>
<tr><th>playbook</th><td>${escapeHtml(incident.playbook ?? "none")}</td></tr>
<tr><th>opened</th><td>${incident.createdAt.toISOString()}</td></tr>
<tr><th>closed</th><td>${incident.closedAt?.toISOString() ?? "not yet"}</td></tr>
</table>
<h2>Summary</h2><p>${escapeHtml(incident.description)}</p>
<h2>EU AI Act Art. 73</h2><p>${clock === undefined ? "Not flagged as a serious incident." : `Serious incident (${escapeHtml(clock.kind)}); report due within ${clock.days} days, by ${clock.dueAt}${clock.overdue ? " (OVERDUE)" : ""}.`}</p>
<h2>Timeline</h2>
<table><tr><th>time</th><th>actor</th><th>kind</th><th>entry</th></tr>
${rows}
</table>
<h2>Containment</h2><ul>${containments === "" ? "<li>No containment action was taken.</li>" : containments}</ul>
<h2>Playbook steps</h2><ol>${steps}</ol>
</body></html>
`;
}
