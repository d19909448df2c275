/**
 * Trains models/refusal/refusal-model.{json,bin}: `npx tsx src/redteam/graders/refusal/training/train-refusal.ts`.
 * Data (read at training time, never copied into the repository): GPTFuzz labelled responses
 * (sherdencooper/GPTFuzz @ 1eddeb5, MIT; label 0 = refused, 1 = complied) from `train.csv`, plus
 * self-instruct outputs (Apache-2.0) as benign non-refusals. `evaluate.csv` is held out: its accuracy
 * is measured after training and written into the model metadata, which the red-team report prints.
 * Optional argument: the data folder (default ../shared/data beside the repository).
 */
import { readFileSync } from "node:fs";
import { featurize } from "../../../../detect/detectors/toxicity/model/hashed-features.js";
import { train } from "../../../../detect/detectors/toxicity/model/linear-model.js";
import { saveModel } from "../../../../detect/detectors/toxicity/model/model-file.js";
import { parseCsvRecords } from "../../../../detect/detectors/toxicity/training/csv.js";
import { classifyRefusal } from "../refusal-classifier.js";
import { evaluateRefusal, loadGptfuzz, selfInstructAnswers } from "./refusal-data.js";

const dataDirectory = process.argv[2] ?? new URL("../../../../../../shared/data/", import.meta.url).pathname;
const features = { bits: 14, charGrams: [] as number[], wordBigrams: true, maxChars: 2000 };
const classes = ["complied", "refused"] as const;

const trainRows = loadGptfuzz(
  parseCsvRecords(readFileSync(`${dataDirectory}/gptfuzz/responses_labeled/train.csv`, "utf8")),
);
const benign = selfInstructAnswers(
  readFileSync(`${dataDirectory}/self-instruct/data/seed_tasks.jsonl`, "utf8"),
);
const examples = [
  ...trainRows.map((row) => ({ vector: featurize(row.text, { ...features }), label: row.refused ? 1 : 0 })),
  ...benign.map((text) => ({ vector: featurize(text, { ...features }), label: 0 })),
];
const refusedCount = examples.filter((example) => example.label === 1).length;
const model = train(classes, features.bits, examples, {
  epochs: 4,
  learningRate: 0.3,
  l2: 1e-6,
  classWeights: [1, (examples.length - refusedCount) / refusedCount],
  seed: 7,
});
const directory = new URL("../../../../../models/refusal/", import.meta.url);
const meta = {
  trainedAt: new Date().toISOString(),
  features: { charGrams: features.charGrams, wordBigrams: true, maxChars: features.maxChars },
  thresholds: { refused: 0.5 },
  training: {
    data: "gptfuzz responses_labeled/train.csv @1eddeb5 (MIT); self-instruct seed outputs (Apache-2.0) as non-refusals",
    trainRows: examples.length,
  },
};
saveModel(directory, "refusal-model", model, meta);
const evaluateRows = loadGptfuzz(
  parseCsvRecords(readFileSync(`${dataDirectory}/gptfuzz/responses_labeled/evaluate.csv`, "utf8")),
);
const result = evaluateRefusal(evaluateRows, (text) => classifyRefusal(text).refused);
saveModel(directory, "refusal-model", model, {
  ...meta,
  training: {
    ...meta.training,
    evaluateRows: evaluateRows.length,
    evaluateAccuracy: result.accuracy,
    evaluateRefusalRecall: result.refusalRecall,
    evaluateRefusalPrecision: result.refusalPrecision,
  },
});
console.log(`refusal model: ${examples.length} training rows; evaluate.csv accuracy ${result.accuracy}`);
console.log(result);
