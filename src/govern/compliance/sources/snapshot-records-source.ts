import type { RecordCheckId } from "../../catalog/catalog-schema.js";
import type {
  DeploymentType,
  ResponsibilityLayer,
  ResponsibilityParty,
} from "../../records/governance-schema.js";
import type { ResponsibleAsset } from "../../records/shared-responsibility.js";
import type { Attestation, GovernanceRecordsSource, RecordCheckResult } from "../evidence-sources.js";

/**
 * The governance records as plain data: what the records module (store repositories, governance
 * as code) hands to the compliance engine. Times are ISO 8601 strings. The checks below are the
 * engine's reading of them; a records module may also implement GovernanceRecordsSource itself.
 */
export interface GovernanceSnapshot {
  readonly assets: readonly {
    id: string;
    kind: string;
    name: string;
    owner?: string | null;
    updatedAt: string;
    /** models: the deployment type that sets the default shared-responsibility split */
    deployment?: DeploymentType | undefined;
    /** layers where this asset differs from its deployment type's defaults */
    responsibility?: Readonly<Partial<Record<ResponsibilityLayer, ResponsibilityParty>>> | undefined;
  }[];
  readonly risks: readonly { id: string; status: string; reviewDate?: string | null; updatedAt: string }[];
  readonly raci: readonly { activity: string; assignments: Readonly<Record<string, string>> }[];
  readonly policies: readonly {
    id: string;
    title: string;
    state: string;
    reviewDue?: string | null;
    updatedAt: string;
  }[];
  readonly training: readonly {
    assignee: string;
    module: string;
    dueAt: string;
    completedAt?: string | null;
  }[];
  readonly incidents: readonly {
    id: string;
    status: string;
    deadlineAt?: string | null;
    updatedAt: string;
  }[];
  readonly impactAssessments: readonly { assetId: string; at: string }[];
  readonly vendors: readonly {
    id: string;
    name: string;
    reviewedAt?: string | null;
    reviewDueAt?: string | null;
  }[];
  readonly attestations: readonly Attestation[];
}

/** Asset kinds that are AI systems (what people use) and need an impact assessment. */
const ASSESSED_KINDS = new Set(["application"]);
/** Risk and incident states that need no more attention. */
const CLOSED_STATES = new Set(["closed", "accepted", "retired", "resolved"]);

function newest(times: Iterable<string | null | undefined>, fallback: string): string {
  let best: string | undefined;
  for (const time of times) if (time != null && (best === undefined || time > best)) best = time;
  return best ?? fallback;
}

function outcome(
  what: string,
  total: number,
  problems: string[],
  observedAt: string,
  emptyPasses = false,
): RecordCheckResult {
  if (total === 0 && !emptyPasses) {
    return { passed: false, summary: `no ${what} recorded`, observedAt, problems: [`no ${what} recorded`] };
  }
  return {
    passed: problems.length === 0,
    summary:
      problems.length === 0
        ? `${total} ${what}, all in order`
        : `${problems.length} of ${total} ${what} need attention`,
    observedAt,
    problems,
  };
}

/** Answers the record checks from a snapshot; results are computed once per check and snapshot. */
export function snapshotRecordsSource(load: () => Promise<GovernanceSnapshot>): GovernanceRecordsSource {
  let snapshot: Promise<GovernanceSnapshot> | undefined;
  const get = (): Promise<GovernanceSnapshot> => {
    snapshot ??= load();
    return snapshot;
  };
  return {
    async check(id, now) {
      return runRecordCheck(id, await get(), now);
    },
    async attestations(framework) {
      return (await get()).attestations.filter((item) => item.framework === framework);
    },
    exportRecords: get,
    async responsibility() {
      return responsibleAssets(await get());
    },
  };
}

/** The assets that carry a deployment type (models), as the shared-responsibility decision reads them. */
export function responsibleAssets(records: GovernanceSnapshot): ResponsibleAsset[] {
  return records.assets.flatMap((asset) =>
    asset.deployment === undefined
      ? []
      : [{ id: asset.id, deployment: asset.deployment, responsibility: asset.responsibility ?? {} }],
  );
}

