import { runDetectorConformance } from "../../conformance.js";
import { toxicityDetector } from "./toxicity-detector.js";

runDetectorConformance(toxicityDetector, {
  direction: "input",
  positives: ["You are a fucking idiot.", "sh1t happens", "f u c k you", "women are too stupid to vote"],
  negatives: ["How do I kill a Python process?", "Here is a recipe for banana bread with walnuts."],
  adversarial: ["f u c k ".repeat(13_000), "sh1t ".repeat(20_000), "b!".repeat(50_000)],
});
