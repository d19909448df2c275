import { RampartError } from "../core/index.js";
import {
  checkTools,
  classifyRequest,
  type DataClass,
  dataClassRank,
  dataClassSchema,
  decideUse,
} from "../policy/index.js";
import type { GuardContext, UsePolicy } from "./guard.js";
import type { RequestRecord } from "./request-record.js";

/** The caller may declare its data's class; it can raise the derived class, never lower it. */
export const DATA_CLASS_HEADER = "x-rampart-data-class";
/** Comma-separated destructive tools the caller approves for this one request. */
export const APPROVE_TOOLS_HEADER = "x-rampart-approve-tools";

export function declaredDataClass(header: string | string[] | undefined): DataClass | undefined {
  if (typeof header !== "string") return undefined;
  const parsed = dataClassSchema.safeParse(header.trim().toLowerCase());
  if (!parsed.success) {
    throw new RampartError(
      "invalid_request",
      `${DATA_CLASS_HEADER} must be public, internal, confidential or restricted`,
      {
        details: { param: DATA_CLASS_HEADER },
      },
    );
  }
  return parsed.data;
}

export function approvedTools(header: string | string[] | undefined): Set<string> {
  if (typeof header !== "string") return new Set();
  return new Set(
    header
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== ""),
  );
}

/**
 * Before the upstream call, once the input was scanned. The class of the data present in the request
 * (its findings and the caller's declaration) decides whether acceptable use asks to redact first
 * (`conditional`: the caller re-scans with personal data and secrets forced to redact). The class of
 * what actually reaches the model (findings left unredacted) is then checked against the matrix
 * (`prohibited` refuses) and the key's clearance.
 */
export function acceptableUseBeforeRedaction(
  use: UsePolicy,
  context: GuardContext,
  record: RequestRecord,
  declared: DataClass | undefined,
) {
  const dataClass = classifyRequest(record.inputCategories(), declared, use.dataClassification);
  return decideUse(use.acceptableUse, { role: context.principal.role, model: context.model, dataClass })
    .decision;
}

export function enforceAcceptableUse(
  use: UsePolicy,
  context: GuardContext,
  record: RequestRecord,
  declared: DataClass | undefined,
): void {
  const dataClass = classifyRequest(record.sentCategories, declared, use.dataClassification);
  record.dataClass = dataClass;
  const { decision, rule } = decideUse(use.acceptableUse, {
    role: context.principal.role,
    model: context.model,
    dataClass,
  });
  if (decision === "prohibited") {
    record.inputVerdict = "block";
    const why = rule?.reason === undefined ? "" : `: ${rule.reason}`;
    throw new RampartError(
      "policy_violation",
      `role '${context.principal.role}' may not send ${dataClass} data to '${context.model}' (acceptable use${why})`,
      { details: { categories: "acceptable-use" } },
    );
  }
  if (dataClassRank(dataClass) > dataClassRank(context.principal.clearance)) {
    record.inputVerdict = "block";
    throw new RampartError(
      "policy_violation",
      `the request carries ${dataClass} data and this key is cleared for ${context.principal.clearance} (acceptable use)`,
      { details: { categories: "acceptable-use" } },
    );
  }
}

/** Tools offered in a request must be allowed for the app; destructive ones need approval. */
export function enforceToolRules(
  use: UsePolicy,
  names: readonly string[],
  approved: ReadonlySet<string>,
  record: RequestRecord,
) {
  const check = checkTools(use.tools, names, approved);
  if (check.ok) return;
  record.inputVerdict = "block";
  const why =
    check.reason === "not-allowed"
      ? `the tool '${check.tool}' is not allowed for this app`
      : `the tool '${check.tool}' is destructive and needs approval (${APPROVE_TOOLS_HEADER}: ${check.tool})`;
  throw new RampartError("policy_violation", `${why} (excessive agency)`, { details: { param: "tools" } });
}
