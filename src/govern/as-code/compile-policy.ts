import { type AcceptableUseRule, type DataClass, dataClasses, type Policy } from "../../policy/index.js";
import type { Governance } from "../records/governance-schema.js";

export interface CompiledPolicy {
  /** the gateway's acceptable-use rules, one per matrix row, in the matrix's order (first match wins) */
  readonly acceptableUse: AcceptableUseRule[];
  /** how governance data classes were mapped to the gateway's four classes, when not by name */
  readonly notes: string[];
}

/** The gateway's class for a governance data class: the same name, or by level (0 public ... 3+ restricted). */
function gatewayClass(id: string, level: number): DataClass {
  if ((dataClasses as readonly string[]).includes(id)) return id as DataClass;
  return dataClasses[Math.min(Math.max(level, 0), dataClasses.length - 1)] ?? "restricted";
}

/**
 * Compiles the acceptable-use matrix of the governance register into the policy's `acceptableUse`
 * rules, pair by pair: role x model (or tool) x data class -> allowed, conditional (the gateway
 * redacts personal data and secrets first) or prohibited (the gateway refuses). The gateway
 * derives each request's data class from its findings and the caller's declaration.
 */
export function compileAcceptableUse(
  governance: Pick<Governance, "acceptableUse" | "classification">,
): CompiledPolicy {
  const classes = new Map(governance.classification.map((item) => [item.id, item.level]));
  const notes: string[] = [];
  const acceptableUse = governance.acceptableUse.map((rule) => {
    const dataClass = gatewayClass(rule.dataClass, classes.get(rule.dataClass) ?? 0);
    if (dataClass !== rule.dataClass) {
      const note = `data class ${rule.dataClass} (level ${classes.get(rule.dataClass) ?? 0}) is enforced as ${dataClass}`;
      if (!notes.includes(note)) notes.push(note);
    }
    return { role: rule.role, model: rule.target, dataClass, decision: rule.decision };
  });
  return { acceptableUse, notes };
}

/** The running policy with its acceptable-use rules replaced by the compiled ones. */
export function mergeCompiled(policy: Policy, compiled: CompiledPolicy): Policy {
  return { ...policy, acceptableUse: compiled.acceptableUse };
}
