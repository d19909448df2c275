export {
  type HarmfulRequestOptions,
  harmfulRequestDetector,
  harmfulRequestOptionsSchema,
} from "./harmful-request-detector.js";
