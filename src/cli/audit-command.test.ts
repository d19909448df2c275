import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SIGNING_KEY_FILE } from "../audit/index.js";
import { openDatabase } from "../store/index.js";
import { auditDatabase } from "../store/repositories/audit-tables.js";
import { runCliCaptured } from "./test-support/run-cli-captured.js";
import { seededAuditStore } from "./test-support/seeded-audit-store.js";

const run = runCliCaptured;

describe("rampart audit", () => {
  let folder: string;
  let configFile: string;
  let publicKey: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-audit-cli-"));
    ({ configFile, publicKey } = await seededAuditStore(folder, { events: 12 }));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("prints the public key, verifies the store, exports, and verifies the export offline", async () => {
    expect((await run(["audit", "public-key", "--config", configFile])).stdout).toBe(`${publicKey}\n`);
    const verified = await run(["audit", "verify", "--config", configFile]);
    expect(verified).toMatchObject({
      code: 0,
      stdout: "ok: 12 events, 3 checkpoints, 1 nodes, 0 contents\n",
    });

    // the verification itself was recorded, on the CLI's own node, signed and checkpointed
    const again = await run(["audit", "verify", "--config", configFile, "--no-record", "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, events: 13, nodes: 2, uncheckpointed: 0 });
    expect((await run(["audit", "verify", "--config", configFile, "--no-record"])).stdout).toContain(
      "ok: 13 events",
    );

    const exportFile = join(folder, "audit.jsonl");
    const exported = await run(["audit", "export", "--config", configFile, "--out", exportFile]);
    expect(exported).toMatchObject({ code: 0, stdout: `${exportFile}: 13 events, 4 checkpoints\n` });
    const recorded = (await readFile(exportFile, "utf8"))
      .split("\n")
      .filter((line) => line.includes('"audit.verification"'))
      .map((line) => JSON.parse(line) as { envelope: { actor: unknown; payload: unknown } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.envelope).toMatchObject({
      actor: { kind: "cli" },
      payload: { ok: true, events: 12, firstBreak: null },
    });
    const keyFile = join(folder, "audit.pub");
    await writeFile(keyFile, `${publicKey}\n`);
    for (const key of [publicKey, keyFile]) {
      const offline = await run(["audit", "verify", "--file", exportFile, "--public-key", key]);
      expect(offline).toMatchObject({ code: 0, stdout: "ok: 13 events, 4 checkpoints, 2 nodes\n" });
    }

    const lines = (await readFile(exportFile, "utf8")).split("\n");
    await writeFile(exportFile, [...lines.slice(0, 3), ...lines.slice(4)].join("\n"));
    const broken = await run(["audit", "verify", "--file", exportFile, "--public-key", publicKey]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN at line \d+: /);
  });

  it("exits 1 and names the first broken event of the store, or a wrong key", async () => {
    const store = await openDatabase("sqlite:./rampart.db", { baseDir: folder });
    const db = auditDatabase(store.db);
    const row = await db
      .selectFrom("audit_events")
      .select("envelope")
      .where("seq", "=", 7)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("audit_events")
      .set({ envelope: row.envelope.replace('"model":"llama-3-8b"', '"model":"gpt-x"') })
      .where("seq", "=", 7)
      .execute();
    await store.close();
    const result = await run(["audit", "verify", "--config", configFile]);
    expect(result).toMatchObject({
      code: 1,
      stdout: "BROKEN: node node-a, event 7: its hash does not match its content (modified)\n",
    });

    const other = generateKeyPairSync("ed25519")
      .publicKey.export({ type: "spki", format: "der" })
      .toString("base64");
    const wrongKey = await run(["audit", "verify", "--config", configFile, "--public-key", other]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toContain("signed by key");
  });

  it("verifies with the public key alone, and then says the verification was not recorded", async () => {
    // an auditor's copy: the database and the published key, no signing key
    await rename(join(folder, DEFAULT_SIGNING_KEY_FILE), join(folder, "elsewhere.pem"));
    const result = await run(["audit", "verify", "--config", configFile, "--public-key", publicKey]);
    expect(result).toMatchObject({ code: 0, stdout: "ok: 12 events, 3 checkpoints, 1 nodes, 0 contents\n" });
    expect(result.stderr).toContain(
      "the verification was not recorded in the audit trail: no audit signing key",
    );
    const again = await run([
      "audit",
      "verify",
      "--config",
      configFile,
      "--public-key",
      publicKey,
      "--no-record",
    ]);
    expect(again).toMatchObject({
      code: 0,
      stderr: "",
      stdout: "ok: 12 events, 3 checkpoints, 1 nodes, 0 contents\n",
    });
  });

  it("refuses --file without --public-key (exit 2)", async () => {
    expect((await run(["audit", "verify", "--file", "x.jsonl"])).code).toBe(2);
  });
});
