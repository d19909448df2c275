import { z } from "zod";
import type { Category } from "../core/index.js";

/**
 * The acceptable-use matrix, data classes and tool allowlists: what a caller may send to which
 * model or tool, as the governance team writes it (`rampart govern compile-policy` produces this
 * part of a policy from the governance register).
 */

/** Data classes, lowest to highest. */
export const dataClasses = ["public", "internal", "confidential", "restricted"] as const;
export const dataClassSchema = z.enum(dataClasses);
export type DataClass = z.infer<typeof dataClassSchema>;

export function dataClassRank(value: DataClass): number {
  return dataClasses.indexOf(value);
}

export function highestDataClass(values: Iterable<DataClass>): DataClass {
  let best: DataClass = "public";
  for (const value of values) if (dataClassRank(value) > dataClassRank(best)) best = value;
  return best;
}

/** `allowed`; `conditional`: allowed once personal data and secrets are redacted; `prohibited`. */
export const useDecisionSchema = z.enum(["allowed", "conditional", "prohibited"]);
export type UseDecision = z.infer<typeof useDecisionSchema>;

/** One cell of the matrix. `*` matches anything; `llama-*` is a prefix pattern. First match wins. */
export const acceptableUseRuleSchema = z.strictObject({
  role: z.string().min(1).default("*"),
  /** a model name or pattern */
  model: z.string().min(1).default("*"),
  dataClass: z.union([dataClassSchema, z.literal("*")]).default("*"),
  decision: useDecisionSchema,
  /** why, shown in the 403 message (never the text of the request) */
  reason: z.string().max(300).optional(),
});
export type AcceptableUseRule = z.infer<typeof acceptableUseRuleSchema>;

export const dataClassificationSchema = z.strictObject({
  /** the class a request gets when it carries a finding of a category (the highest wins) */
  fromFindings: z
    .partialRecord(z.string(), dataClassSchema)
    .default({ pii: "confidential", secret: "restricted" }),
  /** the class of a request that declares none and has no findings */
  default: dataClassSchema.default("internal"),
  /** accept a caller's `x-rampart-data-class` header (it can only raise the class, never lower it) */
  acceptHeader: z.boolean().default(true),
});

/** Tools an app may offer the model, and those that need an explicit approval per request. */
export const toolRulesSchema = z.strictObject({
  /** tool names (or `*`) the app may define and the model may call */
  allow: z.array(z.string().min(1)).default(["*"]),
  /** tools that act destructively: refused unless the request approves them (`x-rampart-approve-tools`) */
  destructive: z.array(z.string().min(1)).default([]),
  /**
   * tools whose definition says they delete data, move money, run commands, change access or send
   * things out (see tool-risk.ts): `approve` (default) blocks a call of one that the request did not
   * approve; `allow` lets the model call them
   */
  highImpact: z.enum(["approve", "allow"]).default("approve"),
});
export type ToolRules = z.infer<typeof toolRulesSchema>;

export const toolPolicySchema = z.strictObject({
  /** rules for apps without their own entry */
  default: toolRulesSchema.prefault({}),
  /** app name -> rules */
  apps: z.record(z.string().min(1), toolRulesSchema).default({}),
});

export function patternMatches(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** The class of a request: its findings, the caller's declaration (raise only), else the default. */
export function classifyRequest(
  categories: Iterable<Category>,
  declared: DataClass | undefined,
  classification: z.infer<typeof dataClassificationSchema>,
): DataClass {
  const found: DataClass[] = [classification.default];
  for (const category of categories) {
    const value = classification.fromFindings[category];
    if (value !== undefined) found.push(value);
  }
  if (declared !== undefined && classification.acceptHeader) found.push(declared);
  return highestDataClass(found);
}

/** The first matching rule's decision; `allowed` when no rule matches. */
export function decideUse(
  rules: readonly AcceptableUseRule[],
  subject: { role: string; model: string; dataClass: DataClass },
): { decision: UseDecision; rule: AcceptableUseRule | undefined } {
  const rule = rules.find(
    (candidate) =>
      patternMatches(candidate.role, subject.role) &&
      patternMatches(candidate.model, subject.model) &&
      (candidate.dataClass === "*" || candidate.dataClass === subject.dataClass),
  );
  return { decision: rule?.decision ?? "allowed", rule };
}

export type ToolCheck =
  | { ok: true }
  | { ok: false; tool: string; reason: "not-allowed" | "needs-approval" | "high-impact" };

/**
 * Checks tool names (defined in a request, or called in an answer) against the app's rules.
 * `highImpact` names the tools recognised as high-impact from their definitions (tool-risk.ts); pass
 * it for the calls in an answer: with `highImpact: approve` such a call needs the request's approval.
 */
export function checkTools(
  rules: ToolRules,
  names: readonly string[],
  approved: ReadonlySet<string>,
  highImpact: ReadonlySet<string> = new Set(),
): ToolCheck {
  for (const name of names) {
    if (!rules.allow.some((pattern) => patternMatches(pattern, name)))
      return { ok: false, tool: name, reason: "not-allowed" };
    if (rules.destructive.some((pattern) => patternMatches(pattern, name)) && !approved.has(name)) {
      return { ok: false, tool: name, reason: "needs-approval" };
    }
    if (rules.highImpact === "approve" && highImpact.has(name) && !approved.has(name)) {
      return { ok: false, tool: name, reason: "high-impact" };
    }
  }
  return { ok: true };
}
