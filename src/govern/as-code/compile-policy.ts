import type { Category, Verdict } from "../../core/index.js";
import type { Policy, PolicyPatch } from "../../policy/index.js";
import type { Governance } from "../records/governance-schema.js";

/**
 * The categories through which the gateway recognises non-public data in a prompt: personal data
 * and secrets. A data class at or above SENSITIVE_LEVEL is enforced through them.
 */
const SENSITIVE_CATEGORIES: readonly Category[] = ["pii", "secret"];
const SENSITIVE_LEVEL = 1;

const DECISION_RANK = { allowed: 0, conditional: 1, prohibited: 2 } as const;
type Decision = keyof typeof DECISION_RANK;
const DECISION_ACTION: Readonly<Record<Decision, Verdict | undefined>> = {
  allowed: undefined,
  conditional: "redact",
  prohibited: "block",
};

export interface CompiledPolicy {
  /** the overrides to merge into the running policy */
  readonly overrides: { roles: Record<string, PolicyPatch> };
  /** what the policy cannot express exactly, for the operator to enforce elsewhere */
  readonly notes: string[];
}

/**
 * Compiles the acceptable-use matrix into role overrides: a role whose rows say `prohibited` for a
 * sensitive data class blocks personal data and secrets in its input; `conditional` redacts them.
 * Overrides are per role and per model, not per pair, so a role gets its strictest decision over
 * all models (fail closed), and the pairs made stricter than the matrix are listed as notes.
 */
export function compileAcceptableUse(
  governance: Pick<Governance, "acceptableUse" | "classification">,
): CompiledPolicy {
  const levels = new Map(governance.classification.map((item) => [item.id, item.level]));
  const strictest = new Map<string, Decision>();
  const perPair = new Map<string, Decision>();
  const notes: string[] = [];
  for (const rule of governance.acceptableUse) {
    const level = levels.get(rule.dataClass) ?? 0;
    if (level < SENSITIVE_LEVEL) {
      if (rule.decision === "prohibited")
        notes.push(
          `${rule.role} may not use ${rule.target} at all: remove ${rule.target} from that role's API keys`,
        );
      continue;
    }
    const pair = `${rule.role}\u0000${rule.target}`;
    if (DECISION_RANK[rule.decision] > DECISION_RANK[perPair.get(pair) ?? "allowed"])
      perPair.set(pair, rule.decision);
    if (DECISION_RANK[rule.decision] > DECISION_RANK[strictest.get(rule.role) ?? "allowed"])
      strictest.set(rule.role, rule.decision);
  }
  const roles: Record<string, PolicyPatch> = {};
  for (const [role, decision] of [...strictest].sort(([a], [b]) => a.localeCompare(b))) {
    const action = DECISION_ACTION[decision];
    if (action === undefined) continue;
    roles[role] = {
      input: { actions: Object.fromEntries(SENSITIVE_CATEGORIES.map((category) => [category, action])) },
    };
  }
  for (const rule of governance.acceptableUse) {
    const pair = perPair.get(`${rule.role}\u0000${rule.target}`) ?? "allowed";
    const role = strictest.get(rule.role) ?? "allowed";
    if ((levels.get(rule.dataClass) ?? 0) >= SENSITIVE_LEVEL && DECISION_RANK[role] > DECISION_RANK[pair]) {
      const note = `${rule.role} on ${rule.target}: matrix says ${pair}, enforced as ${role} (overrides are per role)`;
      if (!notes.includes(note)) notes.push(note);
    }
  }
  return { overrides: { roles }, notes };
}

/** The running policy with the compiled role overrides merged in (other overrides kept). */
export function mergeCompiled(policy: Policy, compiled: CompiledPolicy): Policy {
  return {
    ...policy,
    overrides: { ...policy.overrides, roles: { ...policy.overrides.roles, ...compiled.overrides.roles } },
  };
}
