import type { Overview } from "@core/api/overview";
import type { TrendChartData } from "@/components/charts/chart-types";
import { formatPercent, formatTime } from "@/lib/format";

type Redteam = NonNullable<Overview["redteam"]>;
type Run = Redteam["runs"][number];

const shortTime = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

/** "12.5 points" for a change of 0.125 in a rate. */
export function formatPoints(change: number): string {
  return `${Math.abs(change * 100).toFixed(1)} points`;
}

/** The newest run's ASR trend in words: up is worse (more attacks worked), down is better. */
export function trendText(redteam: Redteam): string {
  const latest = redteam.runs[0];
  if (latest === undefined) return "No red-team run yet.";
  if (redteam.trend === null || latest.change === null || latest.previousAsr === null)
    return "No earlier run on this target and model to compare with.";
  if (redteam.trend === "flat")
    return `Unchanged from the previous run (${formatPercent(latest.previousAsr)}).`;
  return `${redteam.trend === "up" ? "Up" : "Down"} ${formatPoints(latest.change)} from ${formatPercent(
    latest.previousAsr,
  )} in the previous run: ${redteam.trend === "up" ? "worse" : "better"}.`;
}

/**
 * The ASR of the newest runs on the same target and model as the newest run, oldest first: the line
 * the newest run's trend continues. Other targets are listed in the table only.
 */
export function prepareRunTrend(redteam: Redteam): TrendChartData {
  const latest = redteam.runs[0];
  const same = (run: Run) =>
    latest !== undefined && run.target === latest.target && run.model === latest.model;
  const line = redteam.runs.filter(same).reverse();
  const points = line.map((run) => ({
    x: Date.parse(run.finishedAt),
    y: run.asr,
    interval: null,
    uncertain: false,
  }));
  const xs = points.map((point) => point.x);
  return {
    series:
      latest === undefined
        ? []
        : [{ id: "latest", label: `${latest.target} · ${latest.model}`, color: "var(--chart-2)", points }],
    summary:
      latest === undefined
        ? "No red-team run yet."
        : `Attack success rate of the last ${line.length} runs on ${latest.target} with ${latest.model}: ${line
            .map((run) => formatPercent(run.asr))
            .join(", ")}.`,
    valueLabel: "ASR",
    domain: [0, 1],
    xDomain: xs.length === 0 ? [0, 1] : [Math.min(...xs), Math.max(...xs)],
    formatValue: (value) => formatPercent(value, 0),
    formatX: (x) => shortTime.format(new Date(x)),
    table: {
      caption: "The newest saved red-team runs, newest first",
      columns: [
        { id: "finished", label: "Finished" },
        { id: "target", label: "Target · model" },
        { id: "asr", label: "ASR", numeric: true },
        { id: "change", label: "Change", numeric: true },
      ],
      rows: redteam.runs.map((run) => ({
        id: run.id,
        cells: {
          finished: formatTime(run.finishedAt),
          target: `${run.target} · ${run.model}`,
          asr: formatPercent(run.asr),
          change:
            run.change === null
              ? "—"
              : `${run.change > 0 ? "+" : run.change < 0 ? "−" : "±"}${formatPoints(run.change)}`,
        },
      })),
    },
    unavailable:
      latest === undefined
        ? "no red-team run has been saved yet."
        : line.length < 2
          ? "a trend needs two runs on the same target and model; the table lists the runs so far."
          : null,
    uncertainNote: null,
  };
}
