import type { EffectivePolicy, Policy, PolicyPatch, PolicySection } from "./schema.js";

type SectionPatch = NonNullable<PolicyPatch["input"]>;

/** Shallow merge of a section: detectors per id, actions per category, flags replaced. */
export function mergeSection(base: PolicySection, patch: SectionPatch | undefined): PolicySection {
  if (patch === undefined) return base;
  return {
    detectors: { ...base.detectors, ...patch.detectors },
    actions: { ...base.actions, ...patch.actions },
    findingActions: { ...base.findingActions, ...patch.findingActions },
    stripInvisible: patch.stripInvisible ?? base.stripInvisible,
  };
}

/** Applies one override patch over an effective policy. */
export function applyPatch(base: EffectivePolicy, patch: PolicyPatch): EffectivePolicy {
  return {
    version: base.version,
    failMode: patch.failMode ?? base.failMode,
    scanBudgetMs: patch.scanBudgetMs ?? base.scanBudgetMs,
    scanBudgetMsPerKb: patch.scanBudgetMsPerKb ?? base.scanBudgetMsPerKb,
    input: mergeSection(base.input, patch.input),
    output: mergeSection(base.output, patch.output),
    stream: { ...base.stream, ...patch.stream },
    canary: patch.canary ?? base.canary,
    acceptableUse: base.acceptableUse,
    dataClassification: base.dataClassification,
    tools: base.tools,
  };
}

/** Merges a parsed policy file over the built-in default (`extends: default`). */
export function extendPolicy(base: Policy, file: Policy): Policy {
  return {
    ...file,
    input: mergeSection(base.input, file.input),
    output: mergeSection(base.output, file.output),
  };
}

export interface PolicySubject {
  readonly role?: string;
  readonly app?: string;
  readonly model?: string;
}

function matchesModel(pattern: string, model: string): boolean {
  return pattern.endsWith("*") ? model.startsWith(pattern.slice(0, -1)) : pattern === model;
}

/**
 * The policy for one caller and model: overrides for the model (exact names before prefixes),
 * then the app, then the role, each merged shallowly over the result so far.
 */
export function resolvePolicy(policy: Policy, subject: PolicySubject = {}): EffectivePolicy {
  const { overrides, extends: _extends, ...base } = policy;
  let effective: EffectivePolicy = base;
  if (subject.model !== undefined) {
    const model = subject.model;
    const patterns = Object.keys(overrides.models).filter((pattern) => matchesModel(pattern, model));
    patterns.sort((a, b) => Number(b.endsWith("*")) - Number(a.endsWith("*")) || a.length - b.length);
    for (const pattern of patterns) {
      const patch = overrides.models[pattern];
      if (patch !== undefined) effective = applyPatch(effective, patch);
    }
  }
  const appPatch = subject.app === undefined ? undefined : overrides.apps[subject.app];
  if (appPatch !== undefined) effective = applyPatch(effective, appPatch);
  const rolePatch = subject.role === undefined ? undefined : overrides.roles[subject.role];
  if (rolePatch !== undefined) effective = applyPatch(effective, rolePatch);
  return effective;
}
