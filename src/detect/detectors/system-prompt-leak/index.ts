export {
  type SystemPromptLeakOptions,
  systemPromptLeakDetector,
  systemPromptLeakOptionsSchema,
} from "./system-prompt-leak-detector.js";
