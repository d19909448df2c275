import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Command } from "commander";
import { signingKeyPathFor } from "../audit/audit-trail.js";
import { openCommandRecorder } from "../audit/command-recorder.js";
import { loadOrCreateSigningKey, loadSigningKey, parsePublicKey } from "../audit/signing-key.js";
import { RampartError } from "../core/index.js";
import { listFrameworks, loadControls, loadFramework } from "../govern/catalog/index.js";
import {
  buildComplianceReport,
  buildEvidencePack,
  findRunReports,
  type GovernanceRecordsSource,
  listPackFiles,
  openEvidenceSources,
  readGovernanceSnapshot,
  renderComplianceHtml,
  renderComplianceMarkdown,
  snapshotRecordsSource,
  verifyPack,
} from "../govern/compliance/index.js";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { type CliContext, exitCodes } from "./program.js";
import { ACTOR_FLAG, cliActor, closeRecorder } from "./recorded-changes.js";

/** The red-team command's default run folder, read when --runs is not given and it exists. */
const DEFAULT_RUN_FOLDER = "redteam-run";

function runPaths(runs: string[] | undefined): string[] {
  if (runs !== undefined) return runs;
  return existsSync(DEFAULT_RUN_FOLDER) ? [DEFAULT_RUN_FOLDER] : [];
}

/** The pack key's file in the configuration folder, used when the audit trail has no key yet. */
const PACK_KEY_FILE = "rampart-pack-signing-key.pem";
const FORMATS = ["json", "md", "html"] as const;
type Format = (typeof FORMATS)[number];

interface ReportOptions {
  framework: string;
  format: string;
  config?: string;
  out?: string;
  runs?: string[];
  records?: string;
  failUnder?: string;
}

function recordsFrom(file: string | undefined): GovernanceRecordsSource | undefined {
  if (file === undefined) return undefined;
  const snapshot = readGovernanceSnapshot(file);
  return snapshotRecordsSource(async () => snapshot);
}

function parseScore(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const score = Number(value);
  if (value.trim() === "" || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new RampartError("usage", "--fail-under must be a score from 0 to 100");
  }
  return score;
}

function parseFormat(value: string): Format {
  const format = FORMATS.find((item) => item === value);
  if (format === undefined) throw new RampartError("usage", `--format must be one of ${FORMATS.join(", ")}`);
  return format;
}

