export {
  type InstructionOverrideOptions,
  instructionOverrideDetector,
  instructionOverrideOptionsSchema,
} from "./instruction-override-detector.js";
