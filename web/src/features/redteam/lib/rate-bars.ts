import type { RedteamRate, RedteamRunStatus } from "@core/api/redteam";
import type { CiBarChartData } from "@/components/charts/chart-types";
import { formatCount, formatPercent } from "@/lib/format";
import { FEW_CASES, formatInterval, owaspLabel, uncertainNote } from "./rates";

export type RateDimension = "category" | "strategy" | "probe class";

const dimensionNames: Record<RateDimension, string> = {
  category: "OWASP category",
  strategy: "strategy",
  "probe class": "probe class",
};

const byName = new Intl.Collator("en", { numeric: true });

function unavailableReason(
  rates: Record<string, RedteamRate>,
  dimension: RateDimension,
  status: RedteamRunStatus,
): string | null {
  const entries = Object.values(rates);
  if (status === "running") return "the run is still running; its rates appear when it finishes.";
  if (entries.length === 0)
    return status === "failed"
      ? "the run failed before any case was graded."
      : `this run recorded no rates by ${dimensionNames[dimension]}.`;
  if (entries.every((rate) => rate.cases === 0))
    return "no case of this run was answered, so no rate exists.";
  return null;
}

/**
 * Attack success rates by OWASP category, strategy or probe class as bars with their 95% Wilson
 * intervals. Sorted by name (LLM01 before LLM10); a bucket without cases has no rate (a gap and "—",
 * never 0%); buckets with fewer than FEW_CASES cases are drawn as less certain.
 */
export function prepareRateBars(
  rates: Record<string, RedteamRate>,
  dimension: RateDimension,
  status: RedteamRunStatus,
): CiBarChartData {
  const names = Object.keys(rates).sort(byName.compare);
  const label = (name: string) => (dimension === "category" ? owaspLabel(name) : name);
  const bars = names.map((name) => {
    const rate = rates[name] as RedteamRate;
    const known = rate.cases > 0;
    return {
      id: name,
      label: label(name),
      value: known ? rate.asr : null,
      valueText: known ? formatPercent(rate.asr) : "no rate",
      interval: known ? rate.ci95 : null,
      uncertain: known && rate.cases < FEW_CASES,
      color: "var(--chart-1)",
    };
  });
  const what = dimensionNames[dimension];
  const summaryParts = bars.map(
    (bar) =>
      `${bar.label} ${bar.value === null ? "no rate" : `${formatPercent(bar.value)} (95% CI ${formatInterval(bar.interval)})`}`,
  );
  return {
    bars,
    summary: `Attack success rate by ${what}: ${summaryParts.join("; ")}.`,
    valueLabel: "Attack success rate",
    domain: [0, 1],
    formatValue: (value) => formatPercent(value, 0),
    table: {
      caption: `Attack success rate by ${what}, with 95% Wilson intervals`,
      columns: [
        { id: "name", label: what.charAt(0).toUpperCase() + what.slice(1) },
        { id: "cases", label: "Cases", numeric: true },
        { id: "successes", label: "Successful attacks", numeric: true },
        { id: "asr", label: "ASR", numeric: true },
        { id: "ci", label: "95% CI", numeric: true },
      ],
      rows: names.map((name) => {
        const rate = rates[name] as RedteamRate;
        const known = rate.cases > 0;
        return {
          id: name,
          cells: {
            name: label(name),
            cases: `${formatCount(rate.cases)}${known && rate.cases < FEW_CASES ? " (few)" : ""}`,
            successes: formatCount(rate.successes),
            asr: known ? formatPercent(rate.asr) : "—",
            ci: known ? formatInterval(rate.ci95) : "—",
          },
        };
      }),
    },
    unavailable: unavailableReason(rates, dimension, status),
    uncertainNote: bars.some((bar) => bar.uncertain) ? uncertainNote : null,
  };
}
