import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe } from "vitest";
import { openDatabase, type Store } from "../database.js";
import { migrateToLatest } from "../migrate.js";

/** The environment variable that points the suite at a PostgreSQL server (CI sets it). */
export const TEST_POSTGRES_URL_VARIABLE = "RAMPART_TEST_POSTGRES_URL";

export interface TestStore {
  store: Store;
  /** the storage URL, base folder and schema that open this same database again */
  location: { url: string; baseDir: string; schema: string | undefined };
  /** closes the store and removes what it made (the temp folder, or the schema) */
  dispose(): Promise<void>;
}

export interface OpenTestStoreOptions {
  /** run the migrations first; default true */
  migrate?: boolean;
}

/** One database the shared suites run against. */
export interface TestDatabase {
  name: "sqlite" | "postgres";
  /** why this database is not tested in this run, or undefined when it is */
  skipReason: string | undefined;
  /** a fresh store of its own: a new SQLite file, or a new PostgreSQL schema with a random name */
  open(options?: OpenTestStoreOptions): Promise<TestStore>;
}

/**
 * SQLite always; PostgreSQL when RAMPART_TEST_POSTGRES_URL is set. When it is set and the server
 * does not answer, `open()` throws storage_unreachable and the tests fail: they never skip.
 */
export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const postgresUrl = env[TEST_POSTGRES_URL_VARIABLE];
  const hasPostgres = postgresUrl !== undefined && postgresUrl !== "";
  return [
    { name: "sqlite", skipReason: undefined, open: openSqliteTestStore },
    {
      name: "postgres",
      skipReason: hasPostgres ? undefined : `${TEST_POSTGRES_URL_VARIABLE} is not set`,
      open: (options) => openPostgresTestStore(postgresUrl ?? "", options),
    },
  ];
}

/** `describe` once per test database; a skipped database says why in the suite name. */
export function describeEachDatabase(title: string, body: (database: TestDatabase) => void): void {
  for (const database of testDatabases()) {
    const name =
      database.skipReason === undefined
        ? database.name
        : `${database.name} (skipped: ${database.skipReason})`;
    describe.skipIf(database.skipReason !== undefined)(`${title} on ${name}`, () => body(database));
  }
}

/** A fresh migrated store for every test of the enclosing describe; read it inside the test. */
export function useFreshStore(database: TestDatabase): () => Store {
  let current: TestStore | undefined;
  beforeEach(async () => {
    current = await database.open();
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error("the store is only open inside a test");
    return current.store;
  };
}

async function openSqliteTestStore(options: OpenTestStoreOptions = {}): Promise<TestStore> {
  const folder = await mkdtemp(join(tmpdir(), "rampart-store-"));
  const store = await openDatabase("sqlite:rampart.db", { baseDir: folder });
  if (options.migrate !== false) await migrateToLatest(store);
  return {
    store,
    location: { url: "sqlite:rampart.db", baseDir: folder, schema: undefined },
    async dispose() {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function openPostgresTestStore(url: string, options: OpenTestStoreOptions = {}): Promise<TestStore> {
  const schema = `rampart_test_${randomBytes(6).toString("hex")}`;
  await withAdminStore(url, (admin) => sql`create schema ${sql.id(schema)}`.execute(admin.db));
  const store = await openDatabase(url, { schema, poolSize: 4 });
  if (options.migrate !== false) await migrateToLatest(store);
  return {
    store,
    location: { url, baseDir: tmpdir(), schema },
    async dispose() {
      await store.close();
      await withAdminStore(url, (admin) =>
        sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db),
      );
    },
  };
}

async function withAdminStore(url: string, action: (store: Store) => Promise<unknown>): Promise<void> {
  const admin = await openDatabase(url, { poolSize: 1 });
  try {
    await action(admin);
  } finally {
    await admin.close();
  }
}
