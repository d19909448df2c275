import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { stringify } from "yaml";
import { signingKeyPathFor } from "../audit/audit-trail.js";
import { loadSigningKey } from "../audit/signing-key.js";
import { loadConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import { applyGovernance, formatChanges, readGovernance } from "../govern/as-code/apply-governance.js";
import { compileAcceptableUse, mergeCompiled } from "../govern/as-code/compile-policy.js";
import {
  formatFolderIssues,
  loadGovernanceFolder,
  writeGovernanceFolder,
} from "../govern/as-code/governance-folder.js";
import { lineDiff } from "../govern/as-code/line-diff.js";
import { storeGovernanceRecordsSource } from "../govern/as-code/store-records-source.js";
import { type AuditRunOutcome, createAuditCheckService } from "../govern/audits/audit-service.js";
import { checkInputsFrom } from "../govern/audits/check-inputs.js";
import { auditChainVerifier } from "../govern/compliance/sources/audit-store-sources.js";
import type { Governance } from "../govern/records/governance-schema.js";
import { renderRaciCsv, renderRaciHtml, renderRaciTable } from "../govern/records/raci.js";
import { loadPolicyFromConfig } from "../policy/index.js";
import { createApiKeyRepository } from "../store/index.js";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { createGovernanceRecordRepository } from "../store/repositories/govern-record-repository.js";
import { createRedteamRunRepository } from "../store/repositories/redteam-run-repository.js";
import { registerGovernAiidCommand } from "./govern-aiid-command.js";
import { type CliContext, exitCodes } from "./program.js";
import { ACTOR_FLAG, cliActor, withRecordedChanges } from "./recorded-changes.js";
import { withMigratedStore } from "./store-access.js";

const MARK = { true: "ok  ", false: "FAIL", null: "n/a " } as const;

function renderOutcome({ run, findings }: AuditRunOutcome): string {
  const lines = [`${run.audit}  (run ${run.id} at ${run.at})`];
  for (const result of run.results) {
    lines.push(`  ${MARK[String(result.passed) as keyof typeof MARK]} ${result.check}`);
    if (result.passed !== true) for (const problem of result.problems) lines.push(`         ${problem}`);
  }
  const open = findings.filter((finding) => finding.status === "open");
  lines.push(
    open.length === 0
      ? "  no open automated findings"
      : `  open findings: ${open.map((f) => `${f.id} (${f.severity}, due ${f.due}${f.owner === "" ? "" : `, ${f.owner}`})`).join("; ")}`,
  );
  return `${lines.join("\n")}\n`;
}

function loadFolder(dir: string, context: CliContext): Governance | undefined {
  const result = loadGovernanceFolder(dir);
  if (result.ok) return result.governance;
  context.io.stderr(`${formatFolderIssues(result.issues)}\n`);
  context.setExitCode(exitCodes.usage);
  return undefined;
}

export function registerGovernCommand(program: Command, context: CliContext): void {
  const govern = program
    .command("govern")
    .description("governance records as code: apply, export, RACI, policy");

  govern
    .command("apply <dir>")
    .description("validate a governance/ folder and load it into the store (idempotent)")
    .option("--dry-run", "print the changes without writing them (nothing is recorded)")
    .option(...ACTOR_FLAG)
    .option("-c, --config <file>", "configuration file")
    .action(async (dir: string, options: { dryRun?: boolean; config?: string; actor?: string }) => {
      const governance = loadFolder(dir, context);
      if (governance === undefined) return;
      const actor = cliActor(options);
      const changes =
        options.dryRun === true
          ? await withMigratedStore(options.config, (store) =>
              applyGovernance(createGovernanceRecordRepository(store.db), governance, { dryRun: true }),
            )
          : await withRecordedChanges(context, options.config, async (store, recorder) => {
              const applied = await applyGovernance(createGovernanceRecordRepository(store.db), governance);
              // the same event as PUT /api/v1/governance; an apply that changes nothing is not recorded
              if (applied.length > 0)
                await recorder.recordManagement({
                  actor,
                  action: "governance.apply",
                  target: { kind: "governance", id: "register" },
                  changes: { records: applied.map((c) => `${c.change} ${c.kind} ${c.id}`) },
                });
              return applied;
            });
      context.io.stdout(formatChanges(changes));
      if (options.dryRun === true && changes.length > 0)
        context.io.stdout(`(dry run: ${changes.length} changes not applied)\n`);
    });

  govern
    .command("export <dir>")
    .description("write the stored governance records to a folder")
    .option("-c, --config <file>", "configuration file")
    .action(async (dir: string, options: { config?: string }) => {
      const governance = await withMigratedStore(options.config, (store) =>
        readGovernance(createGovernanceRecordRepository(store.db)),
      );
      const files = writeGovernanceFolder(dir, governance);
      context.io.stdout(`wrote ${files.length} files under ${dir}\n`);
    });

  govern
    .command("raci")
    .description("print the RACI chart from a folder (or the store)")
    .option("--dir <dir>", "governance folder (default: the stored records)")
    .option("--format <format>", "table | csv | html", "table")
    .option("-c, --config <file>", "configuration file")
    .action(async (options: { dir?: string; format: string; config?: string }) => {
      const governance =
        options.dir === undefined
          ? await withMigratedStore(options.config, (store) =>
              readGovernance(createGovernanceRecordRepository(store.db)),
            )
          : loadFolder(options.dir, context);
      if (governance === undefined) return;
      const render = { table: renderRaciTable, csv: renderRaciCsv, html: renderRaciHtml }[options.format];
      if (render === undefined)
        throw new RampartError("usage", `unknown format ${options.format} (table, csv, html)`);
      context.io.stdout(render(governance.raci));
    });

  govern
    .command("compile-policy <dir>")
    .description(
      "compile the acceptable-use matrix into the gateway policy's acceptableUse rules; print them and the diff",
    )
    .option("-c, --config <file>", "configuration file (its policy is the running one)")
    .option("--out <file>", "write the merged policy to this file (recorded in the audit trail)")
    .option(...ACTOR_FLAG)
    .action(async (dir: string, options: { config?: string; out?: string; actor?: string }) => {
      const governance = loadFolder(dir, context);
      if (governance === undefined) return;
      const compiled = compileAcceptableUse(governance);
      const running = loadPolicyFromConfig(loadConfig({ file: options.config }));
      const merged = mergeCompiled(running, compiled);
      context.io.stdout(`# compiled acceptable use\n${stringify({ acceptableUse: compiled.acceptableUse })}`);
      for (const note of compiled.notes) context.io.stdout(`# note: ${note}\n`);
      const diff = lineDiff(stringify(running.acceptableUse), stringify(merged.acceptableUse)).filter(
        (line) => !line.startsWith("  "),
      );
      context.io.stdout(
        `# diff against the running policy (acceptableUse)\n${diff.length === 0 ? "(none)" : diff.join("\n")}\n`,
      );
      const out = options.out;
      if (out === undefined) return;
      const actor = cliActor(options);
      // the same event as the dashboard's "apply to the gateway": a policy file was written
      await withRecordedChanges(context, options.config, async (_store, recorder) => {
        writeFileSync(out, stringify(merged));
        await recorder.recordManagement({
          actor,
          action: "policy.acceptable-use.apply",
          target: { kind: "policy", id: resolve(out) },
          changes: {
            rules: compiled.acceptableUse.length,
            changedLines: diff.length,
          },
        });
      });
      context.io.stdout(`wrote the merged policy to ${out}\n`);
    });

  govern
    .command("check")
    .description(
      "run audit plans' automated checks now (policy drift, red-team freshness, audit chain, key hygiene, model ownership)",
    )
    .option("--audit <id>", "one audit plan (default: every plan with automated checks)")
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (options: { audit?: string; json?: boolean; config?: string; actor?: string }) => {
      const loaded = loadConfig({ file: options.config });
      const actor = cliActor(options);
      const outcomes = await withRecordedChanges(context, options.config, async (store, recorder) => {
        const records = createGovernanceRecordRepository(store.db);
        const governance = await readGovernance(records);
        const plans = governance.audits.filter((plan) =>
          options.audit === undefined ? plan.automatedChecks.length > 0 : plan.id === options.audit,
        );
        if (options.audit !== undefined && plans.length === 0)
          throw new RampartError(
            "usage",
            `no audit plan with id ${options.audit} (plans: ${governance.audits.map((p) => p.id).join(", ") || "none"})`,
          );
        const key = loadSigningKey(signingKeyPathFor(store, loaded.baseDir));
        // each run is recorded (governance.audit.run), as the management API and the scheduler do
        const service = createAuditCheckService({
          records,
          audit: recorder,
          inputs: checkInputsFrom({
            policy: () => loadPolicyFromConfig(loaded),
            redteamRuns: createRedteamRunRepository(store.db),
            keys: createApiKeyRepository(store.db),
            auditChain:
              key === undefined
                ? undefined
                : auditChainVerifier(createAuditRepository(store.db), key.publicKey),
          }),
        });
        const results: AuditRunOutcome[] = [];
        for (const plan of plans) results.push(await service.run(plan.id, { trigger: "manual", actor }));
        return results;
      });
      if (options.json === true) context.io.stdout(`${JSON.stringify(outcomes, null, 2)}\n`);
      else if (outcomes.length === 0) context.io.stdout("no audit plan lists automated checks\n");
      else context.io.stdout(outcomes.map(renderOutcome).join("\n"));
      if (outcomes.some(({ run }) => run.results.some((result) => result.passed === false)))
        context.setExitCode(exitCodes.failed);
    });

  registerGovernAiidCommand(govern, context);

  govern
    .command("snapshot")
    .description("write the stored records as the snapshot that `rampart comply --records FILE` reads")
    .requiredOption("--out <file>", "snapshot file (JSON)")
    .option("-c, --config <file>", "configuration file")
    .action(async (options: { out: string; config?: string }) => {
      const snapshot = await withMigratedStore(options.config, (store) => {
        const source = storeGovernanceRecordsSource(createGovernanceRecordRepository(store.db));
        return source.exportRecords?.() ?? Promise.resolve({});
      });
      writeFileSync(options.out, `${JSON.stringify(snapshot, null, 2)}\n`);
      context.io.stdout(`wrote ${options.out}\n`);
    });
}
