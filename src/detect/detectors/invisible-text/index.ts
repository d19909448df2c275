export { type InvisibleRun, invisibleRuns } from "./invisible-runs.js";
export {
  type InvisibleTextOptions,
  type InvisibleTextRule,
  invisibleTextDetector,
  invisibleTextOptionsSchema,
} from "./invisible-text-detector.js";
