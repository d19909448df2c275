import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { readRunReport } from "../../../redteam/report/read-run-report.js";
import type { RunReport } from "../../../redteam/report/run-report.js";
import type { RedTeamRunSource, RedTeamRunSummary } from "../evidence-sources.js";

/** The file name of a run's report inside its run directory. */
export const RUN_REPORT_FILE = "report.json";

/** What the compliance engine keeps of a red-team report. */
export function summarizeRunReport(report: RunReport, reference: string): RedTeamRunSummary {
  const byOwasp: Record<string, { cases: number; successes: number; asr: number }> = {};
  for (const [category, bucket] of Object.entries(report.summary.byCategory)) {
    if (bucket !== undefined)
      byOwasp[category] = { cases: bucket.cases, successes: bucket.successes, asr: bucket.asr };
  }
  return {
    id: report.run.id,
    finishedAt: report.run.finished,
    model: report.run.model,
    target: report.run.target,
    byOwasp,
    reference,
  };
}

/** report.json files: a path that is such a file, or a folder searched two levels deep. */
export function findRunReports(paths: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (path: string, depth: number): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isFile()) {
      if (path.endsWith(".json")) found.push(path);
      return;
    }
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (name === RUN_REPORT_FILE && statSync(child).isFile()) found.push(child);
      else if (depth > 0 && statSync(child).isDirectory()) visit(child, depth - 1);
    }
  };
  for (const path of paths) visit(path, 2);
  return found;
}

/** Red-team runs read from report.json files (the red-team run directories). */
export function redTeamReportSource(paths: readonly string[]): RedTeamRunSource & { files(): string[] } {
  return {
    files: () => findRunReports(paths),
    async recentRuns() {
      const runs: RedTeamRunSummary[] = [];
      for (const file of findRunReports(paths))
        runs.push(summarizeRunReport(await readRunReport(file), file));
      return runs;
    },
  };
}
