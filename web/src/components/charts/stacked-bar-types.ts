import type { ChartCommon } from "./chart-types";

/** One layer of the stack (e.g. a verdict), drawn in its colour and named in the legend. */
export interface StackSeries {
  id: string;
  label: string;
  /** a CSS colour, e.g. var(--chart-1) */
  color: string;
}

/** One bar (e.g. a time bucket): a value per series id; null is a gap (no data), never a zero. */
export interface StackedBar {
  id: string;
  /** the category axis' label */
  label: string;
  values: Record<string, number | null>;
}

/** Vertical bars stacked by series over a category axis (time buckets). */
export interface StackedBarChartData extends ChartCommon {
  series: StackSeries[];
  bars: StackedBar[];
}
