import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { openCommandRecorder } from "../audit/command-recorder.js";
import {
  exportTrail,
  formatPublicKey,
  loadOrCreateSigningKey,
  loadSigningKey,
  parsePublicKey,
  signingKeyPathFor,
  verifyExportFile,
  verifyOptionsFor,
  verifyStore,
} from "../audit/index.js";
import type { VerificationReport } from "../audit/verify-store.js";
import { loadConfig } from "../config/index.js";
import { errorMessage, RampartError } from "../core/index.js";
import type { Store } from "../store/index.js";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { type CliContext, exitCodes } from "./program.js";
import { cliActor } from "./recorded-changes.js";
import { withMigratedStore } from "./store-access.js";

interface VerifyOptions {
  config?: string;
  file?: string;
  publicKey?: string;
  node?: string;
  json?: boolean;
  /** false with --no-record */
  record?: boolean;
  actor?: string;
}

const configOption = [
  "-c, --config <file>",
  "configuration file (default: ./rampart.yaml when present)",
] as const;

/** `rampart audit verify|export|public-key`: the tamper-evident trail for operators and auditors. */
export function registerAuditCommand(program: Command, context: CliContext): void {
  const audit = program.command("audit").description("verify and export the tamper-evident audit trail");

  audit
    .command("verify")
    .description(
      "check the store (hashes, sequence gaps, checkpoints) or, with --file, an export offline; exit 1 on any break",
    )
    .option(...configOption)
    .option("--file <export>", "verify an export file instead of the store (needs --public-key)")
    .option(
      "--public-key <key>",
      "the checkpoint public key: its base64 line, or a file holding it or its PEM",
    )
    .option("--node <id>", "check only this node's chain (store only)")
    .option(
      "--no-record",
      "do not record the verification in the audit trail (store only; by default it is, when the signing key is at hand)",
    )
    .option("--actor <name>", "who verified, recorded as cli:<name> (default: the OS user)")
    .option("--json", "print the report as JSON")
    .action(async (options: VerifyOptions) => {
      if (options.file !== undefined) {
        if (options.publicKey === undefined) throw new RampartError("usage", "--file needs --public-key");
        const report = await verifyExportFile(options.file, parsePublicKey(keyText(options.publicKey)));
        const where = report.firstBreak === null ? "" : ` at line ${report.firstBreak.line}`;
        render(
          context,
          options.json === true,
          report,
          `${report.events} events, ${report.checkpoints} checkpoints, ${report.nodes} nodes`,
          where,
        );
        return;
      }
      await withMigratedStore(options.config, async (store) => {
        const publicKey =
          options.publicKey === undefined
            ? storePublicKey(store, options.config)
            : keyText(options.publicKey);
        const report = await verifyStore(createAuditRepository(store.db), parsePublicKey(publicKey), {
          ...verifyOptionsFor(store.dialect),
          node: options.node,
        });
        const tail =
          report.uncheckpointed > 0 ? `; ${report.uncheckpointed} newest events not yet checkpointed` : "";
        render(
          context,
          options.json === true,
          report,
          `${report.events} events, ${report.checkpoints} checkpoints, ${report.nodes} nodes, ${report.contents} contents${tail}`,
          "",
        );
        if (options.record !== false) await recordVerification(context, store, options, report);
      });
    });

  audit
    .command("export")
    .description(
      "write the events (JSON lines) with their checkpoints and a signed last line, for offline verification",
    )
    .option(...configOption)
    .option("--from <time>", "first event time (ISO 8601 or a date)")
    .option("--to <time>", "last event time (ISO 8601 or a date)")
    .requiredOption("--out <file>", "the file to write (mode 0600)")
    .action(async (options: { config?: string; from?: string; to?: string; out: string }) => {
      await withMigratedStore(options.config, async (store) => {
        const signingKey = loadSigningKey(
          signingKeyPathFor(store, loadConfig({ file: options.config }).baseDir),
        );
        if (signingKey === undefined)
          throw new RampartError(
            "usage",
            "no audit signing key yet: nothing was recorded (see docs/audit.md)",
          );
        const summary = await exportTrail(createAuditRepository(store.db), options.out, {
          signingKey,
          from: isoTime(options.from, "--from"),
          to: isoTime(options.to, "--to"),
        });
        context.io.stdout(`${options.out}: ${summary.events} events, ${summary.checkpoints} checkpoints\n`);
        if (summary.leftOut > 0) {
          context.io.stderr(
            `${summary.leftOut} newer events are not checkpointed yet and were left out; export again later\n`,
          );
        }
      });
    });

  audit
    .command("public-key")
    .description("print the checkpoint public key (created with the signing key on first use)")
    .option(...configOption)
    .action(async (options: { config?: string }) => {
      await withMigratedStore(options.config, async (store) => {
        const key = loadOrCreateSigningKey(
          signingKeyPathFor(store, loadConfig({ file: options.config }).baseDir),
        );
        context.io.stdout(`${formatPublicKey(key.publicKey)}\n`);
      });
    });
}

function render(
  context: CliContext,
  json: boolean,
  report: { ok: boolean; firstBreak: { node: string; seq: number; reason: string } | null },
  counts: string,
  where: string,
): void {
  if (json) context.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.firstBreak === null) context.io.stdout(`ok: ${counts}\n`);
  else {
    const { node, seq, reason } = report.firstBreak;
    context.io.stdout(`BROKEN${where}: node ${node}, event ${seq}: ${reason}\n`);
  }
  if (!report.ok) context.setExitCode(exitCodes.failed);
}

/**
 * Records a store verification as an `audit.verification` event on the CLI's node, as the
 * management API does for its verifications. Best effort: an auditor with only the public key, or a
 * read-only database, still gets the verification; the note on stderr says it was not recorded.
 */
async function recordVerification(
  context: CliContext,
  store: Store,
  options: VerifyOptions,
  report: VerificationReport,
): Promise<void> {
  try {
    const loaded = loadConfig({ file: options.config });
    const recorder = await openCommandRecorder({
      store,
      baseDir: loaded.baseDir,
      sinks: loaded.config.audit.sinks,
      createKey: false,
    });
    await recorder.record({
      type: "audit.verification",
      actor: cliActor(options),
      payload: { ok: report.ok, events: report.events, firstBreak: report.firstBreak },
    });
    const missed = await recorder.close();
    if (missed.length > 0) context.io.stderr(`audit sinks not reached yet: ${missed.join(", ")}\n`);
  } catch (error) {
    context.io.stderr(
      `the verification was not recorded in the audit trail: ${errorMessage(error)} (--no-record skips this)\n`,
    );
  }
}

function storePublicKey(store: Store, configFile: string | undefined): string {
  const key = loadSigningKey(signingKeyPathFor(store, loadConfig({ file: configFile }).baseDir));
  if (key === undefined) throw new RampartError("usage", "no audit signing key found; pass --public-key");
  return formatPublicKey(key.publicKey);
}

/** `--public-key` takes a path to a file holding the key, or the key itself. */
function keyText(value: string): string {
  if (!existsSync(value)) return value;
  try {
    return readFileSync(value, "utf8");
  } catch (error) {
    throw new RampartError("usage", `cannot read the public key file ${value}`, { cause: error });
  }
}

function isoTime(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new RampartError("usage", `${flag} must be a date or an ISO 8601 time, not "${value}"`);
  return new Date(time).toISOString();
}
