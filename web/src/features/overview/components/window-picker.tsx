import { type OverviewWindow, overviewWindows } from "@core/api/overview";
import { Link } from "@tanstack/react-router";
import { cn } from "@/lib/cn";
import { windowLabels } from "../lib/search";

/** The time window of the charts, as links (the window lives in the URL: `?window=7d`). */
export function WindowPicker({ current }: { current: OverviewWindow }) {
  return (
    <nav aria-label="Time window">
      <ul className="flex gap-1 rounded-md border border-border p-0.5">
        {overviewWindows.map((window) => (
          <li key={window}>
            <Link
              to="/"
              search={{ window }}
              aria-current={window === current ? "true" : undefined}
              className={cn(
                "inline-flex rounded-md px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-ring",
                window === current ? "bg-muted font-semibold" : "hover:bg-muted/60",
              )}
            >
              {window}
              <span className="sr-only"> ({windowLabels[window].toLowerCase()})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
