import type { Kysely } from "kysely";

/** Governance records (assets, RACI, risks, policies, matrix, audits, training) as JSON per kind and id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("governance_records")
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("id", "text", (column) => column.notNull())
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("body", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("governance_records_pk", ["kind", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("governance_records").execute();
}
