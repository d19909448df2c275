import { lazy } from "react";
import { ChartFigure } from "./chart-figure";
import type { StackedBarChartData } from "./stacked-bar-types";

const StackedBarDrawing = lazy(() => import("./stacked-bar-drawing"));

/** Bars stacked by series (counts per verdict over time), a legend, a table equivalent, and a reason when it cannot draw. */
export function StackedBarChart({
  title,
  description,
  data,
  height = 260,
}: {
  title: string;
  description?: string;
  data: StackedBarChartData;
  height?: number;
}) {
  const legend = (
    <ul aria-label="Series" className="flex flex-wrap gap-3 text-xs">
      {data.series.map((series) => (
        <li key={series.id} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block size-3 rounded-sm"
            style={{ background: series.color }}
          />
          {series.label}
        </li>
      ))}
    </ul>
  );
  return (
    <ChartFigure title={title} description={description} data={data} height={height} legend={legend}>
      <StackedBarDrawing data={data} />
    </ChartFigure>
  );
}
