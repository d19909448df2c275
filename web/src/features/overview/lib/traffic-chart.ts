import type { Overview } from "@core/api/overview";
import type { StackedBarChartData, StackSeries } from "@/components/charts/stacked-bar-types";
import { formatCount } from "@/lib/format";

type Verdict = "allow" | "flag" | "redact" | "block";

/** Stacked bottom to top: what passed, then what was changed, then what was stopped. */
export const verdictSeries: readonly (StackSeries & { id: Verdict })[] = [
  { id: "allow", label: "Allowed", color: "var(--chart-4)" },
  { id: "flag", label: "Flagged", color: "var(--chart-1)" },
  { id: "redact", label: "Redacted", color: "var(--chart-3)" },
  { id: "block", label: "Blocked", color: "var(--chart-2)" },
];

const bucketNames: Record<number, string> = {
  300: "5 minutes",
  3600: "hour",
  21600: "6 hours",
  86400: "day",
};

function formatter(bucketSeconds: number): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    hour12: false,
    ...(bucketSeconds >= 86_400
      ? { day: "2-digit", month: "short" }
      : bucketSeconds >= 21_600
        ? { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" }
        : { hour: "2-digit", minute: "2-digit" }),
  });
}

/** A tidy top for the count axis: 1, 2 or 5 times a power of ten, at least the largest stack. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/**
 * Requests per bucket stacked by verdict. The window's buckets before the audit trail's first kept
 * event have no data: they are gaps in the chart and one "no data" row in the table, never zeros.
 * Buckets inside the trail's range with no request are real zeros.
 */
export function prepareTrafficChart(overview: Overview): StackedBarChartData | null {
  const traffic = overview.traffic;
  if (traffic === null) return null;
  const step = overview.bucketSeconds * 1000;
  const format = formatter(overview.bucketSeconds);
  const label = (time: number) => format.format(new Date(time));
  const from = Date.parse(overview.from);
  const first =
    traffic.buckets[0] === undefined ? Date.parse(overview.to) : Date.parse(traffic.buckets[0].start);
  const gaps: number[] = [];
  for (let at = from; at < first; at += step) gaps.push(at);
  const nulls = Object.fromEntries(verdictSeries.map((series) => [series.id, null]));
  const bars = [
    ...gaps.map((at) => ({ id: `gap-${at}`, label: label(at), values: { ...nulls } })),
    ...traffic.buckets.map((bucket) => ({
      id: bucket.start,
      label: label(Date.parse(bucket.start)),
      values: Object.fromEntries(verdictSeries.map((series) => [series.id, bucket[series.id]])),
    })),
  ];
  const largest = Math.max(
    0,
    ...traffic.buckets.map((bucket) => bucket.allow + bucket.flag + bucket.redact + bucket.block),
  );
  const totals = traffic.totals;
  const per = bucketNames[overview.bucketSeconds] ?? `${overview.bucketSeconds} s`;
  const columns = [
    { id: "start", label: "From (UTC)" },
    { id: "requests", label: "Requests", numeric: true },
    ...verdictSeries.map((series) => ({ id: series.id, label: series.label, numeric: true })),
  ];
  const gapRow =
    gaps.length === 0
      ? []
      : [
          {
            id: "gap",
            cells: {
              start: `${label(from)} to ${label(first)}: no data (before the audit trail's first event)`,
              requests: "—",
              ...Object.fromEntries(verdictSeries.map((series) => [series.id, "—"])),
            },
          },
        ];
  return {
    series: [...verdictSeries],
    bars,
    summary: `Gateway requests per ${per}: ${formatCount(totals.requests)} in the window, ${verdictSeries
      .map((series) => `${formatCount(totals[series.id])} ${series.label.toLowerCase()}`)
      .join(", ")}${gaps.length > 0 ? "; the earliest part of the window has no data" : ""}.`,
    valueLabel: "Requests",
    domain: [0, niceMax(largest)],
    formatValue: (value) => formatCount(value),
    table: {
      caption: `Requests per ${per} by verdict, oldest first`,
      columns,
      rows: [
        ...gapRow,
        ...traffic.buckets.map((bucket) => ({
          id: bucket.start,
          cells: {
            start: label(Date.parse(bucket.start)),
            requests: formatCount(bucket.requests),
            ...Object.fromEntries(verdictSeries.map((series) => [series.id, formatCount(bucket[series.id])])),
          },
        })),
      ],
    },
    unavailable:
      traffic.buckets.length === 0
        ? "the audit trail has no events yet: send a request through the gateway."
        : totals.requests === 0
          ? "no gateway request in this window; the table shows the empty buckets."
          : null,
    uncertainNote: null,
  };
}
