export { piiDetector } from "./pii-detector.js";
export { type PiiOptions, piiOptionsSchema } from "./pii-options.js";
