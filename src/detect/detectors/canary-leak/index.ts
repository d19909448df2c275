export {
  type CanaryLeakOptions,
  canaryLeakDetector,
  canaryLeakOptionsSchema,
} from "./canary-leak-detector.js";
