import type { Overview } from "@core/api/overview";
import type { CiBarChartData } from "@/components/charts/chart-types";
import { formatCount } from "@/lib/format";

/** Categories found in blocked requests, most frequent first, as bars with their counts beside them. */
export function prepareBlockedCategories(
  categories: NonNullable<Overview["topBlockedCategories"]>,
): CiBarChartData {
  // a top divisible by 4, so the axis' five ticks are whole requests
  const top = Math.max(4, Math.ceil(Math.max(0, ...categories.map((item) => item.count)) / 4) * 4);
  return {
    bars: categories.map((item) => ({
      id: item.category,
      label: item.category,
      value: item.count,
      valueText: formatCount(item.count),
      interval: null,
      uncertain: false,
      color: "var(--chart-2)",
    })),
    summary:
      categories.length === 0
        ? "No request was blocked in this window."
        : `Categories found in blocked requests: ${categories
            .map((item) => `${item.category} ${formatCount(item.count)}`)
            .join(", ")}.`,
    valueLabel: "Blocked requests",
    domain: [0, top],
    // counts are whole: a fractional tick, if the axis makes one, stays unlabelled
    formatValue: (value) => (Number.isInteger(value) ? formatCount(value) : ""),
    table: {
      caption: "Categories found in blocked requests, most frequent first",
      columns: [
        { id: "category", label: "Category" },
        { id: "count", label: "Blocked requests", numeric: true },
      ],
      rows: categories.map((item) => ({
        id: item.category,
        cells: { category: item.category, count: formatCount(item.count) },
      })),
    },
    unavailable: categories.length === 0 ? "nothing was blocked in this window." : null,
    uncertainNote: null,
  };
}
