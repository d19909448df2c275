import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { loadConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import {
  createPolicyScanner,
  loadPolicy,
  loadPolicyFromConfig,
  type Policy,
  resolvePolicy,
} from "../policy/index.js";
import { type CliContext, exitCodes } from "./program.js";
import { humanReport } from "./scan/human-report.js";
import { isErrorRow, outputRow, parseInputLine, type ScanSettings, scanText } from "./scan/scan-rows.js";

/** Time for one text in the CLI: generous, since nobody waits on a request here. */
export const CLI_SCAN_BUDGET_MS = 10_000;

const scanOptionsSchema = z.strictObject({
  file: z.string().min(1).optional(),
  direction: z.enum(["input", "output"], { message: "--direction must be input or output" }),
  config: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  source: z.enum(["user", "document", "tool"], { message: "--source must be user, document or tool" }),
  systemPrompt: z.string().optional(),
  jsonl: z.boolean().optional(),
  budgetMs: z.coerce.number({ message: "--budget-ms must be a number" }).int().positive(),
  role: z.string().min(1).optional(),
  app: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
});
type ScanOptions = z.infer<typeof scanOptionsSchema>;

function parseOptions(raw: unknown): ScanOptions {
  const parsed = scanOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new RampartError("usage", parsed.error.issues[0]?.message ?? "invalid options");
}

function choosePolicy(options: ScanOptions): Policy {
  if (options.policy !== undefined) return loadPolicy({ file: options.policy });
  return loadPolicyFromConfig(loadConfig({ file: options.config }));
}

async function readInput(
  words: readonly string[],
  options: ScanOptions,
  context: CliContext,
): Promise<string> {
  if (words.length > 0 && options.file !== undefined) {
    throw new RampartError("usage", "give the text as an argument or with --file, not both");
  }
  if (words.length > 0) {
    if (options.jsonl === true)
      throw new RampartError("usage", "--jsonl reads --file or stdin, not arguments");
    return words.join(" ");
  }
  if (options.file !== undefined && options.file !== "-") {
    try {
      return readFileSync(options.file, "utf8");
    } catch (error) {
      throw new RampartError("usage", `cannot read ${options.file}`, { cause: error });
    }
  }
  return context.io.readStdin();
}

async function runJsonl(
  input: string,
  settings: ScanSettings,
  options: ScanOptions,
  context: CliContext,
): Promise<void> {
  let flagged = false;
  let malformed = false;
  const lines = input.split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const row = parseInputLine(line.replace(/\r$/, ""), index + 1);
    if (isErrorRow(row)) {
      malformed = true;
      context.io.stdout(`${JSON.stringify(row)}\n`);
      continue;
    }
    const systemPrompt = row.system_prompt ?? options.systemPrompt;
    const { decision } = await scanText(settings, row.text, row.source ?? options.source, systemPrompt);
    if (decision.verdict !== "allow") flagged = true;
    context.io.stdout(`${JSON.stringify(outputRow(row.id, row.text, decision))}\n`);
  }
  if (flagged) context.setExitCode(exitCodes.failed);
  if (malformed) context.setExitCode(exitCodes.usage);
}

export function registerScanCommand(program: Command, context: CliContext): void {
  program
    .command("scan [text...]")
    .description(
      "scan text with the detectors and actions of a policy; exit 1 when anything is flagged or blocked",
    )
    .option("-f, --file <path>", "read the text from a file ('-' for stdin); with --jsonl, the JSONL input")
    .option("-d, --direction <direction>", "input (to the model) or output (from the model)", "input")
    .option("-c, --config <file>", "configuration file whose policy is used (default: ./rampart.yaml)")
    .option("-p, --policy <file>", "policy file (instead of the configuration's policy)")
    .option("-s, --source <source>", "where input text comes from: user, document or tool", "user")
    .option("--system-prompt <text>", "the system prompt (output scans look for leaks of it)")
    .option("--jsonl", "read one JSON object per line and write one JSON result per line (see docs/scan.md)")
    .option("--budget-ms <ms>", "time budget per text", String(CLI_SCAN_BUDGET_MS))
    .option("--role <role>", "apply the policy overrides of this caller role")
    .option("--app <app>", "apply the policy overrides of this application")
    .option("--model <model>", "apply the policy overrides of this model")
    .action(async (words: string[], raw: Record<string, unknown>) => {
      const options = parseOptions(raw);
      const effective = resolvePolicy(choosePolicy(options), {
        ...(options.role === undefined ? {} : { role: options.role }),
        ...(options.app === undefined ? {} : { app: options.app }),
        ...(options.model === undefined ? {} : { model: options.model }),
      });
      const settings: ScanSettings = {
        scanner: createPolicyScanner(effective, options.direction, { timeBudgetMs: options.budgetMs }),
        policy: effective,
        direction: options.direction,
      };
      // a model that cannot load (onnx-classifier) is a configuration error here, not a skipped detector
      if (settings.scanner.hasAsync(options.direction)) await settings.scanner.warmUpAsync();
      const input = await readInput(words, options, context);
      if (options.jsonl === true) {
        await runJsonl(input, settings, options, context);
        return;
      }
      const { decision, durationMs } = await scanText(settings, input, options.source, options.systemPrompt);
      context.io.stdout(humanReport(input, decision, durationMs, context.io.isTty));
      if (decision.verdict !== "allow") context.setExitCode(exitCodes.failed);
    });
}
