import type { GovernanceRecordsSource } from "../compliance/evidence-sources.js";
import {
  type GovernanceSnapshot,
  snapshotRecordsSource,
} from "../compliance/sources/snapshot-records-source.js";
import type { Governance } from "./governance-schema.js";
import { trainingAssignments } from "./training-assignments.js";

/** A date (YYYY-MM-DD) as the end of that day in UTC; empty stays null. */
function endOfDay(date: string): string | null {
  return date === "" ? null : `${date}T23:59:59.999Z`;
}
function startOfDay(date: string): string | null {
  return date === "" ? null : `${date}T00:00:00.000Z`;
}
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString();
}

/**
 * The compliance engine's view of the records. `updatedAt` is when the records were last applied;
 * training assignments come from modules x people whose role the module names, dated from when each
 * first existed (`assigned`, "person/module" -> time) or else from `updatedAt`.
 */
export function toGovernanceSnapshot(
  governance: Governance,
  updatedAt: string,
  assigned: ReadonlyMap<string, string> = new Map(),
): GovernanceSnapshot {
  const { assets, training } = governance;
  const assignedFrom = `${updatedAt.slice(0, 10)}T00:00:00.000Z`;
  return {
    assets: [
      ...assets.models.map((m) => ({
        id: m.id,
        kind: "model",
        name: m.name,
        owner: m.owner,
        updatedAt,
        deployment: m.deployment,
        responsibility: m.responsibility,
      })),
      ...assets.datasets.map((d) => ({ id: d.id, kind: "dataset", name: d.name, owner: d.owner, updatedAt })),
      ...assets.applications.map((a) => ({
        id: a.id,
        kind: "application",
        name: a.name,
        owner: a.owner,
        updatedAt,
      })),
      ...assets.tools.map((t) => ({ id: t.id, kind: t.kind, name: t.name, owner: t.owner, updatedAt })),
    ],
    risks: governance.risks.map((r) => ({
      id: r.id,
      status: r.status,
      reviewDate: endOfDay(r.reviewDate),
      updatedAt,
    })),
    raci: Object.entries(governance.raci).map(([activity, assignments]) => ({ activity, assignments })),
    policies: governance.policies.map((p) => ({
      id: p.id,
      title: p.title,
      state: p.state,
      reviewDue: p.approvedAt === "" ? null : addDays(p.approvedAt, p.reviewCycleDays),
      updatedAt,
    })),
    training: trainingAssignments(training, assigned, assignedFrom, new Date(0)).map((item) => ({
      assignee: item.person,
      module: item.module,
      dueAt: item.dueAt,
      completedAt: item.completedAt === null ? null : startOfDay(item.completedAt),
    })),
    incidents: [],
    impactAssessments: assets.applications.flatMap((a) =>
      a.impactAssessedAt === "" ? [] : [{ assetId: a.id, at: startOfDay(a.impactAssessedAt) ?? updatedAt }],
    ),
    vendors: assets.vendors.map((v) => ({
      id: v.id,
      name: v.name,
      reviewedAt: startOfDay(v.reviewedAt),
      reviewDueAt: endOfDay(v.reviewDue),
    })),
    attestations: governance.attestations.map((a) => ({ ...a })),
  };
}

/**
 * The GovernanceRecordsSource over the governance records. `load` returns the records and when
 * they were last applied (for example `readGovernance` and the newest stored `updatedAt`).
 */
export function governanceRecordsSource(
  load: () => Promise<{
    governance: Governance;
    updatedAt: string;
    assigned?: ReadonlyMap<string, string> | undefined;
  }>,
): GovernanceRecordsSource {
  return snapshotRecordsSource(async () => {
    const { governance, updatedAt, assigned } = await load();
    return toGovernanceSnapshot(governance, updatedAt, assigned);
  });
}
