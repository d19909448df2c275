import type { Kysely } from "kysely";

/**
 * Monitoring and incident response: alerts raised by the anomaly monitor, incidents with their
 * timeline, and containments (blocked principals, disabled models, raised sensitivity, revoked keys)
 * that the gateway reads at admission.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("alerts")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("rule", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("severity", "text", (column) => column.notNull())
    .addColumn("principal", "text", (column) => column.notNull())
    .addColumn("key_id", "text")
    .addColumn("app", "text")
    .addColumn("message", "text", (column) => column.notNull())
    .addColumn("playbook", "text")
    .addColumn("evidence", "text", (column) => column.notNull())
    .addColumn("raised_at", "text", (column) => column.notNull())
    .addColumn("incident_id", "text")
    .execute();
  await db.schema.createIndex("alerts_raised").on("alerts").column("raised_at").execute();
  await db.schema
    .createTable("incidents")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("severity", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("playbook", "text")
    .addColumn("serious", "text")
    .addColumn("aware_at", "text", (column) => column.notNull())
    .addColumn("links", "text", (column) => column.notNull())
    .addColumn("created_by", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("closed_at", "text")
    .execute();
  await db.schema.createIndex("incidents_status").on("incidents").columns(["status", "created_at"]).execute();
  await db.schema
    .createTable("incident_timeline")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("incident_id", "text", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("actor", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("text", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("incident_timeline_incident")
    .on("incident_timeline")
    .columns(["incident_id", "at"])
    .execute();
  await db.schema
    .createTable("containments")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("incident_id", "text")
    .addColumn("action", "text", (column) => column.notNull())
    .addColumn("target", "text", (column) => column.notNull())
    .addColumn("parameters", "text", (column) => column.notNull())
    .addColumn("created_by", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("lifted_at", "text")
    .execute();
  await db.schema.createIndex("containments_active").on("containments").column("lifted_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["containments", "incident_timeline", "incidents", "alerts"]) {
    await db.schema.dropTable(table).execute();
  }
}
