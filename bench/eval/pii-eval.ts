/**
 * PII evaluation: span precision, recall and F1 per type (exact and overlap matching) on the
 * Presidio synthetic set and on a synthetic multilingual set generated here (en, de, fr, es),
 * plus latency per KB. Run: `tsx bench/eval/pii-eval.ts`. Writes the `pii-eval` section of
 * docs/benchmarks.md.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { DetectorInstance } from "../../src/detect/detector.js";
import { piiDetector } from "../../src/detect/detectors/pii/index.js";
import { FIRST_NAMES as LEXICON_FIRST_NAMES } from "../../src/detect/detectors/pii/lexicon/first-names.js";
import { createScanContext } from "../../src/detect/scan-context.js";
import { markdownTable, updateBenchmarksSection } from "../lib/benchmarks-doc.js";
import { generateMultilingualSet } from "./pii-multilingual/generate.js";
import { FIRST_NAMES as GENERATED_FIRST_NAMES } from "./pii-multilingual/pools.js";
import { measureLatency, REPEATS } from "./pii-spans/latency.js";
import {
  addDocument,
  emptyCounts,
  exactScores,
  formatScore,
  overlapScores,
  type Span,
  type SpanCounts,
  sumCounts,
} from "./pii-spans/span-metrics.js";

const DATA = "/work/shared/data";
const PRESIDIO_FILE = `${DATA}/presidio-research/data/synth_dataset_v2.json`;
const PROMPTS_FILE = `${DATA}/normalized/prompt_attacks.jsonl`;
const SEED = 20_260_427;
const PER_LANGUAGE = 250;

const presidioSchema = z.array(
  z.object({
    full_text: z.string(),
    spans: z.array(
      z.object({ entity_type: z.string(), start_position: z.number(), end_position: z.number() }),
    ),
  }),
);
const promptSchema = z.object({ text: z.string(), label: z.string() });

/** Presidio entity types mapped to Rampart types; the others are not scored. */
const PRESIDIO_TYPES: Readonly<Record<string, string>> = {
  PERSON: "PERSON",
  PHONE_NUMBER: "PHONE",
  EMAIL_ADDRESS: "EMAIL",
  IBAN_CODE: "IBAN",
  CREDIT_CARD: "CREDIT_CARD",
  US_SSN: "US_SSN",
  IP_ADDRESS: "IP_ADDRESS",
  GPE: "LOCATION",
  STREET_ADDRESS: "LOCATION",
  DOMAIN_NAME: "URL",
};
const STRUCTURED = ["EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS"];
const NAMES_AND_PLACES = ["PERSON", "LOCATION"];

function createInstance(): DetectorInstance {
  return piiDetector.create(piiDetector.optionsSchema.parse({}));
}

function predict(instance: DetectorInstance, text: string): Span[] {
  return instance
    .detect(text, createScanContext(text, { direction: "input" }))
    .map((finding) => ({ type: finding.type ?? "", start: finding.start, end: finding.end }));
}

/** Scores `documents` for the `scored` types; predictions of other types are counted apart. */
function evaluate(
  instance: DetectorInstance,
  documents: readonly { text: string; spans: readonly Span[] }[],
  scored: readonly string[],
): { perType: Map<string, SpanCounts>; unscoredPredictions: Map<string, number> } {
  const perType = new Map(scored.map((type) => [type, emptyCounts()]));
  const unscoredPredictions = new Map<string, number>();
  for (const document of documents) {
    const predicted = predict(instance, document.text);
    for (const [type, counts] of perType) {
      addDocument(
        counts,
        document.spans.filter((span) => span.type === type),
        predicted.filter((span) => span.type === type),
      );
    }
    for (const span of predicted.filter((span) => !perType.has(span.type))) {
      unscoredPredictions.set(span.type, (unscoredPredictions.get(span.type) ?? 0) + 1);
    }
  }
  return { perType, unscoredPredictions };
}

function scoreRow(label: string, counts: SpanCounts): (string | number)[] {
  const exact = exactScores(counts);
  const overlap = overlapScores(counts);
  return [
    label,
    counts.gold,
    counts.predicted,
    formatScore(exact.precision),
    formatScore(exact.recall),
    formatScore(exact.f1),
    formatScore(overlap.precision),
    formatScore(overlap.recall),
    formatScore(overlap.f1),
  ];
}

const HEADER = [
  "type",
  "gold",
  "predicted",
  "exact P",
  "exact R",
  "exact F1",
  "overlap P",
  "overlap R",
  "overlap F1",
];

function groupRows(perType: Map<string, SpanCounts>): (string | number)[][] {
  const group = (types: readonly string[]) =>
    sumCounts(types.map((type) => perType.get(type) ?? emptyCounts()));
  return [
    ...[...perType.entries()].map(([type, counts]) => scoreRow(type, counts)),
    scoreRow("**structured (micro)**", group(STRUCTURED.filter((type) => perType.has(type)))),
    scoreRow("**PERSON + LOCATION (micro)**", group(NAMES_AND_PLACES)),
  ];
}