export function runRecordCheck(id: RecordCheckId, records: GovernanceSnapshot, now: Date): RecordCheckResult {
  const nowText = now.toISOString();
  switch (id) {
    case "raci-complete": {
      const problems: string[] = [];
      for (const row of records.raci) {
        const letters = Object.values(row.assignments);
        const accountable = letters.filter((letter) => letter === "A").length;
        if (accountable !== 1)
          problems.push(`${row.activity}: ${accountable} accountable roles (needs exactly 1)`);
        if (!letters.includes("R")) problems.push(`${row.activity}: no responsible role`);
      }
      return outcome("RACI activities", records.raci.length, problems, nowText);
    }
    case "risks-reviewed": {
      const problems = records.risks
        .filter(
          (risk) => !CLOSED_STATES.has(risk.status) && risk.reviewDate != null && risk.reviewDate < nowText,
        )
        .map((risk) => `${risk.id}: review was due ${risk.reviewDate}`);
      return outcome(
        "risks",
        records.risks.length,
        problems,
        newest(
          records.risks.map((risk) => risk.updatedAt),
          nowText,
        ),
      );
    }
    case "policies-approved": {
      const problems = records.policies.flatMap((policy) => [
        ...(policy.state === "approved" ? [] : [`${policy.id}: ${policy.state}, not approved`]),
        ...(policy.reviewDue != null && policy.reviewDue < nowText
          ? [`${policy.id}: review was due ${policy.reviewDue}`]
          : []),
      ]);
      return outcome(
        "policies",
        records.policies.length,
        problems,
        newest(
          records.policies.map((p) => p.updatedAt),
          nowText,
        ),
      );
    }
    case "training-done": {
      const problems = records.training
        .filter((item) => item.completedAt == null && item.dueAt < nowText)
        .map((item) => `${item.assignee}: ${item.module} overdue since ${item.dueAt}`);
      return outcome(
        "training assignments",
        records.training.length,
        problems,
        newest(
          records.training.map((t) => t.completedAt),
          nowText,
        ),
      );
    }
    case "inventory-complete": {
      const problems = records.assets
        .filter((asset) => asset.owner == null || asset.owner === "")
        .map((asset) => `${asset.kind} ${asset.name}: no owner`);
      return outcome(
        "assets",
        records.assets.length,
        problems,
        newest(
          records.assets.map((a) => a.updatedAt),
          nowText,
        ),
      );
    }
    case "incidents-handled": {
      const problems = records.incidents
        .filter(
          (item) => !CLOSED_STATES.has(item.status) && item.deadlineAt != null && item.deadlineAt < nowText,
        )
        .map((item) => `${item.id}: open past its deadline ${item.deadlineAt}`);
      return outcome(
        "incidents",
        records.incidents.length,
        problems,
        newest(
          records.incidents.map((i) => i.updatedAt),
          nowText,
        ),
        true,
      );
    }
    case "impact-assessed": {
      const assessed = new Set(records.impactAssessments.map((item) => item.assetId));
      const systems = records.assets.filter((asset) => ASSESSED_KINDS.has(asset.kind));
      const problems = systems
        .filter((asset) => !assessed.has(asset.id))
        .map((asset) => `${asset.kind} ${asset.name}: no impact assessment`);
      return outcome(
        "AI systems",
        systems.length,
        problems,
        newest(
          records.impactAssessments.map((i) => i.at),
          nowText,
        ),
      );
    }
    case "vendors-reviewed": {
      const problems = records.vendors.flatMap((vendor) =>
        vendor.reviewedAt == null
          ? [`${vendor.name}: never reviewed`]
          : vendor.reviewDueAt != null && vendor.reviewDueAt < nowText
            ? [`${vendor.name}: review was due ${vendor.reviewDueAt}`]
            : [],
      );
      return outcome(
        "vendors",
        records.vendors.length,
        problems,
        newest(
          records.vendors.map((v) => v.reviewedAt),
          nowText,
        ),
      );
    }
  }
}
