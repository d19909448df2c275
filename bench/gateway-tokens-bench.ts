/**
 * Token counting on the gateway's request path: load time and memory of each gpt-tokenizer
 * encoding (fresh processes), and the time per call of the BPE count, the fast estimate and the
 * request-path `countPromptTokens`, for 1 KB and 16 KB texts of several kinds.
 * Run: `npx tsx bench/gateway-tokens-bench.ts` (writes the "gateway-tokens" section of
 * docs/benchmarks.md; `--no-write` only prints).
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  countPromptTokens,
  countTextTokens,
  estimateTextTokens,
  preloadTokenizer,
} from "../src/gateway/tokens/index.js";
import { codeText, otherLanguageText, proseText } from "../src/gateway/tokens/test-texts.js";
import { markdownTable, updateBenchmarksSection } from "./lib/benchmarks-doc.js";

const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));
const loadReportSchema = z.strictObject({ loadMs: z.number(), rssMb: z.number(), heapMb: z.number() });

/** Loads one encoding in a fresh Node process and reports its load time and memory. */
function measureLoad(encoding: string): z.infer<typeof loadReportSchema> {
  const script = `
    const before = process.memoryUsage();
    const start = process.cpuUsage();
    const encoding = require("gpt-tokenizer/cjs/encoding/${encoding}");
    encoding.countTokens("warm up", { disallowedSpecial: new Set() });
    const cpu = process.cpuUsage(start);
    const loadMs = (cpu.user + cpu.system) / 1000;
    const after = process.memoryUsage();
    console.log(JSON.stringify({ loadMs, rssMb: (after.rss - before.rss) / 1048576, heapMb: (after.heapUsed - before.heapUsed) / 1048576 }));`;
  const output = execFileSync(process.execPath, ["-e", script], { cwd: repositoryRoot, encoding: "utf8" });
  return loadReportSchema.parse(JSON.parse(output.trim()));
}

/** A deterministic pseudo-random generator (the texts must be the same on every run). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const random = seededRandom(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Text of one kind, `count` different samples of `size` characters each. */
const generators: Record<string, (size: number) => string> = {
  prose: (size) => shuffledSentences(`${proseText} ${otherLanguageText}`, size),
  code: (size) => shuffledSentences(codeText.replaceAll("\n", "\n "), size),
  base64: (size) =>
    Buffer.from(Array.from({ length: size }, () => Math.floor(random() * 256)))
      .toString("base64")
      .slice(0, size),
  "CJK (no spaces)": (size) =>
    Array.from({ length: size }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 3_000))).join(""),
  "one letter repeated": (size) => "a".repeat(size),
};

function shuffledSentences(source: string, size: number): string {
  const sentences = source.split(/(?<=[.;:])\s+/);
  let text = "";
  for (let round = 0; text.length < size && round < 100_000; round += 1) {
    text += `${pick(sentences)} ${Math.floor(random() * 10_000)} `;
  }
  return text.slice(0, size);
}

/**
 * CPU milliseconds per call of `operation` (user + system time of this process, so other work on
 * a shared machine does not inflate it), averaged over distinct inputs after a warm-up. `repeat`
 * > 1 runs each input several times, only for operations without a cache (the BPE merge cache
 * would make a repeated text look faster than a new one).
 */
function cpuMsPerCall<T>(inputs: readonly T[], operation: (input: T) => unknown, repeat = 1): number {
  for (const input of inputs.slice(0, 3)) operation(input);
  const start = process.cpuUsage();
  for (const input of inputs) {
    for (let round = 0; round < repeat; round += 1) operation(input);
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (inputs.length * repeat);
}

const format = (value: number) =>
  value < 0.1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1);

function main(): void {
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const loadRows = ["cl100k_base", "o200k_base"].map((encoding) => {
    const runs = [measureLoad(encoding), measureLoad(encoding), measureLoad(encoding)];
    const median = (values: number[]) => values.sort((left, right) => left - right)[1] ?? Number.NaN;
    return [
      encoding,
      format(median(runs.map((run) => run.loadMs))),
      format(median(runs.map((run) => run.rssMb))),
      format(median(runs.map((run) => run.heapMb))),
    ];
  });
  preloadTokenizer("gpt-4");
  preloadTokenizer("gpt-4o");

  const speedRows: (string | number)[][] = [];
  for (const [kind, generate] of Object.entries(generators)) {
    for (const kilobytes of [1, 16]) {
      const count = kilobytes === 1 ? 60 : 15;
      const texts = Array.from({ length: count }, () => generate(kilobytes * 1024));
      const cl100k = cpuMsPerCall(texts, (text) => countTextTokens(text, "gpt-4"));
      const o200k = cpuMsPerCall(texts, (text) => countTextTokens(text, "gpt-4o"));
      const estimate = cpuMsPerCall(texts, (text) => estimateTextTokens(text, "gpt-4"), 50);
      const sample = texts[0] ?? "";
      const ratio = estimateTextTokens(sample, "gpt-4") / countTextTokens(sample, "gpt-4");
      speedRows.push([
        kind,
        `${kilobytes} K chars`,
        format(cl100k),
        format(cl100k / kilobytes),
        format(o200k),
        format(estimate),
        ratio.toFixed(2),
      ]);
    }
  }

  const prompt = [{ role: "user", content: generators.prose?.(1024) ?? "" }];
  const estimatePath = cpuMsPerCall(
    [prompt],
    (messages) => countPromptTokens(messages, "llama3.1:8b", { maxPromptTokens: 8_192 }),
    2_000,
  );
  const nearLimit = countTextTokens(prompt[0]?.content ?? "", "llama3.1:8b");
  const prompts = Array.from({ length: 60 }, () => [
    { role: "user", content: generators.prose?.(1024) ?? "" },
  ]);
  const tokenizerPath = cpuMsPerCall(prompts, (messages) =>
    countPromptTokens(messages, "llama3.1:8b", { maxPromptTokens: nearLimit }),
  );

  const markdown = [
    "## Gateway token counting (`bench/gateway-tokens-bench.ts`)",
    "",
    `Node ${process.version}; load average ${loadAtStart.toFixed(1)} on ${availableParallelism()} cores at the start (other work on the machine slows every figure).`,
    "All times are CPU time of the process (user + system), not wall time.",
    "Load: a fresh process requires one gpt-tokenizer encoding module and counts once (median of 3).",
    "",
    markdownTable(["encoding", "load CPU ms", "RSS added MB", "heap added MB"], loadRows),
    "",
    "Time per call (mean over distinct texts; ms). `estimate/cl100k` is the fast estimate over the cl100k_base count on the first text.",
    "",
    markdownTable(
      ["text", "size", "cl100k ms", "cl100k ms per K", "o200k ms", "estimate ms", "estimate/cl100k"],
      speedRows,
    ),
    "",
    `Request path, 1 K-character chat prompt for llama3.1:8b: \`countPromptTokens\` far under the limit (estimate only) ${format(estimatePath)} ms; at the limit (tokenizer) ${format(tokenizerPath)} ms.`,
  ].join("\n");
  console.log(markdown);
  if (!process.argv.includes("--no-write")) updateBenchmarksSection("gateway-tokens", markdown);
}

main();
