import { type Category, type Direction, RampartError } from "../core/index.js";
import type { Detector } from "./detector.js";
import { canaryLeakDetector } from "./detectors/canary-leak/index.js";
import { contextLeakDetector } from "./detectors/context-leak/index.js";
import { dangerousCommandDetector } from "./detectors/dangerous-command/index.js";
import { exfiltrationDetector } from "./detectors/exfiltration/index.js";
import { harmfulRequestDetector } from "./detectors/harmful-request/index.js";
import { instructionOverrideDetector } from "./detectors/instruction-override/index.js";
import { invisibleTextDetector } from "./detectors/invisible-text/index.js";
import { jailbreakComplianceDetector } from "./detectors/jailbreak-compliance/index.js";
import { onnxClassifierDetector } from "./detectors/onnx-classifier/index.js";
import { piiDetector } from "./detectors/pii/index.js";
import { promptInjectionDetector } from "./detectors/prompt-injection/index.js";
import { repetitionDetector } from "./detectors/repetition/index.js";
import { secretDetector } from "./detectors/secret/index.js";
import { systemPromptLeakDetector } from "./detectors/system-prompt-leak/index.js";
import { toxicityDetector } from "./detectors/toxicity/index.js";
import { unsafeMarkupDetector } from "./detectors/unsafe-markup/index.js";
import { unverifiedReferenceDetector } from "./detectors/unverified-reference/index.js";

/**
 * The built-in detectors. Add a detector: write src/detect/detectors/<id>/, then list it here
 * with one line. The default policy, `rampart scan` and the gateway find detectors here only.
 */
// biome-ignore format: one detector per line, so that adding one is a one-line change
const BUILT_IN_DETECTORS: readonly Detector[] = [
  invisibleTextDetector,
  piiDetector,
  promptInjectionDetector,
  instructionOverrideDetector,
  repetitionDetector,
  secretDetector,
  canaryLeakDetector,
  contextLeakDetector,
  dangerousCommandDetector,
  exfiltrationDetector,
  harmfulRequestDetector,
  jailbreakComplianceDetector,
  onnxClassifierDetector,
  systemPromptLeakDetector,
  toxicityDetector,
  unsafeMarkupDetector,
  unverifiedReferenceDetector,
];

export const builtInDetectors: ReadonlyMap<string, Detector> = new Map(
  BUILT_IN_DETECTORS.map((detector) => [detector.id, detector]),
);

/** Ids of the registered detectors, sorted. */
export function knownDetectorIds(): string[] {
  return [...builtInDetectors.keys()].sort();
}

export function hasDetector(id: string): boolean {
  return builtInDetectors.has(id);
}

/** The detector with this id, or a RampartError (config_invalid) that lists the known ids. */
export function getDetector(id: string): Detector {
  const detector = builtInDetectors.get(id);
  if (detector !== undefined) return detector;
  throw new RampartError("config_invalid", unknownDetectorMessage(id), {
    details: { id, known: knownDetectorIds() },
  });
}

export function unknownDetectorMessage(id: string): string {
  const known = knownDetectorIds();
  return `unknown detector "${id}" (known: ${known.length === 0 ? "none" : known.join(", ")})`;
}

/** Registered detectors that report a category in a direction (opt-in detectors included). */
export function detectorsFor(category: Category, direction: Direction): Detector[] {
  return [...builtInDetectors.values()].filter(
    (detector) => detector.category === category && detector.appliesTo.includes(direction),
  );
}
