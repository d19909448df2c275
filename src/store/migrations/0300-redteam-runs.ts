import type { Kysely } from "kysely";

/** Red-team runs saved as governance evidence: the run's identity, headline rates and summary JSON. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("redteam_runs")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("target", "text", (column) => column.notNull())
    .addColumn("model", "text", (column) => column.notNull())
    .addColumn("seed", "integer", (column) => column.notNull())
    .addColumn("started_at", "text", (column) => column.notNull())
    .addColumn("finished_at", "text", (column) => column.notNull())
    .addColumn("cases", "integer", (column) => column.notNull())
    .addColumn("successes", "integer", (column) => column.notNull())
    .addColumn("asr", "real", (column) => column.notNull())
    .addColumn("over_refusal_rate", "real", (column) => column.notNull())
    .addColumn("gate_passed", "integer")
    .addColumn("summary", "text", (column) => column.notNull())
    .addColumn("saved_at", "text", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("redteam_runs_finished").on("redteam_runs").column("finished_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("redteam_runs").execute();
}
