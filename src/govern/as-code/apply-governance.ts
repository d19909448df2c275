import { RampartError } from "../../core/index.js";
import type { GovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { diffRecords, fromRecords, type RecordChange, toRecords } from "../records/governance-records.js";
import { type Governance, governanceSchema } from "../records/governance-schema.js";
import { asCodeRows } from "../records/runtime-records.js";
import { syncTrainingAssignments } from "../records/training-assignments.js";

/**
 * Loads a validated governance folder into the store: records that are equal stay untouched, so a
 * second apply changes nothing. With `dryRun` only the changes are computed. Records Rampart keeps
 * as it runs (audit runs, findings, training assignment dates, AIID imports) are not part of the
 * folder and are left alone; new training assignments are dated `now`.
 */
export async function applyGovernance(
  repository: GovernanceRecordRepository,
  governance: Governance,
  options: { dryRun?: boolean | undefined; now?: Date | undefined } = {},
): Promise<RecordChange[]> {
  const current = asCodeRows(await repository.list());
  const next = toRecords(governance);
  const changes = diffRecords(current, next);
  if (options.dryRun === true || changes.length === 0) return changes;
  const wanted = new Set(changes.filter((c) => c.change !== "remove").map((c) => `${c.kind}\u0000${c.id}`));
  await repository.apply(
    next.filter((record) => wanted.has(`${record.kind}\u0000${record.id}`)),
    changes.filter((c) => c.change === "remove").map(({ kind, id }) => ({ kind, id })),
  );
  await syncTrainingAssignments(repository, governance.training, options.now);
  return changes;
}

/** Reads the stored records back as the folder's sections. */
export async function readGovernance(repository: GovernanceRecordRepository): Promise<Governance> {
  const parsed = governanceSchema.safeParse(fromRecords(asCodeRows(await repository.list())));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError(
      "storage_error",
      `stored governance records: ${issue?.path.join(".")}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

export function formatChanges(changes: readonly RecordChange[]): string {
  if (changes.length === 0) return "no changes\n";
  const sign = { add: "+", update: "~", remove: "-" } as const;
  return `${changes.map((c) => `${sign[c.change]} ${c.kind} ${c.id}`).join("\n")}\n`;
}
