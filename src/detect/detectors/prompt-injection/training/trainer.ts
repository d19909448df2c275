import { type ExampleFeatures, exampleFeatures, sigmoid } from "../scorer.js";
import type { TrainingWindow } from "./examples.js";
import { Random } from "./synthetic/random.js";

export interface TrainerOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty applied to the weights an example touches */
  readonly l2: number;
  readonly seed: number;
}

export const defaultTrainerOptions: TrainerOptions = {
  bits: 19,
  epochs: 4,
  learningRate: 0.2,
  l2: 1e-6,
  seed: 7,
};

/**
 * Feature indices per window text, kept between trainings in one process: the evaluation trains
 * one model per left-out fold on mostly the same windows.
 */
export class FeatureCache {
  private readonly entries = new Map<string, ExampleFeatures>();

  constructor(private readonly bits: number) {}

  features(text: string): ExampleFeatures {
    let indices = this.entries.get(text);
    if (!indices) {
      indices = exampleFeatures(text, 2 ** this.bits - 1);
      this.entries.set(text, indices);
    }
    return indices;
  }
}

export interface TrainedWeights {
  readonly weights: Float32Array;
  readonly bias: number;
}

/**
 * Logistic regression on hashed features, fitted by stochastic gradient descent with AdaGrad
 * step sizes (sparse and robust to the very different frequencies of n-grams). The logit of an
 * example is `bias + sum(w[ngram]) / sqrt(n) + sum(w[signal])`, exactly as the scorer computes it.
 */
export function trainLogistic(
  windows: readonly TrainingWindow[],
  options: TrainerOptions = defaultTrainerOptions,
  cache: FeatureCache = new FeatureCache(options.bits),
): TrainedWeights {
  const size = 2 ** options.bits;
  const weights = new Float32Array(size);
  const squared = new Float32Array(size);
  let bias = 0;
  let biasSquared = 0;
  const features = windows.map((window) => cache.features(window.text));
  const order = windows.map((_, index) => index);
  const random = new Random(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = random.integer(0, index);
      [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
    }
    for (const position of order) {
      const example = features[position];
      const window = windows[position];
      if (!example || !window || example.ngrams.length + example.signals.length === 0) continue;
      const norm = example.ngrams.length > 0 ? 1 / Math.sqrt(example.ngrams.length) : 0;
      let sum = 0;
      for (const feature of example.ngrams) sum += weights[feature] ?? 0;
      let signalSum = 0;
      for (const feature of example.signals) signalSum += weights[feature] ?? 0;
      const gradient = (sigmoid(bias + sum * norm + signalSum) - window.label) * window.weight;
      biasSquared += gradient * gradient;
      bias -= (options.learningRate * gradient) / (Math.sqrt(biasSquared) + 1e-8);
      const update = (feature: number, scale: number) => {
        const current = weights[feature] ?? 0;
        const step = gradient * scale + options.l2 * current;
        const accumulated = (squared[feature] ?? 0) + step * step;
        squared[feature] = accumulated;
        weights[feature] = current - (options.learningRate * step) / (Math.sqrt(accumulated) + 1e-8);
      };
      for (const feature of example.ngrams) update(feature, norm);
      for (const feature of example.signals) update(feature, 1);
    }
  }
  return { weights, bias };
}
