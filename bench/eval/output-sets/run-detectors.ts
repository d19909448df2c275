import type { Finding } from "../../../src/core/index.js";
import type { DetectorInstance, ScanContext } from "../../../src/detect/detector.js";
import { canaryLeakDetector } from "../../../src/detect/detectors/canary-leak/index.js";
import { dangerousCommandDetector } from "../../../src/detect/detectors/dangerous-command/index.js";
import { exfiltrationDetector } from "../../../src/detect/detectors/exfiltration/index.js";
import { jailbreakComplianceDetector } from "../../../src/detect/detectors/jailbreak-compliance/index.js";
import { systemPromptLeakDetector } from "../../../src/detect/detectors/system-prompt-leak/index.js";
import { unsafeMarkupDetector } from "../../../src/detect/detectors/unsafe-markup/index.js";
import { normalize } from "../../../src/detect/normalize/index.js";
import type { OutputSample } from "./types.js";

/**
 * A sample counts as detected when the detector reports any finding: the policy acts on every
 * reported finding, and detectors leave out what they do not stand behind (their `minScore`).
 */

export const OUTPUT_DETECTOR_IDS = [
  "exfiltration",
  "unsafe-markup",
  "dangerous-command",
  "jailbreak-compliance",
  "system-prompt-leak",
  "canary-leak",
] as const;
export type OutputDetectorId = (typeof OUTPUT_DETECTOR_IDS)[number];

/** The six output detectors with default options (jailbreak-compliance optionally with its learned part). */
export function outputDetectors(learned = false): Record<OutputDetectorId, DetectorInstance> {
  return {
    exfiltration: exfiltrationDetector.create(exfiltrationDetector.optionsSchema.parse({})),
    "unsafe-markup": unsafeMarkupDetector.create(unsafeMarkupDetector.optionsSchema.parse({})),
    "dangerous-command": dangerousCommandDetector.create(dangerousCommandDetector.optionsSchema.parse({})),
    "jailbreak-compliance": jailbreakComplianceDetector.create(
      jailbreakComplianceDetector.optionsSchema.parse({ learned }),
    ),
    "system-prompt-leak": systemPromptLeakDetector.create(systemPromptLeakDetector.optionsSchema.parse({})),
    "canary-leak": canaryLeakDetector.create(canaryLeakDetector.optionsSchema.parse({})),
  };
}

/** A scan context with the real normaliser's views, as the engine builds it. */
export function contextFor(
  sample: Pick<OutputSample, "text" | "systemPrompt" | "canaries" | "conversation">,
): ScanContext {
  const { views, signals } = normalize(sample.text);
  return {
    direction: "output",
    source: "assistant",
    sensitivity: "medium",
    systemPrompt: sample.systemPrompt,
    canaries: sample.canaries,
    conversation: sample.conversation,
    views,
    signals,
    deadline: Number.POSITIVE_INFINITY,
  };
}

export function flagged(findings: readonly Finding[]): boolean {
  return findings.length > 0;
}