/** `rampart comply report|pack|verify-pack`: compliance posture from live evidence. */
export function registerComplyCommand(program: Command, context: CliContext): void {
  const comply = program
    .command("comply")
    .description("compliance reports and evidence packs from live evidence");
  const frameworkIds = [...new Set(listFrameworks().map((entry) => entry.id))];

  comply
    .command("report")
    .description(
      `a framework's posture: status, evidence and gaps per requirement (${frameworkIds.join(", ")})`,
    )
    .requiredOption("--framework <id>", "framework id, optionally id@version")
    .option("--format <format>", "json, md or html", "json")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .option("--out <file>", "write the report to a file instead of standard output")
    .option("--fail-under <score>", "exit 1 when the score is under this (0-100), for CI gates")
    .option(
      "--runs <paths...>",
      "red-team report.json files or run folders (default: ./redteam-run when present)",
    )
    .option(
      "--records <file>",
      "governance records as a snapshot file (JSON or YAML, see docs/compliance.md)",
    )
    .action(async (options: ReportOptions) => {
      const format = parseFormat(options.format);
      const failUnder = parseScore(options.failUnder);
      const [id = "", version] = options.framework.split("@");
      const framework = loadFramework(id, version === undefined ? {} : { version });
      const opened = await openEvidenceSources({
        configFile: options.config,
        runs: runPaths(options.runs),
        records: recordsFrom(options.records),
      });
      try {
        const report = await buildComplianceReport(framework, loadControls(), opened.sources);
        const text =
          format === "json"
            ? `${JSON.stringify(report, null, 2)}\n`
            : format === "md"
              ? renderComplianceMarkdown(report)
              : renderComplianceHtml(report);
        if (options.out === undefined) context.io.stdout(text);
        else {
          writeFileSync(options.out, text);
          context.io.stderr(`${options.out}: ${framework.id} score ${report.score}\n`);
        }
        for (const note of opened.notes) context.io.stderr(`note: ${note}\n`);
        if (failUnder !== undefined && report.score < failUnder) {
          context.io.stderr(`${framework.id}: score ${report.score} is under ${failUnder}\n`);
          context.setExitCode(exitCodes.failed);
        }
      } finally {
        await opened.close();
      }
    });

  comply
    .command("pack")
    .description(
      "write reports, the audit export and its verification, red-team reports and records, with a signed manifest",
    )
    .requiredOption("--out <dir>", "a new or empty folder")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .option("--framework <ids...>", "frameworks to report (default: all)")
    .option(
      "--runs <paths...>",
      "red-team report.json files or run folders (default: ./redteam-run when present)",
    )
    .option(
      "--records <file>",
      "governance records as a snapshot file (JSON or YAML, see docs/compliance.md)",
    )
    .option(...ACTOR_FLAG)
    .action(
      async (options: {
        out: string;
        config?: string;
        framework?: string[];
        runs?: string[];
        records?: string;
        actor?: string;
      }) => {
        const ids = options.framework ?? frameworkIds;
        const frameworks = ids.map((id) => loadFramework(id));
        const opened = await openEvidenceSources({
          configFile: options.config,
          runs: runPaths(options.runs),
          records: recordsFrom(options.records),
        });
        const actor = cliActor(options);
        // with a store, the pack is recorded in its audit trail (as the dashboard's download is);
        // the recorder opens first, so a trail that cannot take the record stops the command early
        const recorder =
          opened.store === undefined
            ? undefined
            : await openCommandRecorder({
                store: opened.store,
                baseDir: opened.loaded.baseDir,
                sinks: opened.loaded.config.audit.sinks,
              }).catch(async (error: unknown) => {
                await opened.close();
                throw error;
              });
        try {
          const store = opened.store;
          const auditKey =
            store === undefined ? undefined : loadSigningKey(signingKeyPathFor(store, opened.loaded.baseDir));
          const signingKey =
            auditKey ?? loadOrCreateSigningKey(join(opened.loaded.baseDir, PACK_KEY_FILE), {});
          const runs = opened.sources.redteam === undefined ? [] : findRunReports(runPaths(options.runs));
          const manifest = await buildEvidencePack({
            directory: options.out,
            frameworks,
            controls: loadControls(),
            sources: opened.sources,
            audit:
              store === undefined
                ? undefined
                : { repository: createAuditRepository(store.db), key: auditKey },
            runReports: runs,
            signingKey,
            keySource: auditKey === undefined ? "pack" : "audit",
          });
          await recorder?.recordManagement({
            actor,
            action: "compliance.pack",
            target: { kind: "evidence-pack", id: basename(resolve(options.out)) },
            changes: {
              frameworks: ids,
              files: manifest.files.length,
              keyId: manifest.keyId,
              keySource: manifest.keySource,
              notAvailable: manifest.notAvailable.map((item) => item.part),
            },
          });
          context.io.stdout(
            `${options.out}: ${manifest.files.length} files signed with key ${manifest.keyId} (${manifest.keySource})\n`,
          );
          for (const item of manifest.notAvailable)
            context.io.stderr(`not available: ${item.part}: ${item.reason}\n`);
        } finally {
          if (recorder !== undefined) await closeRecorder(context, recorder, "the pack");
          await opened.close();
        }
      },
    );

  comply
    .command("verify-pack")
    .description("check a pack's manifest signature and every file's SHA-256; exit 1 on any difference")
    .argument("<dir>", "the pack folder")
    .requiredOption(
      "--public-key <key>",
      "the signing public key (base64 line, or a file holding it or its PEM)",
    )
    .action((directory: string, options: { publicKey: string }) => {
      const keyText = existsSync(options.publicKey)
        ? readFileSync(options.publicKey, "utf8")
        : options.publicKey;
      const result = verifyPack(directory, parsePublicKey(keyText), () => listPackFiles(directory));
      if (result.ok) context.io.stdout(`${directory}: OK, ${result.files} files match the signed manifest\n`);
      else {
        for (const problem of result.problems) context.io.stdout(`${directory}: ${problem}\n`);
        context.setExitCode(exitCodes.failed);
      }
    });
}
