import type { StatusCounts } from "../lib/status";

/** Requirements by status as one stacked bar (decorative) followed by the counts as text. */
export function StatusBar({ counts }: { counts: StatusCounts }) {
  return (
    <div className="flex min-w-48 flex-col gap-1">
      <div aria-hidden="true" className="flex h-2 w-full overflow-hidden rounded-full bg-muted">
        {counts.entries
          .filter((entry) => entry.count > 0)
          .map((entry) => (
            <span key={entry.status} style={{ width: `${entry.percent}%`, background: entry.colour }} />
          ))}
      </div>
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
        {counts.entries.map((entry) => (
          <li key={entry.status} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-2 rounded-full"
              style={{ background: entry.colour }}
            />
            {entry.count} {entry.label.toLowerCase()}
          </li>
        ))}
      </ul>
    </div>
  );
}
