import { z } from "zod";
import type { TrainingAssignment } from "../../core/api/governance.js";
import type {
  GovernanceRecordRepository,
  StoredGovernanceRecord,
} from "../../store/repositories/govern-record-repository.js";
import type { Governance } from "./governance-schema.js";
import { newestUpdate, RUNTIME_KINDS } from "./runtime-records.js";

const DAY_MS = 86_400_000;
const assignmentBodySchema = z.object({ person: z.string(), module: z.string(), assignedAt: z.string() });

const keyOf = (person: string, module: string): string => `${person}/${module}`;

/** Person x module for every person whose role a module names. */
export function impliedAssignments(
  training: Governance["training"],
): { person: string; role: string; module: string }[] {
  return training.modules.flatMap((module) =>
    Object.entries(training.people)
      .filter(([, role]) => module.roles.includes(role))
      .map(([person, role]) => ({ person, role, module: module.id })),
  );
}

/** When each assignment first existed, from the stored rows ("person/module" -> ISO time). */
export function assignmentDates(rows: readonly StoredGovernanceRecord[]): Map<string, string> {
  const dates = new Map<string, string>();
  for (const row of rows) {
    if (row.kind !== RUNTIME_KINDS.trainingAssignment) continue;
    const parsed = assignmentBodySchema.safeParse(row.body);
    if (parsed.success) dates.set(keyOf(parsed.data.person, parsed.data.module), parsed.data.assignedAt);
  }
  return dates;
}

/**
 * Every assignment with its dates: assigned when it first existed (`fallback` when that was never
 * recorded, for records stored before assignments were tracked), due `dueDays` later, overdue when
 * not completed by then.
 */
export function trainingAssignments(
  training: Governance["training"],
  assigned: ReadonlyMap<string, string>,
  fallback: string,
  now: Date,
): TrainingAssignment[] {
  const days = new Map(training.modules.map((module) => [module.id, module.dueDays]));
  return impliedAssignments(training).map(({ person, role, module }) => {
    const assignedAt = assigned.get(keyOf(person, module)) ?? fallback;
    const dueAt = new Date(Date.parse(assignedAt) + (days.get(module) ?? 0) * DAY_MS).toISOString();
    const done = training.completions.find((c) => c.person === person && c.module === module);
    return {
      person,
      role,
      module,
      assignedAt,
      dueAt,
      completedAt: done?.at ?? null,
      overdue: done === undefined && Date.parse(dueAt) < now.getTime(),
    };
  });
}

/**
 * Records when new assignments appeared and forgets those that no longer exist. New assignments
 * are dated `now`, or by default with the store's time of the newest record change (the apply
 * that made them).
 */
export async function syncTrainingAssignments(
  repository: GovernanceRecordRepository,
  training: Governance["training"],
  now?: Date,
): Promise<void> {
  const all = await repository.list();
  const at = now?.toISOString() ?? newestUpdate(all) ?? new Date().toISOString();
  const rows = all.filter((row) => row.kind === RUNTIME_KINDS.trainingAssignment);
  const known = new Set(rows.map((row) => row.id));
  const wanted = impliedAssignments(training);
  const wantedKeys = new Set(wanted.map((item) => keyOf(item.person, item.module)));
  const put = wanted
    .filter((item) => !known.has(keyOf(item.person, item.module)))
    .map((item) => ({
      kind: RUNTIME_KINDS.trainingAssignment,
      id: keyOf(item.person, item.module),
      position: 0,
      body: { person: item.person, module: item.module, assignedAt: at },
    }));
  const remove = rows.filter((row) => !wantedKeys.has(row.id)).map((row) => ({ kind: row.kind, id: row.id }));
  if (put.length > 0 || remove.length > 0) await repository.apply(put, remove);
}
