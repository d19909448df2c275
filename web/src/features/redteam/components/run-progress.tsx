import type { RedteamRunSummary } from "@core/api/redteam";
import { runProgress } from "../lib/run-status";

/** A running run's progress: a bar and "12 of 30 cases (40%)". */
export function RunProgress({ run }: { run: RedteamRunSummary }) {
  const progress = runProgress(run);
  if (progress === null) return <span className="text-xs text-muted-foreground">progress unknown</span>;
  return (
    <span className="flex min-w-32 flex-col gap-0.5">
      <progress
        value={progress.done}
        max={Math.max(progress.total, 1)}
        aria-label={`Run ${run.id}: ${progress.text}`}
        className="h-1.5 w-full accent-primary"
      />
      <span className="text-xs text-muted-foreground">{progress.text}</span>
    </span>
  );
}
