export {
  type DangerousCommandOptions,
  dangerousCommandDetector,
  dangerousCommandOptionsSchema,
} from "./dangerous-command-detector.js";
export { DEFAULT_TRUSTED_INSTALLERS } from "./trusted-installers.js";
