export {
  type ContextLeakOptions,
  contextLeakDetector,
  contextLeakOptionsSchema,
} from "./context-leak-detector.js";
