import type { Overview } from "@core/api/overview";
import type { CiBarChartData } from "@/components/charts/chart-types";
import { formatCount } from "@/lib/format";

/** Categories found in blocked requests, most frequent first, as bars with their counts beside them. */
export function prepareBlockedCategories(
  categories: NonNullable<Overview["topBlockedCategories"]>,
): CiBarChartData {
  const largest = Math.max(1, ...categories.map((item) => item.count));
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
    domain: [0, largest],
    formatValue: (value) => formatCount(value),
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
