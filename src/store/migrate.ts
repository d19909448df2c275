import { type Kysely, sql } from "kysely";
import { type Migration, Migrator } from "kysely/migration";
import { errorMessage, RampartError } from "../core/index.js";
import type { Store } from "./database.js";
import type { RampartDatabase } from "./database-schema.js";
import { migrations } from "./migrations/index.js";

export interface MigrationState {
  name: string;
  /** when it ran, or undefined while it is pending */
  executedAt: Date | undefined;
}

/** The migrations to run; Rampart's own unless a test of the runner passes others. */
export type MigrationList = Readonly<Record<string, Migration>>;

/**
 * Runs every pending migration in one transaction and returns the names that ran (empty when up
 * to date). When one fails, none of the run stays applied.
 */
export async function migrateToLatest(store: Store, list: MigrationList = migrations): Promise<string[]> {
  if (store.dialect === "sqlite") return migrateSqliteToLatest(store, list);
  return runToLatest(store, await newMigrator(store, store.db, list));
}

/** A table whose only use is to take SQLite's write lock before migrating. */
const SQLITE_MIGRATION_GUARD = "rampart_migration_guard";

/**
 * Kysely takes no lock on SQLite, so two processes starting on the same file could both apply a
 * migration. Here the migrations run in one transaction whose first statement is a write: it takes
 * the file's write lock at once (waiting up to the busy timeout), so a second process waits, then
 * finds nothing left to do. A failure rolls the whole run back.
 */
async function migrateSqliteToLatest(store: Store, list: MigrationList): Promise<string[]> {
  await sql`create table if not exists ${sql.table(SQLITE_MIGRATION_GUARD)} (id integer primary key)`.execute(
    store.db,
  );
  return store.db.transaction().execute(async (transaction) => {
    await sql`insert or replace into ${sql.table(SQLITE_MIGRATION_GUARD)} (id) values (1)`.execute(
      transaction,
    );
    return runToLatest(store, await newMigrator(store, transaction, list));
  });
}

async function runToLatest(store: Store, migrator: Migrator): Promise<string[]> {
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === "Error")?.migrationName;
    throw new RampartError(
      "storage_error",
      `migration ${failed ?? "(setup)"} failed on ${store.location}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}

/** Every known migration with the time it ran, in order. */
export async function migrationStatus(store: Store): Promise<MigrationState[]> {
  const migrator = await newMigrator(store, store.db, migrations);
  const known = await migrator.getMigrations();
  return known.map((info) => ({ name: info.name, executedAt: info.executedAt }));
}

async function newMigrator(
  store: Store,
  db: Kysely<RampartDatabase>,
  list: MigrationList,
): Promise<Migrator> {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...list }) },
    migrationTableSchema: await migrationSchema(store),
    // each area owns a number range (0001-0099 core, 0100 audit, 0200 incidents, 0300 red team,
    // 0400 governance), so a later migration of a lower range may arrive after a higher one ran
    allowUnorderedMigrations: true,
  });
}

/**
 * On PostgreSQL the bookkeeping tables go into the same schema as the data. Kysely looks them up
 * across all schemas unless it is told which one, so it is always told.
 */
async function migrationSchema(store: Store): Promise<string | undefined> {
  if (store.dialect !== "postgres") return undefined;
  if (store.schema !== undefined) return store.schema;
  const { rows } = await sql<{ name: string | null }>`select current_schema() as name`.execute(store.db);
  return rows[0]?.name ?? undefined;
}
