import { ChartNoAxesColumn, TableProperties } from "lucide-react";
import { type ReactNode, Suspense, useId, useState } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { ChartTable } from "./chart-table";
import type { ChartCommon } from "./chart-types";

type View = "chart" | "table";

function ViewButton({
  view,
  current,
  onSelect,
  children,
}: {
  view: View;
  current: View;
  onSelect: (view: View) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={current === view}
      onClick={() => onSelect(view)}
      className={cn(
        "inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-ring [&_svg]:size-3.5",
        current === view ? "bg-muted font-semibold" : "hover:bg-muted/60",
      )}
    >
      {children}
    </button>
  );
}

/**
 * The frame every chart shares: a title, a switch between the drawing and its table equivalent, the
 * "cannot draw" note, and a boundary so a chart that fails (or whose lazy chunk fails to load) leaves
 * the rest of the page working. The drawing is read by screen readers as one summary sentence.
 */
export function ChartFigure({
  title,
  description,
  data,
  height,
  legend,
  children,
}: {
  title: string;
  description?: string;
  data: ChartCommon;
  height: number;
  /** shown under the drawing (a legend) */
  legend?: ReactNode;
  /** the drawing (a lazy Recharts component) */
  children: ReactNode;
}) {
  const [view, setView] = useState<View>("chart");
  const titleId = useId();
  const showTable = data.unavailable !== null || view === "table";
  return (
    <figure aria-labelledby={titleId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <figcaption id={titleId} className="text-sm font-semibold">
            {title}
          </figcaption>
          {description && <p className="text-xs text-muted-foreground">{description}</p>}
        </div>
        {data.unavailable === null && (
          // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a form field set
          <div
            role="group"
            aria-label={`${title}: view`}
            className="flex gap-1 rounded-md border border-border p-0.5"
          >
            <ViewButton view="chart" current={view} onSelect={setView}>
              <ChartNoAxesColumn aria-hidden="true" /> Chart
            </ViewButton>
            <ViewButton view="table" current={view} onSelect={setView}>
              <TableProperties aria-hidden="true" /> Table
            </ViewButton>
          </div>
        )}
      </div>
      {data.unavailable !== null && (
        <p role="note" className="rounded-md border border-dashed border-border p-3 text-sm">
          Cannot draw this chart: {data.unavailable}
        </p>
      )}
      {data.unavailable === null && view === "chart" && (
        <ErrorBoundary
          fallback={
            <p role="alert" className="text-sm">
              The chart could not be drawn; the table view shows the same figures.
            </p>
          }
        >
          <Suspense fallback={<Skeleton className="w-full" style={{ height }} />}>
            <div role="img" aria-label={data.summary} style={{ height }} className="w-full">
              {/* the drawing's SVG is decoration for assistive technology: the summary and the table carry it */}
              <div aria-hidden="true" className="size-full">
                {children}
              </div>
            </div>
          </Suspense>
          {legend}
          {data.uncertainNote && <p className="text-xs text-muted-foreground">{data.uncertainNote}</p>}
        </ErrorBoundary>
      )}
      {showTable && data.table.rows.length > 0 && <ChartTable table={data.table} />}
    </figure>
  );
}
