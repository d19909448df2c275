import type { Kysely } from "kysely";

/**
 * The audit trail (docs/audit.md): hash-chained events per node, signed checkpoints, content kept
 * outside the chain (erasable), and the outbox state of each sink. Events and checkpoints are
 * append-only; only retention (from a checkpoint anchor) and content erasure delete rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_events")
    .addColumn("node", "text", (column) => column.notNull())
    .addColumn("seq", "integer", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("type", "text", (column) => column.notNull())
    .addColumn("envelope", "text", (column) => column.notNull())
    .addColumn("hash", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("audit_events_pk", ["node", "seq"])
    .execute();
  await db.schema.createIndex("audit_events_at").on("audit_events").columns(["at"]).execute();
  await db.schema
    .createTable("audit_checkpoints")
    .addColumn("node", "text", (column) => column.notNull())
    .addColumn("seq", "integer", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("head_hash", "text", (column) => column.notNull())
    .addColumn("previous_seq", "integer", (column) => column.notNull())
    .addColumn("key_id", "text", (column) => column.notNull())
    .addColumn("signature", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("audit_checkpoints_pk", ["node", "seq"])
    .execute();
  await db.schema
    .createTable("audit_content")
    .addColumn("node", "text", (column) => column.notNull())
    .addColumn("seq", "integer", (column) => column.notNull())
    .addColumn("mode", "text", (column) => column.notNull())
    .addColumn("salt", "text", (column) => column.notNull())
    .addColumn("body", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("audit_content_pk", ["node", "seq"])
    .execute();
  await db.schema
    .createTable("audit_outbox")
    .addColumn("sink", "text", (column) => column.notNull())
    .addColumn("node", "text", (column) => column.notNull())
    .addColumn("delivered_seq", "integer", (column) => column.notNull())
    .addColumn("attempts", "integer", (column) => column.notNull())
    .addColumn("next_attempt_at", "text")
    .addColumn("last_error", "text")
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("audit_outbox_pk", ["sink", "node"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["audit_outbox", "audit_content", "audit_checkpoints", "audit_events"]) {
    await db.schema.dropTable(table).execute();
  }
}
