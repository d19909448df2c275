import { expect, it } from "vitest";
import { migrateToLatest, migrationStatus } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { describeEachDatabase, type TestStore } from "./test-support/test-databases.js";

const allMigrations = Object.keys(migrations);

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
});
