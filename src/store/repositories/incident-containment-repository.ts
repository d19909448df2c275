import type { Kysely } from "kysely";
import { z } from "zod";
import { newId } from "../../core/index.js";
import type { RampartDatabase } from "../database-schema.js";
import { fromJsonColumn, parseStoredValue, toJsonColumn } from "../json-column.js";
import { fromStoredTimestamp, fromStoredTimestampOrNull, toStoredTimestamp } from "../timestamps.js";

/** The table of migration 0200-incidents. */
export interface ContainmentTable {
  id: string;
  incident_id: string | null;
  action: string;
  target: string;
  parameters: string;
  created_by: string;
  created_at: string;
  lifted_at: string | null;
}

type ContainmentDatabase = RampartDatabase & { containments: ContainmentTable };

/** What a containment does; the gateway reads the active ones at admission. */
export const containmentActions = [
  "revoke-key",
  "block-principal",
  "raise-sensitivity",
  "route-to-fallback",
  "disable-model",
] as const;
export const containmentActionSchema = z.enum(containmentActions);
export type ContainmentAction = z.infer<typeof containmentActionSchema>;

/** `fallback` for route-to-fallback, `sensitivity` (a policy's categories) for raise-sensitivity. */
export const containmentParametersSchema = z.record(z.string(), z.string());

export interface NewContainment {
  incidentId: string | null;
  action: ContainmentAction;
  /** a key id, `app:<name>`, a model name, or a policy section */
  target: string;
  parameters: Record<string, string>;
  createdBy: string;
}

export interface ContainmentRecord extends NewContainment {
  id: string;
  createdAt: Date;
  liftedAt: Date | null;
}

export interface ContainmentRepository {
  create(input: NewContainment, at?: Date): Promise<ContainmentRecord>;
  /** not lifted, oldest first */
  listActive(): Promise<ContainmentRecord[]>;
  listForIncident(incidentId: string): Promise<ContainmentRecord[]>;
  /** true when it changed */
  lift(id: string, at?: Date): Promise<boolean>;
}

function fromRow(row: ContainmentTable): ContainmentRecord {
  return {
    id: row.id,
    incidentId: row.incident_id,
    action: parseStoredValue(containmentActionSchema, row.action, `containment ${row.id} action`),
    target: row.target,
    parameters: fromJsonColumn(row.parameters, containmentParametersSchema, `containment ${row.id}`),
    createdBy: row.created_by,
    createdAt: fromStoredTimestamp(row.created_at),
    liftedAt: fromStoredTimestampOrNull(row.lifted_at),
  };
}

export function createContainmentRepository(db: Kysely<RampartDatabase>): ContainmentRepository {
  const containments = db as unknown as Kysely<ContainmentDatabase>;
  return {
    async create(input, at = new Date()) {
      const record: ContainmentRecord = { ...input, id: newId("cnt"), createdAt: at, liftedAt: null };
      await containments
        .insertInto("containments")
        .values({
          id: record.id,
          incident_id: input.incidentId,
          action: input.action,
          target: input.target,
          parameters: toJsonColumn(input.parameters),
          created_by: input.createdBy,
          created_at: toStoredTimestamp(at),
          lifted_at: null,
        })
        .execute();
      return record;
    },
    async listActive() {
      const rows = await containments
        .selectFrom("containments")
        .selectAll()
        .where("lifted_at", "is", null)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(fromRow);
    },
    async listForIncident(incidentId) {
      const rows = await containments
        .selectFrom("containments")
        .selectAll()
        .where("incident_id", "=", incidentId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(fromRow);
    },
    async lift(id, at = new Date()) {
      const result = await containments
        .updateTable("containments")
        .set({ lifted_at: toStoredTimestamp(at) })
        .where("id", "=", id)
        .where("lifted_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
