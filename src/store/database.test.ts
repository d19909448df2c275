import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isRampartError, type RampartError } from "../core/index.js";
import { openDatabase } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-connection.js";

/** A port on 127.0.0.1 that nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function openError(url: string, baseDir?: string): Promise<RampartError> {
  const error: unknown = await openDatabase(url, { baseDir }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isRampartError(error)) throw new Error(`expected a RampartError, got ${String(error)}`);
  return error;
}

describe("openDatabase on SQLite", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-db-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("opens a file relative to the base folder with WAL, a busy timeout and foreign keys on", async () => {
    const store = await openDatabase("sqlite:./rampart.db", { baseDir: folder });
    try {
      expect(store.dialect).toBe("sqlite");
      expect(store.location).toBe(join(folder, "rampart.db"));
      const pragma = async (name: string) =>
        (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db)).rows[0];
      expect(await pragma("journal_mode")).toEqual({ journal_mode: "wal" });
      expect(await pragma("foreign_keys")).toEqual({ foreign_keys: 1 });
      expect(await pragma("busy_timeout")).toEqual({ timeout: SQLITE_BUSY_TIMEOUT_MS });
      await store.ping();
    } finally {
      await store.close();
      await store.close();
    }
  });

  it("keeps data across reopening the file", async () => {
    const first = await openDatabase("sqlite:kept.db", { baseDir: folder });
    await migrateToLatest(first);
    await first.db.insertInto("settings").values({ key: "k", value: "1", updated_at: "x" }).execute();
    await first.close();
    const second = await openDatabase("sqlite:kept.db", { baseDir: folder });
    expect(await second.db.selectFrom("settings").select("key").execute()).toEqual([{ key: "k" }]);
    await second.close();
  });

  it("opens an in-memory database", async () => {
    const store = await openDatabase("sqlite::memory:");
    expect(store.location).toBe("sqlite (in memory)");
    expect(await migrateToLatest(store)).toHaveLength(Object.keys(migrations).length);
    await store.close();
  });

  it("names the file when it cannot be opened", async () => {
    const error = await openError("sqlite:missing-folder/rampart.db", folder);
    expect(error.code).toBe("storage_unreachable");
    expect(error.message).toContain(join(folder, "missing-folder/rampart.db"));
  });

  it("names the file when it is not a SQLite database", async () => {
    await writeFile(join(folder, "notes.db"), "these are notes, not a database\n".repeat(100));
    const error = await openError("sqlite:notes.db", folder);
    expect(error.code).toBe("storage_unreachable");
    expect(error.message).toContain(join(folder, "notes.db"));
  });

  it("reports a closed store as unreachable on ping", async () => {
    const store = await openDatabase("sqlite::memory:");
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({ code: "storage_unreachable" });
  });
});

describe("openDatabase on an unreachable PostgreSQL", () => {
  it("throws storage_unreachable naming host and port, never the password", async () => {
    const port = await closedPort();
    const error = await openError(`postgres://rampart:Sup3rSecretPw@127.0.0.1:${port}/rampart`);
    expect(error.code).toBe("storage_unreachable");
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain("Sup3rSecretPw");
    expect(JSON.stringify(error.details)).not.toContain("Sup3rSecretPw");
  });

  it("gives up on a server that accepts connections and never answers", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = address !== null && typeof address === "object" ? address.port : 0;
    try {
      const error: unknown = await openDatabase(`postgres://rampart:pw@127.0.0.1:${port}/x`, {
        connectTimeoutMs: 300,
      }).catch((caught: unknown) => caught);
      expect(isRampartError(error) && error.code).toBe("storage_unreachable");
      expect(String(error)).toContain(`127.0.0.1:${port}`);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("rejects a schema name that would need quoting", async () => {
    await expect(openDatabase("postgres://127.0.0.1/x", { schema: 'x"; drop' })).rejects.toMatchObject({
      code: "config_invalid",
    });
  });
});
