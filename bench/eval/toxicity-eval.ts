/**
 * `tsx bench/eval/toxicity-eval.ts`: evaluates the toxicity detector on the Davidson test split
 * (20% of tweets by id hash; the model never saw them), per class (hate and offensive separately)
 * and per rule (explicit lexicon vs implicit model), plus false positives on ordinary text (the
 * synthetic benign answers and the XSTest safe prompts, neither used in training) and latency.
 * Writes the `toxicity-eval` section of docs/benchmarks.md (`--no-write` to skip).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Finding } from "../../src/core/index.js";
import type { ScanContext } from "../../src/detect/detector.js";
import { toxicityDetector } from "../../src/detect/detectors/toxicity/index.js";
import { parseCsvRecords } from "../../src/detect/detectors/toxicity/training/csv.js";
import {
  DATA_ROOT,
  type DavidsonClass,
  loadDavidson,
} from "../../src/detect/detectors/toxicity/training/davidson.js";
import { normalize } from "../../src/detect/normalize/index.js";
import { markdownTable, updateBenchmarksSection } from "../lib/benchmarks-doc.js";
import { wilson } from "./metrics.js";
import { generateOutputSet } from "./output-sets/generate.js";
import { format, machineNote, perKilobyte, timeDocuments } from "./output-sets/latency.js";

/** The policy acts on every reported finding; toxicity findings score at least 0.75 anyway. */
const FLAG_SCORE = 0;
const HATE_TYPES = new Set(["slur", "hate"]);

function context(text: string): ScanContext {
  const { views, signals } = normalize(text);
  return {
    direction: "input",
    source: "user",
    sensitivity: "medium",
    views,
    signals,
    deadline: Number.POSITIVE_INFINITY,
  };
}

function predictClass(findings: readonly Finding[]): DavidsonClass {
  const strong = findings.filter((finding) => finding.score >= FLAG_SCORE);
  if (strong.some((finding) => HATE_TYPES.has(finding.type ?? ""))) return "hate";
  return strong.length > 0 ? "offensive" : "neither";
}

function prf(truePositives: number, falsePositives: number, falseNegatives: number): string[] {
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return [format(precision), format(recall), format(f1)];
}

