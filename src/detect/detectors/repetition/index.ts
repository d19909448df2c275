export {
  type RepetitionOptions,
  repetitionDetector,
  repetitionOptionsSchema,
} from "./repetition-detector.js";
