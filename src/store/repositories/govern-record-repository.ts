import type { Kysely } from "kysely";
import { z } from "zod";
import type { RampartDatabase } from "../database-schema.js";
import { fromJsonColumn, toJsonColumn } from "../json-column.js";
import { toStoredTimestamp } from "../timestamps.js";
import type { RepositoryOptions } from "./api-key-repository.js";

/** The governance_records table (migration 0400). */
export type GovernanceRecordsTable = {
  governance_records: { kind: string; id: string; position: number; body: string; updated_at: string };
};

export interface StoredGovernanceRecord {
  kind: string;
  id: string;
  position: number;
  body: unknown;
  updatedAt: string;
}

export interface GovernanceRecordWrite {
  kind: string;
  id: string;
  position: number;
  body: unknown;
}

/** Governance records by kind and id. The body's shape is the governance module's business. */
export interface GovernanceRecordRepository {
  /** every record, ordered by kind then position */
  list(): Promise<StoredGovernanceRecord[]>;
  /** in one transaction: upserts `put`, deletes `remove` (kind and id pairs) */
  apply(
    put: readonly GovernanceRecordWrite[],
    remove: readonly { kind: string; id: string }[],
  ): Promise<void>;
}

export function createGovernanceRecordRepository(
  database: Kysely<RampartDatabase>,
  options: RepositoryOptions = {},
): GovernanceRecordRepository {
  const now = options.now ?? (() => new Date());
  const db = database.withTables<GovernanceRecordsTable>();
  return {
    async list() {
      const rows = await db
        .selectFrom("governance_records")
        .selectAll()
        .orderBy("kind")
        .orderBy("position")
        .execute();
      return rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        position: Number(row.position),
        body: fromJsonColumn(row.body, z.unknown(), `governance record ${row.kind}/${row.id}`),
        updatedAt: row.updated_at,
      }));
    },
    async apply(put, remove) {
      const updatedAt = toStoredTimestamp(now());
      await db.transaction().execute(async (transaction) => {
        for (const item of remove)
          await transaction
            .deleteFrom("governance_records")
            .where("kind", "=", item.kind)
            .where("id", "=", item.id)
            .execute();
        for (const item of put) {
          const row = {
            kind: item.kind,
            id: item.id,
            position: item.position,
            body: toJsonColumn(item.body),
            updated_at: updatedAt,
          };
          await transaction
            .insertInto("governance_records")
            .values(row)
            .onConflict((conflict) =>
              conflict
                .columns(["kind", "id"])
                .doUpdateSet({ position: row.position, body: row.body, updated_at: updatedAt }),
            )
            .execute();
        }
      });
    },
  };
}
