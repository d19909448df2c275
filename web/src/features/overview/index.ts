export { overviewQuery } from "./api/queries";
export { OverviewPage } from "./components/overview-page";
export { type OverviewSearch, overviewSearchSchema, windowOf } from "./lib/search";
