import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TEST_POSTGRES_URL_VARIABLE, testDatabases } from "./test-databases.js";

describe("testDatabases", () => {
  it("skips PostgreSQL with a written reason when the variable is unset", () => {
    const [sqlite, postgres] = testDatabases({});
    expect(sqlite?.skipReason).toBeUndefined();
    expect(postgres?.skipReason).toBe(`${TEST_POSTGRES_URL_VARIABLE} is not set`);
  });

  it("does not skip an unreachable PostgreSQL: opening it fails with storage_unreachable", async () => {
    const postgres = testDatabases({
      [TEST_POSTGRES_URL_VARIABLE]: "postgres://postgres:pw@127.0.0.1:1/test",
    })[1];
    expect(postgres?.skipReason).toBeUndefined();
    await expect(postgres?.open()).rejects.toMatchObject({ code: "storage_unreachable" });
  });

  it("gives every SQLite store its own file, removed on dispose", async () => {
    const sqlite = testDatabases({})[0];
    const first = await sqlite?.open();
    const second = await sqlite?.open();
    expect(first?.store.location).not.toBe(second?.store.location);
    expect(existsSync(first?.store.location ?? "")).toBe(true);
    await first?.dispose();
    await second?.dispose();
    expect(existsSync(first?.store.location ?? "")).toBe(false);
  });
});
