export { type ToxicityOptions, toxicityDetector, toxicityOptionsSchema } from "./toxicity-detector.js";
