import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { RampartError } from "../core/index.js";
import { exportTraining, type TrainingFormat, trainingFormats } from "../redteam/export/training-export.js";
import { readRunReport } from "../redteam/report/read-run-report.js";
import { diffRuns, renderDiff } from "../redteam/report/run-diff.js";
import { type CliContext, exitCodes } from "./program.js";

/** Accepts a run's report.json or the run folder that holds it. */
function reportPath(path: string): string {
  return path.endsWith(".json") ? path : `${path.replace(/\/+$/, "")}/report.json`;
}

/** `rampart redteam diff OLD NEW`: regressions (attacks that now work) and fixes; exit 1 on a regression. */
export function registerRedteamDiffSubcommand(redteam: Command, context: CliContext): void {
  redteam
    .command("diff <old> <new>")
    .description(
      "compare two runs (report.json or run folders): regressions, fixes; exit 1 when an attack newly succeeds",
    )
    .option("--json", "print the diff as JSON")
    .action(async (oldPath: string, newPath: string, flags: { json?: boolean }) => {
      const before = await readRunReport(reportPath(oldPath));
      const after = await readRunReport(reportPath(newPath));
      const diff = diffRuns(before, after);
      context.io.stdout(flags.json === true ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff));
      if (diff.regressions.length > 0) context.setExitCode(exitCodes.failed);
    });
}

/** `rampart redteam export-training RUN.json --format openai-jsonl|detector [--out FILE]` */
export function registerRedteamExportSubcommand(redteam: Command, context: CliContext): void {
  redteam
    .command("export-training <run>")
    .description(
      "turn a run's successful attacks into training data: chat pairs with safe answers, or detector data",
    )
    .option("--format <format>", `one of ${trainingFormats.join(", ")}`, "openai-jsonl")
    .option("--out <file>", "write to a file instead of stdout")
    .action(async (run: string, flags: { format: string; out?: string }) => {
      if (!(trainingFormats as readonly string[]).includes(flags.format)) {
        throw new RampartError(
          "usage",
          `--format must be one of ${trainingFormats.join(", ")}, got '${flags.format}'`,
        );
      }
      const text = exportTraining(await readRunReport(reportPath(run)), flags.format as TrainingFormat);
      if (flags.out === undefined) context.io.stdout(text);
      else {
        await writeFile(flags.out, text);
        context.io.stderr(
          `wrote ${text === "" ? 0 : text.trimEnd().split("\n").length} examples to ${flags.out}\n`,
        );
      }
    });
}
