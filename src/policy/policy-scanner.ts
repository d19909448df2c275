import type { Direction } from "../core/index.js";
import { createScanner, type Scanner, type ScannerDetector } from "../detect/engine.js";
import { getDetector } from "../detect/registry.js";
import type { EffectivePolicy } from "./schema.js";

export interface PolicyScannerOptions {
  /** overrides the policy's scanBudgetMs (the CLI allows more time than the gateway) */
  readonly timeBudgetMs?: number;
}

/** The enabled detectors of one direction of a policy, with their options and sensitivity. */
export function policyDetectors(policy: EffectivePolicy, direction: Direction): ScannerDetector[] {
  const entries: ScannerDetector[] = [];
  for (const [id, setting] of Object.entries(policy[direction].detectors)) {
    if (!setting.enabled) continue;
    entries.push({
      detector: getDetector(id),
      options: setting.options,
      ...(setting.sensitivity === undefined ? {} : { sensitivity: setting.sensitivity }),
    });
  }
  return entries;
}

/** A scanner for one direction of an effective policy. */
export function createPolicyScanner(
  policy: EffectivePolicy,
  direction: Direction,
  options: PolicyScannerOptions = {},
): Scanner {
  return createScanner({
    detectors: policyDetectors(policy, direction),
    timeBudgetMs: options.timeBudgetMs ?? policy.scanBudgetMs,
    timeBudgetPerKbMs: policy.scanBudgetMsPerKb,
  });
}
