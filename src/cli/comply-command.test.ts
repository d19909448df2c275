import { generateKeyPairSync } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { complianceReportSchema } from "../govern/compliance/report-schema.js";
import { formatRunReport } from "../redteam/report/read-run-report.js";
import { sampleRunReport } from "../redteam/report/test-support/sample-run-report.js";
import { createRedteamRunRepository } from "../store/repositories/redteam-run-repository.js";
import { trailEvents } from "./test-support/audit-events.js";
import { runCliCaptured } from "./test-support/run-cli-captured.js";
import { seededAuditStore } from "./test-support/seeded-audit-store.js";

const run = runCliCaptured;

describe("rampart comply", () => {
  let folder: string;
  let configFile: string;
  let publicKey: string;
  let runs: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-comply-cli-"));
    ({ configFile, publicKey } = await seededAuditStore(folder, {
      events: 10,
      at: new Date().toISOString(),
      also: async (store) => {
        const sample = sampleRunReport();
        await createRedteamRunRepository(store.db).save({
          id: "run_stored",
          target: sample.run.target,
          model: sample.run.model,
          seed: 7,
          startedAt: new Date(Date.now() - 3_600_000),
          finishedAt: new Date(),
          cases: sample.summary.cases,
          successes: sample.summary.successes,
          asr: sample.summary.asr,
          overRefusalRate: sample.summary.overRefusalRate,
          summary: { ...sample.summary },
        });
      },
    }));
    runs = join(folder, "runs");
    mkdirSync(join(runs, "run-1"), { recursive: true });
    writeFileSync(join(runs, "run-1", "report.json"), formatRunReport(sampleRunReport()));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("reports with gateway statistics and a verified audit chain as evidence", async () => {
    const result = await run(["comply", "report", "--framework", "iso-42001", "--config", configFile]);
    expect(result.code).toBe(0);
    const report = complianceReportSchema.parse(JSON.parse(result.stdout));
    const logs = report.requirements.find((item) => item.id === "A.6.2.8");
    const gateway = logs?.evidence.find((item) => item.source === "gateway");
    expect(gateway?.outcome).toBe("pass");
    expect(gateway?.summary).toMatch(/^10 decisions in 30 days: 2 blocked/);
    expect(logs?.evidence.find((item) => item.source === "audit-chain")?.outcome).toBe("pass");
  });

  it("shows a red-team run saved in the store on LLM01 and LLM07", async () => {
    const result = await run(["comply", "report", "--framework", "owasp-llm-2025", "--config", configFile]);
    const report = complianceReportSchema.parse(JSON.parse(result.stdout));
    for (const id of ["LLM01", "LLM07"]) {
      const evidence = report.requirements.find((item) => item.id === id)?.evidence ?? [];
      expect(
        evidence.some((item) => item.reference === "store:redteam_runs/run_stored"),
        id,
      ).toBe(true);
    }
  });

  it("reads governance records from a snapshot file: record checks, attestations, and records in the pack", async () => {
    const records = join(folder, "records.yaml");
    writeFileSync(
      records,
      [
        "raci:",
        "  - { activity: risk-assessment, assignments: { ciso: A, ml-lead: R } }",
        "  - { activity: incident-response, assignments: { ciso: C } }",
        "attestations:",
        "  - { framework: eu-ai-act, requirement: Art. 53, status: not-applicable, by: legal, at: '2026-11-01T00:00:00Z', note: no general-purpose model provided }",
        "",
      ].join("\n"),
    );
    const result = await run([
      "comply",
      "report",
      "--framework",
      "eu-ai-act",
      "--config",
      configFile,
      "--records",
      records,
    ]);
    const report = complianceReportSchema.parse(JSON.parse(result.stdout));
    expect(report.requirements.find((item) => item.id === "Art. 53")?.status).toBe("not-applicable");
    const oversight = report.requirements.find((item) => item.id === "Art. 14");
    const raci = oversight?.evidence.find(
      (item) => item.source === "records" && item.check === "raci-complete",
    );
    expect(raci?.outcome).toBe("fail");
    expect(
      oversight?.gaps.some((gap) => gap.problem.includes("incident-response: 0 accountable roles")),
    ).toBe(true);

    const pack = join(folder, "pack");
    await run([
      "comply",
      "pack",
      "--out",
      pack,
      "--config",
      configFile,
      "--records",
      records,
      "--framework",
      "eu-ai-act",
    ]);
    expect(readFileSync(join(pack, "records", "records.json"), "utf8")).toContain("incident-response");

    writeFileSync(records, "raci: [{ activity: x, assignments: { ciso: Z } }]\n");
    const invalid = await run([
      "comply",
      "report",
      "--framework",
      "eu-ai-act",
      "--config",
      configFile,
      "--records",
      records,
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("raci.0.assignments.ciso");
  });

  it("--fail-under gates on the score", async () => {
    const base = ["comply", "report", "--framework", "owasp-llm-2025", "--config", configFile];
    const report = complianceReportSchema.parse(JSON.parse((await run(base)).stdout));
    expect((await run([...base, "--fail-under", String(report.score)])).code).toBe(0);
    const failed = await run([...base, "--fail-under", String(report.score + 1)]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`owasp-llm-2025: score ${report.score} is under ${report.score + 1}`);
    expect((await run([...base, "--fail-under", "abc"])).code).toBe(2);
  });

  it("writes Markdown and HTML, and rejects an unknown framework or format", async () => {
    const markdown = await run([
      "comply",
      "report",
      "--framework",
      "owasp-llm-2025",
      "--format",
      "md",
      "--config",
      configFile,
    ]);
    expect(markdown.stdout).toContain("| LLM05 | Improper Output Handling |");
    const out = join(folder, "report.html");
    const html = await run([
      "comply",
      "report",
      "--framework",
      "eu-ai-act",
      "--format",
      "html",
      "--config",
      configFile,
      "--out",
      out,
    ]);
    expect(html.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("<h3>Art. 26(6) Keeping the logs");
    expect((await run(["comply", "report", "--framework", "nope", "--config", configFile])).code).toBe(2);
    expect((await run(["comply", "report", "--framework", "owasp-llm-2025", "--format", "pdf"])).code).toBe(
      2,
    );
  });

  it("packs the evidence with a signed manifest that an auditor can verify, and detects tampering", async () => {
    const pack = join(folder, "pack");
    const packed = await run([
      "comply",
      "pack",
      "--out",
      pack,
      "--config",
      configFile,
      "--runs",
      runs,
      "--actor",
      "auditor-anna",
    ]);
    expect(packed.code).toBe(0);
    // the pack is recorded in the audit trail, on the CLI's own node, by whoever made it
    const recorded = (await trailEvents(configFile)).filter(
      (event) => event.type === "management.change" && event.payload.action === "compliance.pack",
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.node).toMatch(/-cli$/);
    expect(recorded[0]?.actor).toEqual({ kind: "cli", id: "auditor-anna" });
    expect(recorded[0]?.payload.target).toEqual({ kind: "evidence-pack", id: "pack" });
    expect(packed.stdout).toMatch(/files signed with key [0-9a-f]{16} \(audit\)/);
    // the store holds the governance register (empty here), so records are part of the pack
    expect(packed.stderr).not.toContain("not available: records");
    const manifest = readFileSync(join(pack, "manifest.json"), "utf8");
    for (const path of [
      "reports/owasp-llm-2025.json",
      "audit/export.jsonl",
      "audit/verification.json",
      "redteam/001-report.json",
      "redteam/runs.json",
    ]) {
      expect(manifest).toContain(`"path": "${path}"`);
    }
    const verified = await run(["comply", "verify-pack", pack, "--public-key", publicKey]);
    expect(verified.stdout).toMatch(/OK, \d+ files match/);
    expect(verified.code).toBe(0);

    appendFileSync(join(pack, "reports", "owasp-llm-2025.md"), "edited\n");
    writeFileSync(join(pack, "extra.txt"), "added\n");
    const tampered = await run(["comply", "verify-pack", pack, "--public-key", publicKey]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain("reports/owasp-llm-2025.md: content changed");
    expect(tampered.stdout).toContain("extra.txt: not in the manifest");
  });

  it("a manifest signed by another key does not verify", async () => {
    const pack = join(folder, "pack");
    await run(["comply", "pack", "--out", pack, "--config", configFile, "--framework", "owasp-llm-2025"]);
    const other = generateKeyPairSync("ed25519")
      .publicKey.export({ type: "spki", format: "der" })
      .toString("base64");
    const result = await run(["comply", "verify-pack", pack, "--public-key", other]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("manifest signature does not verify");
  });
});
