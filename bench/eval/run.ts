import { existsSync } from "node:fs";
import { loadModel } from "../../src/detect/detectors/prompt-injection/model-loader.js";
import {
  dataDirectory,
  loadPromptAttacks,
} from "../../src/detect/detectors/prompt-injection/training/data-sources.js";
import { updateBenchmarksSection } from "../lib/benchmarks-doc.js";
import { runInjectionEval } from "./injection-eval.js";
import { renderInjectionReport } from "./injection-report.js";

/**
 * `npm run eval`: the detector evaluations. Today: prompt injection (leave-one-source-out on the
 * shared data, held-out synthetic, non-English, obfuscated, BIPIA test, and vard / llm_guardrail
 * side by side). Prints the report and writes the `injection-eval` section of docs/benchmarks.md.
 */
async function main(): Promise<number> {
  const directory = dataDirectory();
  if (!existsSync(directory)) {
    process.stderr.write(`eval: data folder not found: ${directory} (set RAMPART_DATA_DIR)\n`);
    return 2;
  }
  const started = performance.now();
  const rows = loadPromptAttacks(directory);
  const result = await runInjectionEval(rows, (line) => process.stderr.write(`${line}\n`));
  const seconds = (performance.now() - started) / 1000;
  const report = renderInjectionReport(result, seconds, loadModel().meta.version);
  process.stdout.write(`${report}\n`);
  if (!process.argv.includes("--no-write")) updateBenchmarksSection("injection-eval", report);
  return 0;
}

process.exitCode = await main();
