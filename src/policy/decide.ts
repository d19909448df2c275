import {
  type Category,
  type Direction,
  type Finding,
  type Severity,
  strongestVerdict,
  type Verdict,
} from "../core/index.js";
import type { SkippedDetector } from "../detect/engine.js";
import type { Action, EffectivePolicy } from "./schema.js";

/** The action for a category found by a detector that the policy runs but gives no action. */
export const UNLISTED_CATEGORY_ACTION: Action = "flag";

/** How much a finding's severity weighs in the risk score. */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  low: 0.4,
  medium: 0.7,
  high: 0.9,
  critical: 1,
};

export interface FindingDecision {
  readonly finding: Finding;
  readonly action: Action;
}

export interface Decision {
  readonly verdict: Verdict;
  /** 0..1: 1 - product of (1 - score x severity weight) over findings not allowed */
  readonly risk: number;
  readonly actions: readonly FindingDecision[];
  /** categories with an action other than allow, sorted */
  readonly categories: readonly Category[];
  /** detectors that did not finish: never counted as passed */
  readonly skipped: readonly SkippedDetector[];
  /** true when a detector was skipped and the policy fails closed: the verdict is block */
  readonly failedClosed: boolean;
}

/**
 * Applies a policy to findings. Detectors report; the policy decides: each finding gets the
 * action of its category, the verdict is the strongest action, and a scan with skipped
 * detectors blocks when the policy fails closed.
 */
export function decide(
  findings: readonly Finding[],
  policy: EffectivePolicy,
  direction: Direction,
  skipped: readonly SkippedDetector[] = [],
): Decision {
  const section = policy[direction];
  const actions = findings.map((finding) => ({
    finding,
    action:
      section.findingActions[finding.rule] ??
      (finding.type === undefined ? undefined : section.findingActions[finding.type]) ??
      section.actions[finding.category] ??
      UNLISTED_CATEGORY_ACTION,
  }));
  let remaining = 1;
  const categories = new Set<Category>();
  for (const { finding, action } of actions) {
    if (action === "allow") continue;
    categories.add(finding.category);
    remaining *= 1 - Math.min(1, Math.max(0, finding.score * SEVERITY_WEIGHT[finding.severity]));
  }
  const failedClosed = skipped.length > 0 && policy.failMode === "closed";
  const verdict = failedClosed ? "block" : strongestVerdict(actions.map((entry) => entry.action));
  return {
    verdict,
    risk: Math.round((1 - remaining) * 10_000) / 10_000,
    actions,
    categories: [...categories].sort(),
    skipped,
    failedClosed,
  };
}
