import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadConfig } from "../config/index.js";
import { createRepositories, openDatabase } from "../store/index.js";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { runCli } from "./main.js";

function cli(config: string) {
  return async (...args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli([...args, "--config", config], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => "",
      isTty: false,
    });
    return { code, stdout, stderr };
  };
}

it("creates, moves through the workflow, refuses a skipped step, reports and closes an incident", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-incident-"));
  const config = join(dir, "rampart.yaml");
  writeFileSync(config, "storage:\n  url: sqlite:./rampart.db\n");
  const run = cli(config);
  const created = await run(
    "incident",
    "create",
    "--title",
    "Key leaked in answer",
    "--playbook",
    "secret-leak",
    "--serious",
    "general",
    "--json",
  );
  expect(created.code).toBe(0);
  const id = (JSON.parse(created.stdout) as { id: string }).id;
  expect(id).toMatch(/^inc_/);
  const skipped = await run("incident", "update", id, "--status", "contained");
  expect(skipped.code).toBe(2);
  expect(skipped.stderr).toContain(`incident ${id} is open; it can move to triaged, not contained`);
  expect(
    (await run("incident", "update", id, "--status", "triaged", "--note", "rotating", "--asset", "asset_1"))
      .code,
  ).toBe(0);
  expect((await run("incident", "update", id, "--status", "resolved")).code).toBe(0);
  const listed = await run("incident", "list", "--status", "resolved");
  expect(listed.stdout).toContain(`${id}  resolved  critical secret-leak  Key leaked in answer  Art.73 due`);
  const report = await run("incident", "show", id, "--report", "md");
  expect(report.stdout).toContain("## Timeline");
  expect(report.stdout).toContain("| note | rotating |");
  expect(report.stdout).toContain("asset_1");
  expect((await run("incident", "close", id)).stdout).toContain("closed");
  const shown = await run("incident", "show", id);
  expect(shown.stdout).toContain("status      resolved -> closed");
  expect((await run("incident", "create", "--title", "x", "--severity", "huge")).stderr).toContain(
    "--severity must be",
  );
});

/** The management changes in the store's audit trail, oldest first. */
async function recordedChanges(configFile: string, keyId: string) {
  const loaded = loadConfig({ file: configFile });
  const store = await openDatabase(loaded.config.storage.url, { baseDir: loaded.baseDir });
  try {
    const repository = createAuditRepository(store.db);
    const changes: { node: string; actor: unknown; action: string; target: unknown; changes?: unknown }[] =
      [];
    for (const node of await repository.nodes()) {
      for (const event of await repository.events(node, 0, 1000)) {
        const envelope = JSON.parse(event.envelope) as {
          type: string;
          actor: unknown;
          payload: { action: string; target: unknown; changes?: unknown };
        };
        if (envelope.type === "management.change")
          changes.push({ node, actor: envelope.actor, ...envelope.payload });
      }
    }
    const key = await createRepositories(store).apiKeys.findById(keyId);
    return { changes, keyRevokedAt: key?.revokedAt };
  } finally {
    await store.close();
  }
}

it("records every incident change and containment made through the CLI in the audit trail, with its actor", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-incident-audit-"));
  const config = join(dir, "rampart.yaml");
  writeFileSync(
    config,
    "storage:\n  url: sqlite:./rampart.db\naudit:\n  sinks:\n    - { type: file, name: local, path: ./audit-events.jsonl }\n",
  );
  const run = cli(config);
  const key = JSON.parse(
    (await run("keys", "create", "--name", "campaign", "--app", "shop", "--json")).stdout,
  ) as { id: string };
  const created = await run(
    "incident",
    "create",
    "--title",
    "Injection campaign",
    "--playbook",
    "prompt-injection-campaign",
    "--actor",
    "alice",
    "--json",
  );
  expect(created.code).toBe(0);
  const id = (JSON.parse(created.stdout) as { id: string }).id;
  expect((await run("incident", "update", id, "--status", "triaged", "--actor", "alice")).code).toBe(0);

  // a role without containment:execute is refused before anything changes
  const refused = await run(
    "incident",
    "contain",
    "--incident",
    id,
    "--action",
    "revoke-key",
    "--target",
    key.id,
    "--role",
    "auditor",
  );
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("containment needs the containment:execute scope");

  const contained = await run(
    "incident",
    "contain",
    "--incident",
    id,
    "--action",
    "revoke-key",
    "--target",
    key.id,
    "--role",
    "security",
    "--actor",
    "bob",
  );
  expect(contained.code).toBe(0);
  expect(contained.stdout).toContain(`revoke-key ${key.id}`);
  const blocked = await run(
    "incident",
    "contain",
    "--action",
    "block-principal",
    "--target",
    "app:shop",
    "--actor",
    "bob",
    "--json",
  );
  const containmentId = (JSON.parse(blocked.stdout) as { id: string }).id;
  expect((await run("incident", "containments")).stdout).toContain(`block-principal app:shop`);
  expect((await run("incident", "lift", containmentId, "--actor", "bob")).stdout).toContain("lifted");
  const active = (await run("incident", "containments")).stdout;
  expect(active).not.toContain("block-principal");
  expect(active).toContain(`revoke-key ${key.id}  incident ${id}  by bob`);
  expect((await run("incident", "update", id, "--status", "contained")).code).toBe(0);
  expect((await run("incident", "update", id, "--status", "resolved")).code).toBe(0);
  expect((await run("incident", "close", id, "--note", "done", "--actor", "carol")).code).toBe(0);

  const { changes, keyRevokedAt } = await recordedChanges(config, key.id);
  expect(keyRevokedAt).toBeInstanceOf(Date);
  const user = userInfo().username;
  expect(changes.map((change) => [change.action, change.actor])).toEqual([
    ["key.create", { kind: "cli", id: user }],
    ["incident.create", { kind: "cli", id: "alice" }],
    ["incident.update", { kind: "cli", id: "alice" }],
    ["containment.revoke-key", { kind: "cli", id: "bob", role: "security" }],
    ["containment.block-principal", { kind: "cli", id: "bob", role: "admin" }],
    ["containment.lift", { kind: "cli", id: "bob", role: "admin" }],
    ["incident.update", { kind: "cli", id: user }],
    ["incident.update", { kind: "cli", id: user }],
    ["incident.update", { kind: "cli", id: "carol" }],
  ]);
  expect(changes[8]).toMatchObject({ target: { kind: "incident", id }, changes: { status: "closed" } });
  expect(changes[3]).toMatchObject({
    target: { kind: "key", id: key.id },
    changes: { incident: id, target: key.id },
  });
  expect(new Set(changes.map((change) => change.node)).size).toBe(1);
  expect(changes[0]?.node).toMatch(/-cli$/);

  // the timeline names the actors too, and the trail verifies and reached the file sink
  const shown = await run("incident", "show", id);
  expect(shown.stdout).toMatch(/containment revoke-key key_/);
  const verified = await run("audit", "verify");
  expect(verified.code).toBe(0);
  expect(verified.stdout).toContain("ok: 9 events");
  // the key, the eight changes and the verification, which is recorded too
  const sinkLines = readFileSync(join(dir, "audit-events.jsonl"), "utf8").trim().split("\n");
  expect(sinkLines).toHaveLength(10);
  expect(JSON.parse(sinkLines[9] ?? "{}")).toMatchObject({
    envelope: { type: "audit.verification", actor: { kind: "cli" }, payload: { ok: true, events: 9 } },
  });
});
