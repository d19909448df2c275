import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { trailChanges, trailEvents } from "./test-support/audit-events.js";
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

  it("records key.create and key.revoke in the audit trail with the actor, as the management API does", async () => {
    const folder = mkdtempSync(join(tmpdir(), "rampart-keys-audit-"));
    const file = join(folder, "rampart.yaml");
    writeFileSync(file, "storage:\n  url: sqlite:./rampart.db\n");
    const created = await run([
      "keys",
      "create",
      "--name",
      "ops console",
      "--admin",
      "--role",
      "security",
      "--actor",
      "alice",
      "--json",
      "--config",
      file,
    ]);
    expect(created.code).toBe(0);
    const { id, key } = JSON.parse(created.stdout) as { id: string; key: string };
    const gateway = JSON.parse(
      (
        await run([
          "keys",
          "create",
          "--name",
          "shop",
          "--app",
          "shop",
          "--team",
          "web",
          "--models",
          "gpt-*",
          "--json",
          "--config",
          file,
        ])
      ).stdout,
    ) as { id: string };
    expect((await run(["keys", "revoke", gateway.id, "--actor", "bob", "--config", file])).code).toBe(0);
    // revoking it again changes nothing, so nothing is recorded; the listing is a read
    expect((await run(["keys", "revoke", gateway.id, "--actor", "bob", "--config", file])).code).toBe(0);
    expect((await run(["keys", "list", "--all", "--config", file])).code).toBe(0);
    // an unknown id is refused before anything is recorded
    expect((await run(["keys", "revoke", "key_missing", "--config", file])).code).toBe(2);

    const changes = await trailChanges(file);
    expect(changes.map(({ node: _node, ...change }) => change)).toEqual([
      {
        actor: { kind: "cli", id: "alice" },
        action: "key.create",
        target: { kind: "api-key", id },
        changes: { kind: "admin", role: "security", app: null, team: null, models: [] },
      },
      {
        actor: { kind: "cli", id: userInfo().username },
        action: "key.create",
        target: { kind: "api-key", id: gateway.id },
        changes: { kind: "gateway", role: "app", app: "shop", team: "web", models: ["gpt-*"] },
      },
      {
        actor: { kind: "cli", id: "bob" },
        action: "key.revoke",
        target: { kind: "api-key", id: gateway.id },
      },
    ]);
    expect(changes.every((change) => change.node.endsWith("-cli"))).toBe(true);
    // the key itself never reaches the trail
    expect(JSON.stringify(await trailEvents(file))).not.toContain(key);

    const verified = await run(["audit", "verify", "--config", file]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("ok: 3 events");
  });
});
