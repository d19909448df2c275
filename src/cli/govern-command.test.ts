import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadGovernanceFolder } from "../govern/as-code/governance-folder.js";
import { readGovernanceSnapshot } from "../govern/compliance/sources/governance-snapshot-schema.js";
import { aiidIncidentsOf } from "../govern/records/runtime-records.js";
import { openDatabase } from "../store/index.js";
import { createGovernanceRecordRepository } from "../store/repositories/govern-record-repository.js";
import { runCli } from "./main.js";
import { trailChanges, trailEvents } from "./test-support/audit-events.js";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(args, {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readStdin: async () => "",
    isTty: false,
  });
  return { code, out, err };
}

describe("rampart init and govern", () => {
  it("scaffolds a starter that applies cleanly, idempotently, and exports without loss", async () => {
    const root = mkdtempSync(join(tmpdir(), "rampart-init-"));
    folders.push(root);
    expect((await cli(["init", root])).code).toBe(0);
    const config = join(root, "rampart.yaml");
    const governance = join(root, "governance");
    const dry = await cli(["govern", "apply", governance, "--dry-run", "--config", config]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("+ model llama-3-70b");
    expect(dry.out).toContain("dry run");
    const first = await cli(["govern", "apply", governance, "--config", config]);
    expect(first.out).toContain("+ raci risk-assessment");
    expect((await cli(["govern", "apply", governance, "--config", config])).out).toBe("no changes\n");
    const exported = join(root, "exported");
    expect((await cli(["govern", "export", exported, "--config", config])).code).toBe(0);
    const before = loadGovernanceFolder(governance);
    const after = loadGovernanceFolder(exported);
    expect(after.ok && before.ok && after.governance).toEqual(before.ok && before.governance);
    const raci = await cli(["govern", "raci", "--format", "csv", "--config", config]);
    expect(raci.out.split("\r\n")[1]).toBe("risk-assessment,A,,C,I,R,,");
    const compiled = await cli(["govern", "compile-policy", governance, "--config", config]);
    expect(compiled.out).toContain("role: contractor");
    // the running policy has no acceptable-use rules yet: every compiled rule shows as added
    expect(compiled.out).toContain("- []");
    expect(compiled.out).toMatch(/\+ {2,}decision: prohibited/);
    const snapshotFile = join(root, "records.json");
    expect((await cli(["govern", "snapshot", "--out", snapshotFile, "--config", config])).code).toBe(0);
    const snapshot = readGovernanceSnapshot(snapshotFile);
    expect(snapshot.raci).toHaveLength(9);
    expect(snapshot.assets.map((asset) => asset.id)).toEqual([
      "llama-3-70b",
      "hosted-gpt",
      "internal-docs",
      "assistant",
    ]);
    // a broken chart is refused with its file and path, and nothing is written
    writeFileSync(join(governance, "raci.yaml"), "audits: {ciso: A, ml-lead: A}\n");
    const refused = await cli(["govern", "apply", governance, "--config", config]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("raci.yaml: audits: has 2 accountable roles");
    expect(readFileSync(join(exported, "raci.yaml"), "utf8")).toContain("risk-assessment");
  });

  it("govern check runs audit plans' automated checks now, stores the run and its findings, exits 1 on a failure", async () => {
    const root = mkdtempSync(join(tmpdir(), "rampart-check-"));
    folders.push(root);
    expect((await cli(["init", root])).code).toBe(0);
    const config = join(root, "rampart.yaml");
    const governance = join(root, "governance");
    expect((await cli(["govern", "apply", governance, "--config", config])).code).toBe(0);

    const check = await cli(["govern", "check", "--config", config]);
    expect(check.code).toBe(1);
    expect(check.out).toContain("quarterly-ai-review");
    expect(check.out).toMatch(
      /FAIL policy-drift\n\s+acceptable use staff \/ llama-3-70b \/ confidential: allowed/,
    );
    expect(check.out).toMatch(/FAIL redteam-freshness\n\s+model llama-3-70b: never red-teamed/);
    // the apply above was recorded, so the trail has a chain and a signing key to check it with
    expect(check.out).toContain("ok   audit-chain");
    expect(check.out).toContain("ok   model-ownership");
    expect(check.out).toContain("auto-policy-drift (high");

    // the merged policy removes the drift; the run and the closed finding are stored
    const policyFile = join(root, "policy.yaml");
    expect(
      (await cli(["govern", "compile-policy", governance, "--config", config, "--out", policyFile])).code,
    ).toBe(0);
    // writing a policy file is recorded, as the dashboard's apply is
    const written = (await trailChanges(config)).filter(
      (change) => change.action === "policy.acceptable-use.apply",
    );
    expect(written).toHaveLength(1);
    expect(written[0]?.target).toEqual({ kind: "policy", id: policyFile });
    expect(written[0]?.node).toMatch(/-cli$/);
    writeFileSync(config, `${readFileSync(config, "utf8")}policy: ./policy.yaml\n`);
    const json = await cli([
      "govern",
      "check",
      "--audit",
      "quarterly-ai-review",
      "--json",
      "--config",
      config,
    ]);
    const [outcome] = JSON.parse(json.out);
    expect(outcome.run.trigger).toBe("manual");
    expect(outcome.run.actor).toMatch(/^cli:/);
    expect(outcome.run.results.find((r: { check: string }) => r.check === "policy-drift").passed).toBe(true);
    expect(outcome.findings.find((f: { check: string }) => f.check === "policy-drift").status).toBe("closed");

    const unknown = await cli(["govern", "check", "--audit", "nope", "--config", config]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no audit plan with id nope");
  });

  it("govern import-aiid stores an AIID snapshot's incidents and lists those involving the inventory", async () => {
    const root = mkdtempSync(join(tmpdir(), "rampart-aiid-"));
    folders.push(root);
    expect((await cli(["init", root])).code).toBe(0);
    const config = join(root, "rampart.yaml");
    expect((await cli(["govern", "apply", join(root, "governance"), "--config", config])).code).toBe(0);
    const fixture = new URL("../govern/aiid/fixtures/incidents.csv", import.meta.url).pathname;

    const dry = await cli(["govern", "import-aiid", fixture, "--dry-run", "--json", "--config", config]);
    expect(JSON.parse(dry.out)).toMatchObject({ imported: 0, read: 2 });
    const imported = await cli(["govern", "import-aiid", fixture, "--config", config]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("imported 2 AIID incidents");
    expect(imported.out).toContain("AIID 2 (2025-07-19) Injected document leaks notes");
    expect(imported.out).toContain(
      "vendor hosted-api-vendor, model hosted-gpt; https://incidentdatabase.ai/cite/2",
    );
    expect(imported.out).not.toContain("AIID 1 ");

    const store = await openDatabase(`sqlite:${join(root, "rampart.db")}`);
    try {
      const stored = aiidIncidentsOf(await createGovernanceRecordRepository(store.db).list());
      expect(stored.map((incident) => incident.incidentId)).toEqual([1, 2]);
    } finally {
      await store.close();
    }
    // the folder's records are untouched by the import: applying it again changes nothing
    expect((await cli(["govern", "apply", join(root, "governance"), "--config", config])).out).toBe(
      "no changes\n",
    );

    const broken = join(root, "broken.csv");
    writeFileSync(broken, "id,title\n1,x\n");
    const refused = await cli(["govern", "import-aiid", broken, "--config", config]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('column "incident_id" is missing');
  });

  it("records govern apply, check and import-aiid in the audit trail with the actor; dry runs record nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "rampart-govern-audit-"));
    folders.push(root);
    expect((await cli(["init", root])).code).toBe(0);
    const config = join(root, "rampart.yaml");
    const governance = join(root, "governance");
    const fixture = new URL("../govern/aiid/fixtures/incidents.csv", import.meta.url).pathname;

    // dry runs change nothing and record nothing (not even a signing key is created)
    expect((await cli(["govern", "apply", governance, "--dry-run", "--config", config])).code).toBe(0);
    expect((await cli(["govern", "import-aiid", fixture, "--dry-run", "--config", config])).code).toBe(0);
    expect(await trailEvents(config)).toEqual([]);
    expect(existsSync(join(root, "rampart-audit-signing-key.pem"))).toBe(false);

    const applied = await cli(["govern", "apply", governance, "--actor", "ciso", "--config", config]);
    expect(applied.code).toBe(0);
    const added = applied.out.trim().split("\n");
    expect(existsSync(join(root, "rampart-audit-signing-key.pem"))).toBe(true);
    // a second apply changes nothing and records nothing
    expect((await cli(["govern", "apply", governance, "--actor", "ciso", "--config", config])).out).toBe(
      "no changes\n",
    );
    expect((await cli(["govern", "check", "--actor", "auditor-1", "--config", config])).code).toBe(1);
    expect((await cli(["govern", "import-aiid", fixture, "--config", config])).code).toBe(0);

    const changes = await trailChanges(config);
    expect(changes.map((change) => [change.action, change.actor, change.target])).toEqual([
      ["governance.apply", { kind: "cli", id: "ciso" }, { kind: "governance", id: "register" }],
      [
        "governance.audit.run",
        { kind: "cli", id: "auditor-1" },
        { kind: "audit", id: "quarterly-ai-review" },
      ],
      [
        "governance.aiid.import",
        { kind: "cli", id: userInfo().username },
        { kind: "aiid-incidents", id: "import" },
      ],
    ]);
    // the same shape as the management API: "+ kind id" becomes "add kind id"
    const records = (changes[0]?.changes as { records?: string[] } | undefined)?.records;
    expect(records).toHaveLength(added.length);
    expect(records).toContain("add model llama-3-70b");
    expect(added).toContain("+ model llama-3-70b");
    expect(changes[1]?.changes).toMatchObject({
      trigger: "manual",
      opened: expect.arrayContaining(["policy-drift"]),
    });
    expect(changes[2]?.changes).toEqual({ imported: 2 });
    expect(new Set(changes.map((change) => change.node)).size).toBe(1);

    const verified = await cli(["audit", "verify", "--config", config]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain("ok: 3 events");
  });
});
