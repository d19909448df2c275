import type { z } from "zod";
import {
  type AiidIncidentRecord,
  type AuditRun,
  type AutomatedFinding,
  aiidIncidentSchema,
  auditRunSchema,
  automatedFindingSchema,
} from "../../core/api/governance.js";
import { RampartError } from "../../core/index.js";
import type {
  GovernanceRecordRepository,
  GovernanceRecordWrite,
  StoredGovernanceRecord,
} from "../../store/repositories/govern-record-repository.js";
import type { AiidIncident } from "../aiid/aiid-import.js";
import { RECORD_KINDS } from "./governance-records.js";

/**
 * Records that Rampart writes as it runs, kept in the same table as the governance records but
 * outside the `governance/` folder: apply and export leave them alone (they are not code), and the
 * folder's kinds never collide with them.
 */
export const RUNTIME_KINDS = {
  /** one run of an audit plan's automated checks: evidence */
  auditRun: "audit-run",
  /** a finding opened by a failing automated check, closed when the check passes */
  auditFinding: "audit-finding",
  /** when a training assignment (person x module) first existed */
  trainingAssignment: "training-assignment",
  /** an incident imported from the AI Incident Database */
  aiidIncident: "aiid-incident",
} as const;

const asCodeKinds: ReadonlySet<string> = new Set(RECORD_KINDS);

/** The rows that belong to the `governance/` folder. */
export function asCodeRows<T extends { kind: string }>(rows: readonly T[]): T[] {
  return rows.filter((row) => asCodeKinds.has(row.kind));
}

/** The newest change among the folder's records (undefined for an empty register). */
export function newestUpdate(rows: readonly { kind: string; updatedAt: string }[]): string | undefined {
  let newest: string | undefined;
  for (const row of asCodeRows(rows))
    if (newest === undefined || row.updatedAt > newest) newest = row.updatedAt;
  return newest;
}

function bodies<T>(rows: readonly StoredGovernanceRecord[], kind: string, schema: z.ZodType<T>): T[] {
  return rows
    .filter((row) => row.kind === kind)
    .map((row) => {
      const parsed = schema.safeParse(row.body);
      if (!parsed.success)
        throw new RampartError(
          "storage_error",
          `stored ${kind} ${row.id}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
        );
      return parsed.data;
    });
}

/** Audit runs, newest first (optionally of one audit). */
export function auditRunsOf(rows: readonly StoredGovernanceRecord[], audit?: string): AuditRun[] {
  return bodies(rows, RUNTIME_KINDS.auditRun, auditRunSchema)
    .filter((run) => audit === undefined || run.audit === audit)
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

/** Automated findings, open first then by when they were opened (optionally of one audit). */
export function automatedFindingsOf(
  rows: readonly StoredGovernanceRecord[],
  audit?: string,
): AutomatedFinding[] {
  return bodies(rows, RUNTIME_KINDS.auditFinding, automatedFindingSchema)
    .filter((finding) => audit === undefined || finding.audit === audit)
    .sort(
      (a, b) =>
        Number(a.status === "closed") - Number(b.status === "closed") || a.openedAt.localeCompare(b.openedAt),
    );
}

export function aiidIncidentsOf(rows: readonly StoredGovernanceRecord[]): AiidIncidentRecord[] {
  return bodies(rows, RUNTIME_KINDS.aiidIncident, aiidIncidentSchema).sort(
    (a, b) => a.incidentId - b.incidentId,
  );
}

export const auditRunRow = (run: AuditRun): GovernanceRecordWrite => ({
  kind: RUNTIME_KINDS.auditRun,
  id: run.id,
  position: 0,
  body: run,
});

export const findingRow = (finding: AutomatedFinding): GovernanceRecordWrite => ({
  kind: RUNTIME_KINDS.auditFinding,
  id: `${finding.audit}/${finding.check}`,
  position: 0,
  body: finding,
});

export const aiidIncidentRow = (incident: AiidIncidentRecord): GovernanceRecordWrite => ({
  kind: RUNTIME_KINDS.aiidIncident,
  id: `aiid-${incident.incidentId}`,
  position: incident.incidentId,
  body: incident,
});

/** Stores imported AIID incidents (an incident imported again is replaced). */
export async function storeAiidIncidents(
  repository: GovernanceRecordRepository,
  incidents: readonly AiidIncident[],
): Promise<void> {
  const copy = (incident: AiidIncident): AiidIncidentRecord => ({
    ...incident,
    deployers: [...incident.deployers],
    developers: [...incident.developers],
    harmedParties: [...incident.harmedParties],
  });
  await repository.apply(
    incidents.map((incident) => aiidIncidentRow(copy(incident))),
    [],
  );
}
