import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./test-support/run-cli-captured.js";

const run = runCliCaptured;

describe("rampart keys", () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-keys-"));
  const config = join(dir, "rampart.yaml");
  writeFileSync(config, "storage:\n  url: sqlite:./rampart.db\n");

  it("creates a key shown once, lists it without the secret, and revokes it", async () => {
    const created = await run([
      "keys",
      "create",
      "--name",
      "billing",
      "--app",
      "billing",
      "--models",
      "llama-*",
      "--json",
      "--config",
      config,
    ]);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as {
      id: string;
      key: string;
      role: string;
      models: string[];
      status: string;
    };
    expect(key.key).toMatch(/^rk_[A-Za-z0-9_-]{43}$/);
    expect(key.role).toBe("app");
    expect(key.models).toEqual(["llama-*"]);
    const listed = await run(["keys", "list", "--json", "--config", config]);
    expect(listed.stdout).toContain(key.id);
    expect(listed.stdout).not.toContain(key.key);
    expect((await run(["keys", "revoke", key.id, "--config", config])).stdout).toContain(`revoked ${key.id}`);
    expect((await run(["keys", "revoke", key.id, "--config", config])).stdout).toContain("already revoked");
    expect((await run(["keys", "list", "--json", "--config", config])).stdout).not.toContain(key.id);
    expect((await run(["keys", "list", "--all", "--json", "--config", config])).stdout).toContain(
      '"status":"revoked"',
    );
  });

  it("answers usage errors with exit 2 and one line", async () => {
    const badRole = await run([
      "keys",
      "create",
      "--name",
      "x",
      "--admin",
      "--role",
      "app",
      "--config",
      config,
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr.trim().split("\n")).toHaveLength(1);
    expect(
      (await run(["keys", "create", "--name", "x", "--expires", "yesterday", "--config", config])).code,
    ).toBe(2);
    expect(
      (await run(["keys", "create", "--name", "x", "--clearance", "top-secret", "--config", config])).code,
    ).toBe(2);
    expect((await run(["keys", "revoke", "key_missing", "--config", config])).code).toBe(2);
  });
});
