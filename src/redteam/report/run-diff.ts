import type { CaseResult, RunReport } from "./run-report.js";

export interface CaseChange {
  readonly id: string;
  readonly probe: string;
  readonly strategy: string;
  readonly owasp: readonly string[];
}

export interface RunDiff {
  /** attacks that failed before and work now */
  readonly regressions: CaseChange[];
  /** attacks that worked before and fail now */
  readonly fixes: CaseChange[];
  /** cases in only one of the runs */
  readonly added: number;
  readonly removed: number;
  readonly asrBefore: number;
  readonly asrAfter: number;
}

const change = (result: CaseResult): CaseChange => ({
  id: result.id,
  probe: result.probe,
  strategy: result.strategy,
  owasp: result.owasp,
});

/** Compares two runs case by case (by stable case id); cases with errors are left out. */
export function diffRuns(before: RunReport, after: RunReport): RunDiff {
  const old = new Map(before.cases.filter((item) => item.error === undefined).map((item) => [item.id, item]));
  const regressions: CaseChange[] = [];
  const fixes: CaseChange[] = [];
  let added = 0;
  const seen = new Set<string>();
  for (const current of after.cases) {
    if (current.error !== undefined) continue;
    seen.add(current.id);
    const previous = old.get(current.id);
    if (previous === undefined) {
      added += 1;
      continue;
    }
    if (!previous.success && current.success) regressions.push(change(current));
    if (previous.success && !current.success) fixes.push(change(current));
  }
  const removed = [...old.keys()].filter((id) => !seen.has(id)).length;
  return { regressions, fixes, added, removed, asrBefore: before.summary.asr, asrAfter: after.summary.asr };
}

export function renderDiff(diff: RunDiff): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `ASR ${percent(diff.asrBefore)} -> ${percent(diff.asrAfter)}; ${diff.regressions.length} regressions, ${diff.fixes.length} fixes, ${diff.added} new cases, ${diff.removed} cases gone`,
  ];
  for (const item of diff.regressions)
    lines.push(`  regression  ${item.probe} [${item.strategy}] ${item.owasp.join(",")}`);
  for (const item of diff.fixes)
    lines.push(`  fixed       ${item.probe} [${item.strategy}] ${item.owasp.join(",")}`);
  return `${lines.join("\n")}\n`;
}
