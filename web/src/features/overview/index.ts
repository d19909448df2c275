import { lazy } from "react";

export { overviewQuery } from "./api/queries";
export { type OverviewSearch, overviewSearchSchema, windowOf } from "./lib/search";

// The page loads as its own chunk: the route's loader imports this file for its query and search
// schema, and must not pull the panels (and the chart frames) into the first bundle.
export const OverviewPage = lazy(() =>
  import("./components/overview-page").then((module) => ({ default: module.OverviewPage })),
);
