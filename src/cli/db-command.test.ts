import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../store/migrations/index.js";
import { TEST_POSTGRES_URL_VARIABLE, testDatabases } from "../store/test-support/test-databases.js";
import { runCliCaptured } from "./test-support/run-cli-captured.js";

const migrationNames = Object.keys(migrations);

const run = runCliCaptured;

describe("rampart db", () => {
  let folder: string;
  let configFile: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-db-cli-"));
    configFile = join(folder, "rampart.yaml");
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("status on a new SQLite file lists every migration as pending without creating the file", async () => {
    await writeFile(configFile, "storage:\n  url: sqlite:./data/rampart.db\n");
    const result = await run(["db", "status", "--config", configFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("dialect:    sqlite");
    expect(result.stdout).toContain(join(folder, "data/rampart.db"));
    expect(result.stdout).toContain(`0 applied, ${migrationNames.length} pending`);
    expect(existsSync(join(folder, "data"))).toBe(false);
  });

  it("migrate applies each migration once, resolving the path against the config's folder", async () => {
    await writeFile(configFile, "storage:\n  url: sqlite:rampart.db\n");
    const first = await run(["db", "migrate", "--config", configFile]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    for (const name of migrationNames) expect(first.stdout).toContain(`applied ${name}`);
    expect(existsSync(join(folder, "rampart.db"))).toBe(true);

    const second = await run(["db", "migrate", "-c", configFile]);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("applied 0");
    expect(second.stdout).toContain("up to date");

    const status = await run(["db", "status", "--config", configFile]);
    expect(status.stdout).toContain(`${migrationNames.length} applied, 0 pending`);
    expect(status.stdout).toMatch(/applied {2}0001-api-keys {2}\d{4}-\d\d-\d\dT/);
  });

  it("an unreachable PostgreSQL is one line naming the host, without the password, exit 2", async () => {
    await writeFile(configFile, "storage:\n  url: postgres://rampart:TopSecret99@127.0.0.1:1/rampart\n");
    const result = await run(["db", "status", "--config", configFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rampart: cannot reach PostgreSQL at 127\.0\.0\.1:1 .*\n$/);
    expect(result.stderr).not.toContain("TopSecret99");
    expect(result.stdout).toBe("");
  });

  it("a missing configuration file is exit 2", async () => {
    const result = await run(["db", "migrate", "--config", join(folder, "absent.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("absent.yaml does not exist");
  });

  const postgres = testDatabases().find((database) => database.name === "postgres");
  it.skipIf(postgres?.skipReason !== undefined)(
    `migrate and status on PostgreSQL mask the password (${postgres?.skipReason ?? TEST_POSTGRES_URL_VARIABLE})`,
    async () => {
      const opened = await postgres?.open({ migrate: false });
      if (opened === undefined) throw new Error("no PostgreSQL");
      try {
        // the CLI reads only storage.url, so the test schema goes in through the connection options
        const base = new URL(process.env[TEST_POSTGRES_URL_VARIABLE] ?? "");
        base.password = "not-used-by-trust-auth";
        base.searchParams.set("options", `-c search_path=${opened.store.schema}`);
        await writeFile(configFile, `storage:\n  url: "${base.toString()}"\n`);
        const migrate = await run(["db", "migrate", "--config", configFile]);
        expect(migrate.stderr).toBe("");
        expect(migrate.stdout).toContain(`applied ${migrationNames[0]}`);
        const status = await run(["db", "status", "--config", configFile]);
        expect(status.stdout).toContain("dialect:    postgres");
        expect(status.stdout).toContain(":********@");
        expect(status.stdout).not.toContain("not-used-by-trust-auth");
        expect(status.stdout).toContain(`${migrationNames.length} applied, 0 pending`);
      } finally {
        await opened.dispose();
      }
    },
  );
});