function davidsonSection(): string {
  const test = loadDavidson().filter((row) => row.split === "test");
  const configurations: Array<[string, boolean]> = [
    ["explicit + implicit (default)", true],
    ["explicit only (`implicit: false`)", false],
  ];
  const rows: Array<Array<string | number>> = [];
  let confusionTable = "";
  let topSlurShare = "";
  let ruleTable = "";
  for (const [name, implicit] of configurations) {
    const detector = toxicityDetector.create(toxicityDetector.optionsSchema.parse({ implicit }));
    const results = test.map((row) => {
      const findings = detector
        .detect(row.text, context(row.text))
        .filter((finding) => finding.score >= FLAG_SCORE);
      return { row, findings, predicted: predictClass(findings) };
    });
    const count = (actual: DavidsonClass | "abuse", predicted: DavidsonClass | "abuse") =>
      results.filter(
        (entry) =>
          (actual === "abuse" ? entry.row.label !== "neither" : entry.row.label === actual) &&
          (predicted === "abuse" ? entry.predicted !== "neither" : entry.predicted === predicted),
      ).length;
    for (const target of ["hate", "offensive", "abuse"] as const) {
      const truePositives = count(target, target);
      const predictedTotal = results.filter((entry) =>
        target === "abuse" ? entry.predicted !== "neither" : entry.predicted === target,
      ).length;
      const actualTotal = results.filter((entry) =>
        target === "abuse" ? entry.row.label !== "neither" : entry.row.label === target,
      ).length;
      rows.push([
        name,
        target === "abuse" ? "hate or offensive" : target,
        actualTotal,
        ...prf(truePositives, predictedTotal - truePositives, actualTotal - truePositives),
      ]);
    }
    const neither = results.filter((entry) => entry.row.label === "neither");
    const neitherFlagged = neither.filter((entry) => entry.predicted !== "neither").length;
    rows.push([name, "FPR on neither", neither.length, "", format(neitherFlagged / neither.length), ""]);
    if (implicit) {
      // offensive tweets predicted hate: how many come from the single most frequent slur term
      const offensiveAsHate = results.filter(
        (entry) => entry.row.label === "offensive" && entry.predicted === "hate",
      );
      const termCounts = new Map<string, number>();
      for (const entry of offensiveAsHate) {
        const slurs = entry.findings.filter((finding) => finding.type === "slur");
        const terms = new Set(
          slurs.map((finding) =>
            entry.row.text
              .slice(finding.start, finding.end)
              .toLowerCase()
              .replace(/[^a-z]/g, "")
              .slice(0, 5),
          ),
        );
        for (const term of terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
      }
      topSlurShare = `${Math.max(0, ...termCounts.values())} of the ${offensiveAsHate.length}`;
      const classes: DavidsonClass[] = ["hate", "offensive", "neither"];
      confusionTable = markdownTable(
        ["actual \\ predicted", ...classes],
        classes.map((actual) => [actual, ...classes.map((predicted) => count(actual, predicted))]),
      );
      const abusive = results.filter((entry) => entry.row.label !== "neither");
      const byRule = (rule: string) =>
        abusive.filter((entry) => entry.findings.some((finding) => finding.rule === rule)).length;
      const onlyImplicit = abusive.filter(
        (entry) =>
          entry.findings.length > 0 && entry.findings.every((finding) => finding.rule === "implicit"),
      ).length;
      const neitherByRule = (rule: string) =>
        neither.filter((entry) => entry.findings.some((finding) => finding.rule === rule)).length;
      ruleTable = markdownTable(
        [
          "rule",
          `abusive tweets found (of ${abusive.length})`,
          `neither tweets flagged (of ${neither.length})`,
        ],
        [
          [
            "explicit (lexicon, obscenity)",
            `${byRule("explicit")} (${format(byRule("explicit") / abusive.length)})`,
            `${neitherByRule("explicit")} (${format(neitherByRule("explicit") / neither.length)})`,
          ],
          [
            "implicit (model, no explicit term)",
            `${byRule("implicit")} (${format(byRule("implicit") / abusive.length)}); ${onlyImplicit} found by it alone`,
            `${neitherByRule("implicit")} (${format(neitherByRule("implicit") / neither.length)})`,
          ],
        ],
      );
    }
  }
  return [
    `Davidson et al. (2017) tweets, test split: ${test.length} tweets (20% by id hash, never used in training or threshold choice). Prediction: "hate" when a finding is a slur or implicit hate, "offensive" for any other finding, else "neither".`,
    "",
    markdownTable(["configuration", "class", "n", "precision", "recall", "F1"], rows),
    "",
    "Confusion (default configuration):",
    "",
    confusionTable,
    "",
    ruleTable,
    "",
    `Reading these numbers: Davidson's "offensive" class is mostly profanity and the words "bitch" and "hoe", which the explicit rule catches; its "hate" class is small (about 6%), often indistinguishable from "offensive" even for the annotators, and the best published classifiers reach a hate F1 of about 0.4-0.5 on it. The labels are known to be dialect-biased: tweets in African-American English are labelled offensive far more often (Davidson et al. 2019; Sap et al. 2019), and a model trained on them, this one included, inherits that bias. The set has no dialect labels, so the bias is not measured directly, but it shows in the confusion table: ${topSlurShare} offensive tweets predicted "hate" contain one term, an in-group spelling of a reclaimed racial slur that the annotators labelled offensive; the lexicon types it as a slur and cannot tell the uses apart. Do not use this detector alone to take action against users.`,
  ].join("\n");
}

function benignSection(): string {
  const detector = toxicityDetector.create(toxicityDetector.optionsSchema.parse({}));
  const answers = generateOutputSet()
    .filter((sample) => sample.category === "benign")
    .map((sample) => sample.text);
  const xstest = parseCsvRecords(readFileSync(`${DATA_ROOT}/xstest/xstest_prompts.csv`, "utf8"))
    .filter((record) => record.label === "safe")
    .map((record) => record.prompt ?? "");
  const rows = [
    ["synthetic benign answers (code, markdown, shell, support)", answers],
    ['XSTest safe prompts ("How can I kill a Python process?")', xstest],
  ] as const;
  return markdownTable(
    ["ordinary text (not used in training)", "n", "flagged [95% CI]", "explicit", "implicit"],
    rows.map(([name, texts]) => {
      const findings = texts.map((text) =>
        detector.detect(text, context(text)).filter((finding) => finding.score >= FLAG_SCORE),
      );
      const flagged = findings.filter((list) => list.length > 0).length;
      const interval = wilson(flagged, texts.length);
      const explicit = findings.filter((list) => list.some((finding) => finding.rule === "explicit")).length;
      const implicit = findings.filter((list) => list.some((finding) => finding.rule === "implicit")).length;
      return [
        name,
        texts.length,
        `${format(flagged / texts.length)} [${format(interval.low, 2)}, ${format(interval.high, 2)}]`,
        explicit,
        implicit,
      ];
    }),
  );
}

function latencySection(): string {
  const detector = toxicityDetector.create(toxicityDetector.optionsSchema.parse({}));
  const texts = [
    ...generateOutputSet().map((sample) => sample.text),
    ...loadDavidson()
      .slice(0, 3_000)
      .map((row) => row.text),
  ];
  const documents: string[] = [];
  let current = "";
  for (const text of texts) {
    current += `${text}\n\n`;
    if (current.length >= 8_192) {
      documents.push(current);
      current = "";
    }
  }
  const prepared = documents.map((text) => ({ text, context: context(text) }));
  const timings = timeDocuments(prepared, ({ text, context: scan }) => detector.detect(text, scan));
  const summary = perKilobyte(timings);
  return `Latency on ${prepared.length} documents of about 8 KB (synthetic answers and tweets), each document's fastest of 9 runs after a warm-up, detector time only: best ${format(summary.best)} ms/KB, p50 ${format(summary.p50)} ms/KB, p99 ${format(summary.p99)} ms/KB, mean ${format(summary.mean)} ms/KB (target < 0.2 ms/KB). ${machineNote()}: the build machine is shared, so absolute times are pessimistic.`;
}

/** The `toxicity-eval` report (Markdown). Exported so that `npm run eval` can call it. */
export function toxicityEvalReport(): string {
  return ["### Toxicity", "", davidsonSection(), "", benignSection(), "", latencySection()].join("\n");
}

/** Prints the report and writes its section of docs/benchmarks.md unless `--no-write`. */
export function runToxicityEval(write = !process.argv.includes("--no-write")): void {
  const report = toxicityEvalReport();
  process.stdout.write(`${report}\n`);
  if (write) updateBenchmarksSection("toxicity-eval", report);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runToxicityEval();
