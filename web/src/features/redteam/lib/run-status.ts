import type { RedteamRunSummary } from "@core/api/redteam";
import { formatCount } from "@/lib/format";

export interface RunProgress {
  done: number;
  total: number;
  /** 0..100, whole */
  percent: number;
  text: string;
}

/** A running run's progress ("12 of 30 cases (40%)"); null when the server does not track it. */
export function runProgress(run: Pick<RedteamRunSummary, "progress">): RunProgress | null {
  if (run.progress === null) return null;
  const { done, total } = run.progress;
  const percent = total === 0 ? 0 : Math.min(100, Math.floor((done / total) * 100));
  return { done, total, percent, text: `${formatCount(done)} of ${formatCount(total)} cases (${percent}%)` };
}

/** Whether any run still runs: lists and details poll the server while one does. */
export function anyRunning(runs: readonly Pick<RedteamRunSummary, "status">[]): boolean {
  return runs.some((run) => run.status === "running");
}

/** How often a page with a running run asks again (ms). */
export const RUNNING_REFRESH_MS = 1_000;

/** Why a run's findings, diff and downloads are not on this server; null when they are. */
export function reportMissingReason(run: RedteamRunSummary): string | null {
  if (run.reportAvailable) return null;
  if (run.status === "running") return "The run is still running; its report is written when it finishes.";
  if (run.status === "failed") return "The run failed, so it has no report.";
  return run.startedBy === null
    ? "This run was saved by `rampart redteam`; its report.json stays on the machine that ran it."
    : "This run's report.json is on the server that ran it, not this one.";
}

/** The run to compare a run with: the newest earlier run against the same target and model with a report. */
export function previousComparableRun(
  runs: readonly RedteamRunSummary[],
  run: Pick<RedteamRunSummary, "id" | "targetId" | "target" | "model" | "startedAt">,
): RedteamRunSummary | undefined {
  return runs
    .filter(
      (other) =>
        other.id !== run.id &&
        other.reportAvailable &&
        other.model === run.model &&
        (other.targetId ?? other.target) === (run.targetId ?? run.target) &&
        other.startedAt < run.startedAt,
    )
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0];
}
