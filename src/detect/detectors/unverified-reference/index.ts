export {
  type UnverifiedReferenceOptions,
  unverifiedReferenceDetector,
  unverifiedReferenceOptionsSchema,
} from "./unverified-reference-detector.js";
