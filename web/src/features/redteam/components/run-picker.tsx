import type { RedteamRunSummary } from "@core/api/redteam";
import { Label } from "@/components/ui/label";
import { formatTime } from "@/lib/format";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring";

/** A select of runs that have a report on this server. */
export function RunPicker({
  id,
  label,
  runs,
  value,
  onChange,
}: {
  id: string;
  label: string;
  runs: readonly RedteamRunSummary[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  return (
    <div className="flex min-w-64 flex-1 flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <select
        id={id}
        className={selectClass}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">Choose a run</option>
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {formatTime(run.startedAt)} · {run.targetId ?? run.target} · {run.model} · {run.id}
          </option>
        ))}
      </select>
    </div>
  );
}
