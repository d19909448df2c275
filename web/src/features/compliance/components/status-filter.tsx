import type { ComplianceStatus } from "@core/api/compliance";
import { cn } from "@/lib/cn";
import type { StatusCounts } from "../lib/status";

const chip =
  "inline-flex items-center gap-1 rounded-md border border-border px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-ring";

/** Show every requirement or those of one status; the choice lives in the URL. */
export function StatusFilter({
  counts,
  value,
  onChange,
}: {
  counts: StatusCounts;
  value: ComplianceStatus | undefined;
  onChange: (status: ComplianceStatus | undefined) => void;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: toggle buttons, not a form field set
    <div role="group" aria-label="Show requirements by status" className="flex flex-wrap gap-1">
      <button
        type="button"
        aria-pressed={value === undefined}
        onClick={() => onChange(undefined)}
        className={cn(chip, value === undefined ? "bg-muted font-semibold" : "hover:bg-muted/60")}
      >
        All ({counts.total})
      </button>
      {counts.entries.map((entry) => (
        <button
          key={entry.status}
          type="button"
          aria-pressed={value === entry.status}
          disabled={entry.count === 0 && value !== entry.status}
          onClick={() => onChange(entry.status)}
          className={cn(
            chip,
            value === entry.status ? "bg-muted font-semibold" : "hover:bg-muted/60",
            "disabled:opacity-50",
          )}
        >
          {entry.label} ({entry.count})
        </button>
      ))}
    </div>
  );
}
