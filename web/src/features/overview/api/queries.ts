import { getOverview, type OverviewWindow } from "@core/api/overview";
import { queryOptions } from "@tanstack/react-query";
import { call } from "@/lib/api-client";

/** Hierarchical keys: ['overview'] covers every window. */
export const overviewKeys = {
  all: ["overview"] as const,
  window: (window: OverviewWindow) => ["overview", window] as const,
};

/** The Overview page in one answer: traffic, blocked categories, incidents, red team, audit chain. */
export const overviewQuery = (window: OverviewWindow) =>
  queryOptions({
    queryKey: overviewKeys.window(window),
    queryFn: () => call(getOverview, { query: { window } }),
  });
