import type { RedteamRunSummary } from "@core/api/redteam";
import type { TrendChartData, TrendSeries } from "@/components/charts/chart-types";
import { formatCount, formatPercent, formatTime } from "@/lib/format";
import { FEW_CASES, formatInterval, uncertainNote } from "./rates";

/** Lines drawn at most; further targets are listed in the table only. */
export const MAX_TREND_SERIES = 5;
/** Runs drawn per line at most (the newest). */
export const MAX_TREND_POINTS = 30;

const colors = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

const clockTime = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

const shortTime = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

/** What a line follows: one target and model (the same attacks against the same thing). */
function seriesKey(run: RedteamRunSummary): string {
  return `${run.targetId ?? run.target} · ${run.model}`;
}

/**
 * The attack success rate of runs over time: one line per target and model (the MAX_TREND_SERIES with
 * the newest runs), each point a run with its 95% interval. A failed run is a gap in its line; running
 * runs are left out. The table lists every ended run, including lines left out of the drawing.
 */
export function prepareAsrTrend(runs: readonly RedteamRunSummary[]): TrendChartData {
  const ended = runs
    .filter((run) => run.status !== "running")
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const groups = new Map<string, RedteamRunSummary[]>();
  for (const run of ended) groups.set(seriesKey(run), [...(groups.get(seriesKey(run)) ?? []), run]);
  const newestFirst = [...groups.entries()].sort(
    ([, a], [, b]) =>
      Date.parse((b.at(-1) as RedteamRunSummary).startedAt) -
      Date.parse((a.at(-1) as RedteamRunSummary).startedAt),
  );
  const drawn = newestFirst.slice(0, MAX_TREND_SERIES);
  const series: TrendSeries[] = drawn.map(([key, group], index) => ({
    id: key,
    label: key,
    color: colors[index % colors.length] as string,
    points: group.slice(-MAX_TREND_POINTS).map((run) => ({
      x: Date.parse(run.startedAt),
      y: run.asr,
      interval: run.asrCi95,
      uncertain: run.asr !== null && run.cases < FEW_CASES,
    })),
  }));
  const xs = series.flatMap((line) => line.points.map((point) => point.x));
  const measured = series.flatMap((line) => line.points).filter((point) => point.y !== null);
  const left = newestFirst.length - drawn.length;
  const unavailable =
    ended.length === 0
      ? "no run has ended yet; start a run to see its attack success rate here."
      : measured.length < 2
        ? "a trend needs at least two finished runs; the table lists the runs so far."
        : null;
  return {
    series,
    summary: `Attack success rate of the last ${formatCount(measured.length)} finished runs: ${series
      .map((line) => {
        const last = line.points.filter((point) => point.y !== null).at(-1);
        return `${line.label}, latest ${last ? formatPercent(last.y) : "no rate"}`;
      })
      .join("; ")}.`,
    valueLabel: "ASR",
    domain: [0, 1],
    xDomain: xs.length === 0 ? [0, 1] : [Math.min(...xs), Math.max(...xs)],
    formatValue: (value) => formatPercent(value, 0),
    // runs within an hour of each other need seconds to tell the ticks apart
    formatX: (x) =>
      xs.length > 0 && Math.max(...xs) - Math.min(...xs) < 3_600_000
        ? clockTime.format(new Date(x))
        : shortTime.format(new Date(x)),
    table: {
      caption: `Ended runs, oldest first${left > 0 ? `; ${left} target${left === 1 ? "" : "s"} with older runs are not drawn (at most ${MAX_TREND_SERIES} lines)` : ""}`,
      columns: [
        { id: "started", label: "Started" },
        { id: "series", label: "Target · model" },
        { id: "asr", label: "ASR", numeric: true },
        { id: "ci", label: "95% CI", numeric: true },
        { id: "cases", label: "Cases", numeric: true },
      ],
      rows: ended.map((run) => ({
        id: run.id,
        cells: {
          started: formatTime(run.startedAt),
          series: seriesKey(run),
          asr: run.status === "failed" ? "failed" : formatPercent(run.asr),
          ci: formatInterval(run.asrCi95),
          cases: formatCount(run.cases),
        },
      })),
    },
    unavailable,
    uncertainNote: series.some((line) => line.points.some((point) => point.uncertain)) ? uncertainNote : null,
  };
}
