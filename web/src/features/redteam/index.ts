export { runDetailQuery, runListQuery } from "./api/queries";
export { RunDetailPage } from "./components/run-detail-page";
export { RunDiffPage } from "./components/run-diff-page";
export { RunsPage } from "./components/runs-page";
export {
  type RunDetailSearch,
  type RunDiffSearch,
  runDetailSearchSchema,
  runDiffSearchSchema,
} from "./lib/search";
