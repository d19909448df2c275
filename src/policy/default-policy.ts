import type { Category, Direction } from "../core/index.js";
import { detectorsFor } from "../detect/registry.js";
import type { Action, DetectorSetting, Policy, PolicySection } from "./schema.js";

/**
 * The built-in default actions (used when no policy is configured). Input: prompt injection,
 * secrets and requests for help with serious harm are blocked, personal data redacted, invisible text stripped and flagged, toxicity
 * flagged. Output: exfiltration, system-prompt leaks (also credentials copied from the system
 * prompt), canary leaks, jailbreak compliance and endless repetition blocked, secrets and unsafe
 * markup redacted, unverified packages, APIs and citations annotated, personal data that reaches a person redacted (see DEFAULT_FINDING_ACTIONS),
 * dangerous commands redacted, other personal data flagged.
 */
export const DEFAULT_ACTIONS: Readonly<Record<Direction, Readonly<Partial<Record<Category, Action>>>>> = {
  input: {
    "prompt-injection": "block",
    secret: "block",
    "harmful-request": "block",
    pii: "redact",
    "invisible-text": "flag",
    toxicity: "flag",
  },
  output: {
    exfiltration: "block",
    "system-prompt-leak": "block",
    "canary-leak": "block",
    "jailbreak-compliance": "block",
    "unbounded-output": "block",
    secret: "redact",
    "unsafe-markup": "redact",
    // a package, API or paper Rampart cannot verify keeps its name and gets a note after it
    "unverified-reference": "redact",
    pii: "flag",
    // a destructive shell command in an answer (or a tool call's arguments) is masked before an
    // agent or a copy-paste can run it
    "dangerous-command": "redact",
  },
};

/**
 * Finer defaults by finding rule or type. Input: a place name on its own ("the capital of Portugal") is flagged,
 * not redacted, because hiding it breaks ordinary questions and identifies nobody; street addresses
 * and places given as someone's home or birthplace (context rules) are still redacted. Output: the
 * personal-data types that reach or identify a person are redacted, the rest of `pii` is flagged.
 */
export const DEFAULT_FINDING_ACTIONS: Readonly<Record<Direction, Readonly<Record<string, Action>>>> = {
  input: { "location.gazetteer": "flag" },
  output: {
    // personal data that identifies or reaches a person is masked in answers; names, places, URLs
    // and IP addresses stay flagged (hiding them breaks ordinary answers)
    EMAIL: "redact",
    PHONE: "redact",
    CREDIT_CARD: "redact",
    IBAN: "redact",
    US_SSN: "redact",
    PASSPORT: "redact",
    DATE_OF_BIRTH: "redact",
    // personal data copied from the system prompt is masked; a copied credential is blocked
    "context.personal-data": "redact",
  },
};

function defaultSection(direction: Direction): PolicySection {
  const detectors: Record<string, DetectorSetting> = {};
  for (const category of Object.keys(DEFAULT_ACTIONS[direction]) as Category[]) {
    for (const detector of detectorsFor(category, direction)) {
      // opt-in detectors (onnx-classifier: an operator-supplied model) run only when a policy names them
      if (detector.optIn === true) continue;
      detectors[detector.id] = { enabled: true, options: {} };
    }
  }
  return {
    detectors,
    actions: { ...DEFAULT_ACTIONS[direction] },
    findingActions: { ...DEFAULT_FINDING_ACTIONS[direction] },
    stripInvisible: direction === "input",
  };
}

/**
 * The default policy, derived from the registry: every registered detector of a category that
 * has a default action runs, so it keeps working as detectors are added. Opt-in detectors are left out.
 */
export function defaultPolicy(): Policy {
  return {
    version: 1,
    extends: "none",
    failMode: "closed",
    scanBudgetMs: 1000,
    scanBudgetMsPerKb: 10,
    input: defaultSection("input"),
    output: defaultSection("output"),
    stream: { mode: "hold-back", windowChars: 200 },
    canary: false,
    acceptableUse: [],
    dataClassification: {
      fromFindings: { pii: "confidential", secret: "restricted" },
      default: "internal",
      acceptHeader: true,
    },
    tools: { default: { allow: ["*"], destructive: [], highImpact: "approve" }, apps: {} },
    overrides: { roles: {}, apps: {}, models: {} },
  };
}
