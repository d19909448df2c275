import type { Policy } from "../../policy/index.js";
import { compileAcceptableUse } from "../as-code/compile-policy.js";
import type { Governance } from "./governance-schema.js";

export type AutomatedCheckId = Governance["audits"][number]["automatedChecks"][number];

export interface AutomatedCheckResult {
  readonly check: AutomatedCheckId;
  /** null: the evidence for the check was not available */
  readonly passed: boolean | null;
  readonly problems: readonly string[];
}

/** What the checks read besides the records; absent parts make their check "not available". */
export interface AutomatedCheckInputs {
  readonly now: Date;
  readonly runningPolicy?: Policy;
  /** model id or name -> when it was last red-teamed (ISO 8601) */
  readonly lastRedteamAt?: ReadonlyMap<string, string>;
  readonly redteamMaxAgeDays?: number;
  readonly auditChain?: { ok: boolean; detail: string };
  /** key display prefix -> days since it was last used or created, for active keys */
  readonly keyAges?: ReadonlyMap<string, number>;
  readonly keyMaxAgeDays?: number;
}

/** Red-team evidence older than this is stale (days). */
const DEFAULT_REDTEAM_MAX_AGE_DAYS = 30;
/** An active key unused for this long should be rotated or revoked (days). */
const DEFAULT_KEY_MAX_AGE_DAYS = 90;

const result = (check: AutomatedCheckId, problems: string[] | null): AutomatedCheckResult =>
  problems === null
    ? { check, passed: null, problems: ["evidence not available"] }
    : { check, passed: problems.length === 0, problems };

export function runAutomatedCheck(
  check: AutomatedCheckId,
  governance: Governance,
  inputs: AutomatedCheckInputs,
): AutomatedCheckResult {
  switch (check) {
    case "model-ownership":
      return result(
        check,
        governance.assets.models.flatMap((model) => [
          ...(model.owner === "" ? [`model ${model.id}: no owner`] : []),
          ...(model.approvedBy === "" ? [`model ${model.id}: not approved`] : []),
        ]),
      );
    case "redteam-freshness": {
      const last = inputs.lastRedteamAt;
      if (last === undefined) return result(check, null);
      const maxAgeMs = (inputs.redteamMaxAgeDays ?? DEFAULT_REDTEAM_MAX_AGE_DAYS) * 86_400_000;
      return result(
        check,
        governance.assets.models.flatMap((model) => {
          const at = last.get(model.id) ?? last.get(model.name);
          if (at === undefined) return [`model ${model.id}: never red-teamed`];
          return inputs.now.getTime() - Date.parse(at) > maxAgeMs
            ? [`model ${model.id}: last red-teamed ${at}`]
            : [];
        }),
      );
    }
    case "policy-drift": {
      const running = inputs.runningPolicy;
      if (running === undefined) return result(check, null);
      const compiled = compileAcceptableUse(governance).acceptableUse;
      const rule = (item: { role: string; model: string; dataClass: string; decision: string }) =>
        `${item.role} / ${item.model} / ${item.dataClass}: ${item.decision}`;
      const runningRules = new Set(running.acceptableUse.map(rule));
      return result(
        check,
        compiled
          .filter((item) => !runningRules.has(rule(item)))
          .map((item) => `acceptable use ${rule(item)} is not in the running policy`),
      );
    }
    case "audit-chain":
      return inputs.auditChain === undefined
        ? result(check, null)
        : result(check, inputs.auditChain.ok ? [] : [`audit chain: ${inputs.auditChain.detail}`]);
    case "key-hygiene": {
      if (inputs.keyAges === undefined) return result(check, null);
      const maxAge = inputs.keyMaxAgeDays ?? DEFAULT_KEY_MAX_AGE_DAYS;
      return result(
        check,
        [...inputs.keyAges]
          .filter(([, days]) => days > maxAge)
          .map(([prefix, days]) => `key ${prefix}…: idle ${days} days`),
      );
    }
  }
}

/** Runs every automated check an audit plan lists. */
export function runAuditPlanChecks(
  governance: Governance,
  auditId: string,
  inputs: AutomatedCheckInputs,
): AutomatedCheckResult[] {
  const plan = governance.audits.find((audit) => audit.id === auditId);
  return (plan?.automatedChecks ?? []).map((check) => runAutomatedCheck(check, governance, inputs));
}

/** Training assignments (module x person whose role it names) not completed within the module's days. */
export function overdueTraining(governance: Governance, assignedOn: string, now: Date): string[] {
  const { modules, people, completions } = governance.training;
  return modules.flatMap((module) =>
    Object.entries(people)
      .filter(([, role]) => module.roles.includes(role))
      .filter(([person]) => !completions.some((c) => c.person === person && c.module === module.id))
      .filter(() => Date.parse(`${assignedOn}T00:00:00.000Z`) + module.dueDays * 86_400_000 < now.getTime())
      .map(([person]) => `${person}: ${module.id}`),
  );
}
