import { type OverviewWindow, overviewWindowSchema } from "@core/api/overview";
import { z } from "zod";

/** The Overview page's URL search: the time window (default 24h); an unknown value is dropped. */
export const overviewSearchSchema = z.object({
  window: overviewWindowSchema.optional().catch(undefined),
});
export type OverviewSearch = z.infer<typeof overviewSearchSchema>;

export const DEFAULT_WINDOW: OverviewWindow = "24h";

export function windowOf(search: OverviewSearch): OverviewWindow {
  return search.window ?? DEFAULT_WINDOW;
}

export const windowLabels: Record<OverviewWindow, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};
