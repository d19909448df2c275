import BetterSqlite3 from "better-sqlite3";
import { type Generated, Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./sqlite-connection.js";

describe("withStatementCache", () => {
  let database: BetterSqlite3.Database;
  beforeEach(() => {
    database = new BetterSqlite3(":memory:");
    database.exec("create table items (id integer primary key, name text not null)");
    database.exec("insert into items (name) values ('a'), ('b'), ('c')");
  });
  afterEach(() => {
    if (database.open) database.close();
  });

  it("prepares a SQL text once and hands the same statement back", () => {
    const cached = withStatementCache(database);
    const first = cached.prepare("select name from items where id = ?");
    const second = cached.prepare("select name from items where id = ?");
    expect(second).toBe(first);
    expect(second.all([2])).toEqual([{ name: "b" }]);
    expect(cached.prepare("select name from items where id > ?")).not.toBe(first);
  });

  it("does not share a statement that is still iterating (a streamed select)", () => {
    const cached = withStatementCache(database);
    const text = "select name from items order by id";
    const streaming = cached.prepare(text);
    const rows = streaming.iterate([]);
    rows.next();
    const other = cached.prepare(text);
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ name: "a" }, { name: "b" }, { name: "c" }]);
    rows.return?.();
    expect(cached.prepare(text)).toBe(streaming);
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const cached = withStatementCache(database, 2);
    const one = cached.prepare("select 1");
    const two = cached.prepare("select 2");
    expect(cached.prepare("select 1")).toBe(one); // "select 2" is now the least recently used
    cached.prepare("select 3");
    expect(cached.prepare("select 1")).toBe(one);
    expect(cached.prepare("select 2")).not.toBe(two);
  });

  it("serves Kysely: reads, writes, transactions and a rollback with reused statements", async () => {
    const db = new Kysely<{ items: { id: Generated<number>; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    for (let round = 0; round < 3; round += 1) {
      await db
        .insertInto("items")
        .values({ name: `n${round}` })
        .execute();
    }
    await db
      .transaction()
      .execute(async (transaction) => {
        await transaction.insertInto("items").values({ name: "rolled back" }).execute();
        throw new Error("abort");
      })
      .catch(() => undefined);
    const names = await db.selectFrom("items").select("name").orderBy("id").execute();
    expect(names.map((row) => row.name)).toEqual(["a", "b", "c", "n0", "n1", "n2"]);
    expect(Number((await sql<{ n: number }>`select count(*) as n from items`.execute(db)).rows[0]?.n)).toBe(
      6,
    );
    await db.destroy();
    expect(database.open).toBe(false);
  });
});
