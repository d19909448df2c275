/**
 * What chart components draw. Preparers in `features/<name>/lib/` build these (units, formats,
 * series caps, nulls, colours, the table equivalent and why a chart cannot be drawn); the components
 * in this folder only render them.
 */

export interface ChartTableColumn {
  id: string;
  label: string;
  /** right-aligned */
  numeric?: boolean;
}

export interface ChartTableRow {
  id: string;
  /** formatted text by column id; a missing value is "—" */
  cells: Record<string, string>;
}

/** The table equivalent of a chart: the same figures as text. */
export interface ChartTableData {
  caption: string;
  columns: ChartTableColumn[];
  rows: ChartTableRow[];
}

/** A 95% interval as [low, high] in the value's unit. */
export type Interval = readonly [number, number];

/** What every chart carries besides its marks. */
export interface ChartCommon {
  /** one sentence read by screen readers in place of the drawing */
  summary: string;
  /** the value axis' label ("Attack success rate") */
  valueLabel: string;
  /** the value axis' range */
  domain: readonly [number, number];
  formatValue: (value: number) => string;
  table: ChartTableData;
  /** why the chart cannot be drawn; null when it can */
  unavailable: string | null;
  /** what the less-certain style means, shown under the chart when a mark has it; null when none has */
  uncertainNote: string | null;
}

export interface CiBarDatum {
  id: string;
  label: string;
  /** null: no value (drawn as a gap, never as zero) */
  value: number | null;
  /** the value as text beside the bar ("43.3%", "no rate"), so a zero and a gap read differently */
  valueText: string;
  interval: Interval | null;
  /** drawn lighter and dashed (few observations) */
  uncertain: boolean;
  /** a CSS colour, e.g. var(--chart-1) */
  color: string;
}

/** Bars with 95% interval error bars, one per category. */
export interface CiBarChartData extends ChartCommon {
  bars: CiBarDatum[];
}

export interface TrendPoint {
  /** the x value, for example epoch milliseconds */
  x: number;
  /** null: a gap in the line */
  y: number | null;
  interval: Interval | null;
  uncertain: boolean;
}

export interface TrendSeries {
  id: string;
  label: string;
  color: string;
  points: TrendPoint[];
}

/** Lines over a numeric x axis (time), with optional error bars per point. */
export interface TrendChartData extends ChartCommon {
  series: TrendSeries[];
  formatX: (x: number) => string;
  /** the x axis' range */
  xDomain: readonly [number, number];
}
