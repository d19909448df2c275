import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { z } from "zod";
import { isRampartError } from "../core/index.js";
import { migrateToLatest, migrationStatus } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { describeEachDatabase, type TestStore } from "./test-support/test-databases.js";

const allMigrations = Object.keys(migrations);

const migrateScript = fileURLToPath(new URL("./test-support/migrate-process.ts", import.meta.url));

/** A child process with its own SQLite connection or PostgreSQL pool, ready to migrate on a signal. */
async function startMigrator(location: TestStore["location"]) {
  const args = ["--import", "tsx", migrateScript, location.url, location.baseDir];
  if (location.schema !== undefined) args.push(location.schema);
  const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = once(child, "exit");
  const first = await lines.next();
  if (first.value !== "ready") throw new Error(`migrator did not start: ${String(first.value)}`);
  return {
    go: () => child.stdin.write("go\n"),
    async applied(): Promise<string[]> {
      const line = await lines.next();
      await exited;
      return z.array(z.string()).parse(JSON.parse(String(line.value)));
    },
  };
}

describeEachDatabase("migrations", (database) => {
  async function withStore(action: (opened: TestStore) => Promise<void>): Promise<void> {
    const opened = await database.open({ migrate: false });
    try {
      await action(opened);
    } finally {
      await opened.dispose();
    }
  }

  it("are listed in name order with four-digit numbers", () => {
    expect(allMigrations).toEqual([...allMigrations].sort());
    for (const name of allMigrations) expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/);
  });

  it("run once: the second run applies nothing and the tables answer", async () => {
    await withStore(async ({ store }) => {
      expect((await migrationStatus(store)).every((state) => state.executedAt === undefined)).toBe(true);
      expect(await migrateToLatest(store)).toEqual(allMigrations);
      expect(await migrateToLatest(store)).toEqual([]);
      const status = await migrationStatus(store);
      expect(status.map((state) => state.name)).toEqual(allMigrations);
      expect(status.every((state) => state.executedAt instanceof Date)).toBe(true);
      expect(await store.db.selectFrom("api_keys").selectAll().execute()).toEqual([]);
      expect(await store.db.selectFrom("settings").selectAll().execute()).toEqual([]);
    });
  });

  it("keep each test store apart: tables made in one are not seen by another", async () => {
    await withStore(async (first) => {
      await migrateToLatest(first.store);
      await first.store.db
        .insertInto("settings")
        .values({ key: "probe", value: "1", updated_at: "2026-01-01T00:00:00.000Z" })
        .execute();
      await withStore(async (second) => {
        expect((await migrationStatus(second.store)).some((state) => state.executedAt)).toBe(false);
        await migrateToLatest(second.store);
        expect(await second.store.db.selectFrom("settings").selectAll().execute()).toEqual([]);
      });
    });
  });

  it("run once when two processes migrate the same database at the same time", async () => {
    await withStore(async ({ store, location }) => {
      const migrators = await Promise.all([startMigrator(location), startMigrator(location)]);
      for (const migrator of migrators) migrator.go();
      const runs = await Promise.all(migrators.map((migrator) => migrator.applied()));
      expect(runs.flat().sort()).toEqual(allMigrations);
      expect((await migrationStatus(store)).every((state) => state.executedAt instanceof Date)).toBe(true);
    });
  });

  it("roll the whole run back when one migration fails", async () => {
    await withStore(async ({ store }) => {
      const failing = {
        "0001-first": {
          up: (db: Kysely<unknown>) => db.schema.createTable("first").addColumn("id", "text").execute(),
        },
        "0002-broken": {
          up: async (db: Kysely<unknown>) => {
            await db.schema.createTable("second").addColumn("id", "text").execute();
            throw new Error("broken on purpose");
          },
        },
      };
      const error: unknown = await migrateToLatest(store, failing).catch((caught: unknown) => caught);
      expect(isRampartError(error) && error.code).toBe("storage_error");
      expect(String(error)).toContain("0002-broken");
      const tables = (await store.db.introspection.getTables()).map((table) => table.name);
      expect(tables).not.toContain("first");
      expect(tables).not.toContain("second");
      expect(await migrateToLatest(store)).toEqual(allMigrations);
    });
  });
});
