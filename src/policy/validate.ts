import type { ConfigIssue } from "../config/issues.js";
import { formatPath } from "../config/issues.js";
import type { Direction } from "../core/index.js";
import { builtInDetectors, unknownDetectorMessage } from "../detect/registry.js";
import type { Policy, PolicyPatch } from "./schema.js";

type Detectors = Policy["input"]["detectors"];

function checkDetectors(
  detectors: Detectors | undefined,
  direction: Direction,
  path: readonly (string | number)[],
  issues: ConfigIssue[],
): void {
  for (const [id, setting] of Object.entries(detectors ?? {})) {
    const here = [...path, direction, "detectors", id];
    const detector = builtInDetectors.get(id);
    if (detector === undefined) {
      issues.push({ path: formatPath(here), message: unknownDetectorMessage(id) });
      continue;
    }
    if (!detector.appliesTo.includes(direction)) {
      issues.push({
        path: formatPath(here),
        message: `detector "${id}" does not scan ${direction} (it scans ${detector.appliesTo.join(", ")})`,
      });
    }
    const parsed = detector.optionsSchema.safeParse(setting.options);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          path: formatPath([
            ...here,
            "options",
            ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
          ]),
          message:
            issue.code === "unrecognized_keys"
              ? `unknown option ${issue.keys.join(", ")}`
              : issue.message.replace(/^Invalid input: /, ""),
        });
      }
    }
  }
}

function checkPatch(
  patch: Pick<PolicyPatch, "input" | "output">,
  path: readonly (string | number)[],
  issues: ConfigIssue[],
) {
  checkDetectors(patch.input?.detectors, "input", path, issues);
  checkDetectors(patch.output?.detectors, "output", path, issues);
}

/**
 * Checks what the schema cannot: every detector id is registered and scans that direction, and
 * its options parse with the detector's own schema. Overrides are checked the same way.
 */
export function validatePolicyDetectors(policy: Policy): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  checkPatch(policy, [], issues);
  for (const kind of ["roles", "apps", "models"] as const) {
    for (const [name, patch] of Object.entries(policy.overrides[kind])) {
      checkPatch(patch, ["overrides", kind, name], issues);
    }
  }
  return issues;
}
