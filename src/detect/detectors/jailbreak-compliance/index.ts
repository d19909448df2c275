export {
  type JailbreakComplianceOptions,
  jailbreakComplianceDetector,
  jailbreakComplianceOptionsSchema,
} from "./jailbreak-compliance-detector.js";
