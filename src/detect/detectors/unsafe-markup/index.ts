export { codeRanges, insideRanges } from "./code-spans.js";
export {
  type UnsafeMarkupOptions,
  unsafeMarkupDetector,
  unsafeMarkupOptionsSchema,
} from "./unsafe-markup-detector.js";
