import { isAbsolute, resolve } from "node:path";
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

function resolveDetectorPaths(detectors: Detectors | undefined, baseDir: string): Detectors | undefined {
  if (detectors === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(detectors).map(([id, setting]) => {
      const names = builtInDetectors.get(id)?.pathOptions ?? [];
      if (names.length === 0) return [id, setting];
      const options = { ...setting.options };
      for (const name of names) {
        const value = options[name];
        if (typeof value === "string" && value !== "" && !isAbsolute(value))
          options[name] = resolve(baseDir, value);
      }
      return [id, { ...setting, options }];
    }),
  );
}

function resolvePatchPaths<P extends Pick<PolicyPatch, "input" | "output">>(patch: P, baseDir: string): P {
  const input = patch.input && {
    ...patch.input,
    detectors: resolveDetectorPaths(patch.input.detectors, baseDir),
  };
  const output = patch.output && {
    ...patch.output,
    detectors: resolveDetectorPaths(patch.output.detectors, baseDir),
  };
  return { ...patch, ...(input ? { input } : {}), ...(output ? { output } : {}) };
}

/**
 * The policy with every path option of its detectors (`Detector.pathOptions`, such as
 * onnx-classifier's modelDir) made absolute against `baseDir`, the policy file's folder, so that
 * the gateway finds the same files whatever folder it is started from. Overrides too.
 */
export function resolvePolicyPaths(policy: Policy, baseDir: string): Policy {
  const resolved = resolvePatchPaths(policy, baseDir);
  const overrides = Object.fromEntries(
    (["roles", "apps", "models"] as const).map((kind) => [
      kind,
      Object.fromEntries(
        Object.entries(policy.overrides[kind]).map(([name, patch]) => [
          name,
          resolvePatchPaths(patch, baseDir),
        ]),
      ),
    ]),
  ) as Policy["overrides"];
  return { ...resolved, overrides };
}
