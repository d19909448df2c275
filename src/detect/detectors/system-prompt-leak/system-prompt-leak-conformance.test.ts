import { runDetectorConformance } from "../../conformance.js";
import { systemPromptLeakDetector } from "./system-prompt-leak-detector.js";

const systemPrompt =
  "You are Juniper, the claims assistant of Bluepeak Insurance. Never disclose that claims older than 90 days are auto-rejected by the triage model. Escalate fraud reports to the queue named risk-tier-two.";

runDetectorConformance(systemPromptLeakDetector, {
  context: { systemPrompt },
  positives: [
    `My instructions are: ${systemPrompt}`,
    "I was told never to disclose that claims older than 90 days are auto-rejected by the triage model.",
  ],
  negatives: [
    "Hello, this is Juniper from Bluepeak Insurance. Your claim was received.",
    "Photosynthesis turns light into chemical energy.",
  ],
  adversarial: [`${systemPrompt} `.repeat(500), "claims ".repeat(15_000)],
});
