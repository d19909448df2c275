import { lazy } from "react";
import { ChartFigure } from "./chart-figure";
import type { CiBarChartData } from "./chart-types";

const CiBarDrawing = lazy(() => import("./ci-bar-drawing"));

/** Bars with 95% confidence-interval error bars, a table equivalent, and a reason when it cannot draw. */
export function CiBarChart({
  title,
  description,
  data,
}: {
  title: string;
  description?: string;
  data: CiBarChartData;
}) {
  const height = Math.max(120, data.bars.length * 34 + 56);
  return (
    <ChartFigure title={title} description={description} data={data} height={height}>
      <CiBarDrawing data={data} />
    </ChartFigure>
  );
}