function presidioSection(instance: DetectorInstance): string {
  const parsed = presidioSchema.parse(JSON.parse(readFileSync(PRESIDIO_FILE, "utf8")));
  const notScored = new Map<string, number>();
  const documents = parsed.map((row) => ({
    text: row.full_text,
    spans: row.spans.flatMap((span) => {
      const type = PRESIDIO_TYPES[span.entity_type];
      if (type === undefined) notScored.set(span.entity_type, (notScored.get(span.entity_type) ?? 0) + 1);
      return type === undefined ? [] : [{ type, start: span.start_position, end: span.end_position }];
    }),
  }));
  const scored = [...STRUCTURED, "URL", ...NAMES_AND_PLACES];
  const { perType, unscoredPredictions } = evaluate(instance, documents, scored);
  const table = markdownTable(HEADER, groupRows(perType));
  const skipped = [...notScored.entries()].map(([type, count]) => `${type} ${count}`).join(", ");
  const extra =
    [...unscoredPredictions.entries()].map(([type, count]) => `${type} ${count}`).join(", ") || "none";
  return [
    `### Presidio synthetic set (${parsed.length} sentences, English)`,
    "",
    "Mapping: PHONE_NUMBER→PHONE, EMAIL_ADDRESS→EMAIL, IBAN_CODE→IBAN, GPE and STREET_ADDRESS→LOCATION, DOMAIN_NAME→URL; other types keep their names.",
    "",
    table,
    "",
    `Not scored (types Rampart does not target): ${skipped}. Predictions of types the set does not label (not counted): ${extra}.`,
  ].join("\n");
}

function multilingualSection(instance: DetectorInstance): string {
  const sentences = generateMultilingualSet(SEED, PER_LANGUAGE);
  const scored = ["PERSON", "LOCATION", "PHONE", "IBAN", "EMAIL", "CREDIT_CARD"];
  const rows: (string | number)[][] = [];
  for (const language of ["en", "de", "fr", "es"] as const) {
    const { perType } = evaluate(
      instance,
      sentences.filter((sentence) => sentence.language === language),
      scored,
    );
    for (const [type, counts] of perType) rows.push(scoreRow(`${language} ${type}`, counts));
    rows.push(
      scoreRow(
        `**${language} structured (micro)**`,
        sumCounts(
          ["PHONE", "IBAN", "EMAIL", "CREDIT_CARD"].map((type) => perType.get(type) ?? emptyCounts()),
        ),
      ),
    );
  }
  const generatedNames = Object.values(GENERATED_FIRST_NAMES).flat();
  const inLexicon = generatedNames.filter((name) => LEXICON_FIRST_NAMES.has(name.toLowerCase())).length;
  return [
    `### Synthetic multilingual set (generated, seed ${SEED}, ${PER_LANGUAGE} sentences per language)`,
    "",
    "SYNTHETIC data generated by bench/eval/pii-multilingual/ from hand-written templates and value pools",
    "(names, cities, streets, valid IBANs, Luhn-valid cards, phone formats). Well-formed text: the figures are",
    `an upper bound for real traffic. ${inLexicon} of the ${generatedNames.length} generated given names are in the detector's lexicon;`,
    "the pools and the lexicons were written by the same project, which biases the result upwards.",
    "",
    markdownTable(
      HEADER,
      rows.map((row) => row.map((cell) => cell)),
    ),
  ].join("\n");
}

function benignSection(instance: DetectorInstance, rows: readonly { text: string; label: string }[]): string {
  const benign = rows.filter((row) => row.label === "benign");
  const byType = new Map<string, number>();
  let flagged = 0;
  for (const row of benign) {
    const types = new Set(predict(instance, row.text).map((span) => span.type));
    if (types.size > 0) flagged++;
    for (const type of types) byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const counts = [...byType.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([type, count]) => `${type} ${count}`);
  return [
    "### Benign prompts (not labelled for PII)",
    "",
    `${flagged} of ${benign.length} benign prompts of the normalised corpus get at least one PII finding; prompts per type: ${counts.join(", ") || "none"}.`,
    "These prompts are not labelled for personal data (many e-mails and tables in them do carry names, places and addresses), so this is a volume figure, not a false-positive rate.",
  ].join("\n");
}

function latencySection(rows: readonly { text: string; label: string }[]): string {
  const texts = rows.map((row) => row.text);
  const report = measureLatency([createInstance()], texts);
  return [
    "### Latency (pii detector alone)",
    "",
    markdownTable(
      ["texts (≥256 chars)", "KB", "p50 ms/KB", "p99 ms/KB", "CPU ms/KB (all runs)", "load average"],
      [
        [
          report.texts,
          report.kilobytes.toFixed(0),
          report.p50.toFixed(3),
          report.p99.toFixed(3),
          report.cpuPerKilobyte.toFixed(3),
          report.loadAverage.toFixed(1),
        ],
      ],
    ),
    "",
    `Corpus: every prompt of at least 256 characters in the normalised prompt corpus. p50/p99 are over texts of the fastest of ${REPEATS} runs per text (the machine is shared: see the load average; single runs show scheduling pauses of tens of ms). CPU time is over all runs.`,
  ].join("\n");
}

function main(): void {
  const instance = createInstance();
  const rows = readFileSync(PROMPTS_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => promptSchema.parse(JSON.parse(line)));
  const markdown = [
    "## PII detector (`pii`)",
    "",
    "Written by `tsx bench/eval/pii-eval.ts`. Targets: structured PII span F1 ≥ 0.95; PERSON and LOCATION F1 ≥ 0.75 in en/de/fr/es.",
    "",
    presidioSection(instance),
    "",
    multilingualSection(instance),
    "",
    benignSection(instance, rows),
    "",
    latencySection(rows),
  ].join("\n");
  process.stdout.write(`${markdown}\n`);
  updateBenchmarksSection("pii-eval", markdown);
}

main();
