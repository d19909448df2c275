export { promptInjectionRules } from "./patterns.js";
export { promptInjectionDetector, promptInjectionOptionsSchema } from "./prompt-injection-detector.js";
