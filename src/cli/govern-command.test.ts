import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadGovernanceFolder } from "../govern/as-code/governance-folder.js";
import { readGovernanceSnapshot } from "../govern/compliance/sources/governance-snapshot-schema.js";
import { runCli } from "./main.js";

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
});
