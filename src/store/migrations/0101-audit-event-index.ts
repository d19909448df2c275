import type { Kysely } from "kysely";

/**
 * A derived index of the audit events for the management API (filters, paging, overview counts):
 * one row per event with the fields a table row shows, and one row per (event, category). It is
 * rebuilt from `audit_events` by `AuditEventQuery.sync()` and is never evidence: the chain, its
 * checkpoints and verification read `audit_events` only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_event_index")
    .addColumn("node", "text", (column) => column.notNull())
    .addColumn("seq", "integer", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("type", "text", (column) => column.notNull())
    .addColumn("request_id", "text")
    .addColumn("actor_kind", "text")
    .addColumn("actor_id", "text")
    .addColumn("actor_role", "text")
    .addColumn("key_id", "text")
    .addColumn("app", "text")
    .addColumn("model", "text")
    .addColumn("upstream", "text")
    .addColumn("status", "integer")
    .addColumn("verdict", "text")
    .addColumn("categories", "text", (column) => column.notNull())
    .addColumn("latency_ms", "double precision")
    .addColumn("action", "text")
    .addPrimaryKeyConstraint("audit_event_index_pk", ["node", "seq"])
    .execute();
  const indexes: [string, string[]][] = [
    ["audit_event_index_time", ["at", "node", "seq"]],
    ["audit_event_index_type", ["type", "at"]],
    ["audit_event_index_verdict", ["verdict", "at"]],
    ["audit_event_index_key", ["key_id", "at"]],
    ["audit_event_index_app", ["app", "at"]],
    ["audit_event_index_model", ["model", "at"]],
  ];
  for (const [name, columns] of indexes)
    await db.schema.createIndex(name).on("audit_event_index").columns(columns).execute();
  await db.schema
    .createTable("audit_event_index_categories")
    .addColumn("node", "text", (column) => column.notNull())
    .addColumn("seq", "integer", (column) => column.notNull())
    .addColumn("category", "text", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("verdict", "text")
    .addPrimaryKeyConstraint("audit_event_index_categories_pk", ["node", "seq", "category"])
    .execute();
  await db.schema
    .createIndex("audit_event_index_categories_category")
    .on("audit_event_index_categories")
    .columns(["category", "at"])
    .execute();
  await db.schema
    .createIndex("audit_event_index_categories_verdict")
    .on("audit_event_index_categories")
    .columns(["verdict", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_event_index_categories").execute();
  await db.schema.dropTable("audit_event_index").execute();
}
