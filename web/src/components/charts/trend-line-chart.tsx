import { lazy } from "react";
import { ChartFigure } from "./chart-figure";
import type { TrendChartData } from "./chart-types";

const TrendLineDrawing = lazy(() => import("./trend-line-drawing"));

/** Lines over time with error bars, a legend, a table equivalent, and a reason when it cannot draw. */
export function TrendLineChart({
  title,
  description,
  data,
  height = 240,
}: {
  title: string;
  description?: string;
  data: TrendChartData;
  height?: number;
}) {
  const legend =
    data.series.length > 1 ? (
      <ul aria-label="Series" className="flex flex-wrap gap-3 text-xs">
        {data.series.map((series) => (
          <li key={series.id} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-4"
              style={{ background: series.color }}
            />
            {series.label}
          </li>
        ))}
      </ul>
    ) : undefined;
  return (
    <ChartFigure title={title} description={description} data={data} height={height} legend={legend}>
      <TrendLineDrawing data={data} />
    </ChartFigure>
  );
}
