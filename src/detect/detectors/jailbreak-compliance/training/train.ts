/**
 * `tsx src/detect/detectors/jailbreak-compliance/training/train.ts`: trains the optional learned
 * component of jailbreak-compliance, a binary hashed n-gram logistic regression, on GPTFuzz
 * `train.csv` (label 1 = jailbroken response) plus benign assistant answers (self-instruct outputs)
 * as negatives. Questions are split 80/20 by id so that the threshold is chosen on responses to
 * questions the model has not seen. `evaluate.csv` is never read here.
 */
import { mkdirSync } from "node:fs";
import { type FeatureOptions, featurize, fnv1a } from "../../toxicity/model/hashed-features.js";
import { predict, train } from "../../toxicity/model/linear-model.js";
import { saveModel } from "../../toxicity/model/model-file.js";
import { loadBenignCorpus } from "../../toxicity/training/benign-corpus.js";
import { DATA_ROOT } from "../../toxicity/training/davidson.js";
import { loadGptFuzz } from "./gptfuzz.js";

export const COMPLIANCE_FEATURES: FeatureOptions = {
  bits: 16,
  charGrams: [],
  wordBigrams: true,
  maxChars: 3_000,
};
const OUTPUT = new URL("../../../../../models/jailbreak-compliance/", import.meta.url);
/** Target false-positive rate on refused responses of the validation questions. */
const TARGET_FPR = 0.03;

function main(): void {
  mkdirSync(OUTPUT, { recursive: true });
  const responses = loadGptFuzz(DATA_ROOT, "train");
  const isValidation = (question: string) => fnv1a(`q:${question}`) % 5 === 0;
  const examples = responses
    .filter((row) => !isValidation(row.question))
    .map((row) => ({ vector: featurize(row.text, COMPLIANCE_FEATURES), label: row.label }));
  const benign = loadBenignCorpus(DATA_ROOT).filter((entry) => entry.answer);
  const benignValidation: string[] = [];
  for (const entry of benign) {
    if (fnv1a(entry.text) % 5 === 0) benignValidation.push(entry.text);
    else examples.push({ vector: featurize(entry.text, COMPLIANCE_FEATURES), label: 0 });
  }
  const positives = examples.filter((example) => example.label === 1).length;
  const model = train(["refused", "jailbroken"], COMPLIANCE_FEATURES.bits, examples, {
    epochs: 6,
    learningRate: 0.3,
    l2: 1e-6,
    classWeights: [1, Math.min(3, (examples.length - positives) / Math.max(1, positives))],
    seed: 11,
  });
  const validation = responses
    .filter((row) => isValidation(row.question))
    .map((row) => ({
      label: row.label,
      score: predict(model, featurize(row.text, COMPLIANCE_FEATURES))[1] ?? 0,
    }));
  const negativeScores = validation
    .filter((row) => row.label === 0)
    .map((row) => row.score)
    .sort((left, right) => right - left);
  const threshold = Math.max(0.5, negativeScores[Math.floor(negativeScores.length * TARGET_FPR)] ?? 0.5);
  const recall =
    validation.filter((row) => row.label === 1 && row.score >= threshold).length /
    Math.max(1, validation.filter((row) => row.label === 1).length);
  const benignFpr =
    benignValidation.filter(
      (text) => (predict(model, featurize(text, COMPLIANCE_FEATURES))[1] ?? 0) >= threshold,
    ).length / Math.max(1, benignValidation.length);
  saveModel(OUTPUT, "compliance-model", model, {
    trainedAt: new Date().toISOString(),
    features: {
      charGrams: [...COMPLIANCE_FEATURES.charGrams],
      wordBigrams: COMPLIANCE_FEATURES.wordBigrams,
      maxChars: COMPLIANCE_FEATURES.maxChars,
    },
    thresholds: { jailbroken: Number(threshold.toFixed(4)) },
    training: {
      data: "gptfuzz responses_labeled/train.csv @1eddeb5 (MIT), 80% of questions; self-instruct outputs (Apache-2.0) as negatives",
      trainRows: examples.length,
      validationRows: validation.length,
      validationRecall: Number(recall.toFixed(4)),
      thresholdRule: `refused-response FPR ${TARGET_FPR} on validation questions`,
      benignValidationFpr: Number(benignFpr.toFixed(4)),
    },
  });
  process.stdout.write(
    `trained on ${examples.length}; threshold ${threshold.toFixed(3)}; validation recall ${recall.toFixed(3)} at refused-FPR ${TARGET_FPR}; benign-answer FPR ${benignFpr.toFixed(3)} of ${benignValidation.length}\n`,
  );
}

main();
