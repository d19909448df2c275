import type { Kysely } from "kysely";

/**
 * API keys of the gateway and the management API. Stored hashed (SHA-256 of the whole key);
 * `prefix` keeps the first characters for display. Portable types only: text and nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("prefix", "text", (column) => column.notNull())
    .addColumn("hash", "text", (column) => column.notNull().unique())
    .addColumn("role", "text", (column) => column.notNull())
    .addColumn("app", "text")
    .addColumn("team", "text")
    .addColumn("models", "text", (column) => column.notNull().defaultTo("[]"))
    .addColumn("clearance", "text", (column) => column.notNull())
    .addColumn("limits", "text")
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema
    .createIndex("api_keys_kind_created_at")
    .on("api_keys")
    .columns(["kind", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("api_keys").execute();
}
