import type { RaciChart } from "./governance-schema.js";

/** One broken rule of the RACI chart. */
export interface RaciIssue {
  readonly activity: string;
  readonly message: string;
}

/** Every activity needs exactly one accountable role (A) and at least one responsible role (R). */
export function validateRaci(chart: RaciChart): RaciIssue[] {
  const issues: RaciIssue[] = [];
  for (const [activity, roles] of Object.entries(chart)) {
    const letters = Object.values(roles);
    const accountable = letters.filter((letter) => letter === "A").length;
    if (accountable !== 1)
      issues.push({ activity, message: `has ${accountable} accountable roles (A); it needs exactly one` });
    if (!letters.includes("R")) issues.push({ activity, message: "has no responsible role (R)" });
  }
  return issues;
}

function roleColumns(chart: RaciChart): string[] {
  return [...new Set(Object.values(chart).flatMap((roles) => Object.keys(roles)))].sort();
}

/** A fixed-width text table: activities down, roles across. */
export function renderRaciTable(chart: RaciChart): string {
  const roles = roleColumns(chart);
  const rows = [
    ["activity", ...roles],
    ...Object.entries(chart).map(([activity, cells]) => [
      activity,
      ...roles.map((role) => cells[role] ?? ""),
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function renderRaciCsv(chart: RaciChart): string {
  const roles = roleColumns(chart);
  const lines = [
    ["activity", ...roles],
    ...Object.entries(chart).map(([activity, cells]) => [
      activity,
      ...roles.map((role) => cells[role] ?? ""),
    ]),
  ];
  return `${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

export function renderRaciHtml(chart: RaciChart): string {
  const roles = roleColumns(chart);
  const head = `<tr><th>activity</th>${roles.map((role) => `<th>${escapeHtml(role)}</th>`).join("")}</tr>`;
  const body = Object.entries(chart)
    .map(
      ([activity, cells]) =>
        `<tr><th>${escapeHtml(activity)}</th>${roles.map((role) => `<td>${cells[role] ?? ""}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<!doctype html>\n<meta charset="utf-8">\n<title>RACI</title>\n<table>\n${head}\n${body}\n</table>\n`;
}
