export {
  type ExfiltrationOptions,
  exfiltrationDetector,
  exfiltrationOptionsSchema,
} from "./exfiltration-detector.js";
