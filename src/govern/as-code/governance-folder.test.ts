import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { fromRecords, toRecords } from "../records/governance-records.js";
import { governanceSchema } from "../records/governance-schema.js";
import { loadGovernanceFolder, writeGovernanceFolder } from "./governance-folder.js";
import { starterGovernance } from "./starter-governance.js";
import { governanceArbitrary } from "./test-support/governance-arbitrary.js";

const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "rampart-governance-"));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("governance folder", () => {
  it("the starter folder loads cleanly", () => {
    const dir = tempFolder();
    writeGovernanceFolder(dir, starterGovernance("2026-11-01"));
    const result = loadGovernanceFolder(dir);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.governance.assets.models.map((m) => m.deployment)).toEqual([
      "on-premises",
      "saas",
    ]);
  });

  it("writes then reads back any valid folder without loss (property)", () => {
    fc.assert(
      fc.property(governanceArbitrary, (governance) => {
        expect(governanceSchema.safeParse(governance).success).toBe(true);
        const dir = tempFolder();
        writeGovernanceFolder(dir, governance);
        const result = loadGovernanceFolder(dir);
        expect(result.ok ? result.governance : result.issues).toEqual(governance);
        rmSync(dir, { recursive: true, force: true });
        expect(governanceSchema.parse(fromRecords(toRecords(governance)))).toEqual(governance);
      }),
      { numRuns: 60 },
    );
  });

  it("reports every error with its file and path", () => {
    const dir = tempFolder();
    writeGovernanceFolder(dir, starterGovernance("2026-11-01"));
    writeFileSync(join(dir, "raci.yaml"), "risk-assessment: {ciso: A, dpo: A, legal: I}\n");
    const risks = readFileSync(join(dir, "risks.yaml"), "utf8").replace("likelihood: 4", "likelihood: 7");
    writeFileSync(join(dir, "risks.yaml"), risks);
    const result = loadGovernanceFolder(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({ file: "risks.yaml", path: "0.likelihood" }),
    );
    // schema errors come first; once fixed, the RACI rule speaks
    writeFileSync(join(dir, "risks.yaml"), risks.replace("likelihood: 7", "likelihood: 4"));
    const again = loadGovernanceFolder(dir);
    expect(again.ok ? [] : again.issues).toEqual([
      {
        file: "raci.yaml",
        path: "risk-assessment",
        message: "has 2 accountable roles (A); it needs exactly one",
      },
      { file: "raci.yaml", path: "risk-assessment", message: "has no responsible role (R)" },
    ]);
  });

  it("refuses a system prompt whose hash does not match its text and an unknown data class", () => {
    const dir = tempFolder();
    const starter = starterGovernance("2026-11-01");
    const prompt = starter.assets.systemPrompts[0];
    if (prompt === undefined) throw new Error("starter has a prompt");
    writeGovernanceFolder(dir, {
      ...starter,
      assets: { ...starter.assets, systemPrompts: [{ ...prompt, text: `${prompt.text}changed` }] },
      acceptableUse: [{ role: "staff", target: "x", dataClass: "secret-stuff", decision: "allowed" }],
    });
    const result = loadGovernanceFolder(dir);
    expect(result.ok ? [] : result.issues.map((issue) => `${issue.file}: ${issue.path}`)).toEqual([
      "assets.yaml: systemPrompts.0.sha256",
      "acceptable-use.yaml: 0.dataClass",
    ]);
  });
});
