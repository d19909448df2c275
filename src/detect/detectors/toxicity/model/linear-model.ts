import type { SparseVector } from "./hashed-features.js";

/**
 * A multinomial logistic-regression model over hashed features: `weights[class * size + bucket]`.
 * Binary models use two classes. Prediction is a softmax over class scores.
 */
export interface LinearModel {
  readonly classes: readonly string[];
  readonly bits: number;
  readonly weights: Float32Array;
  readonly biases: Float32Array;
}

export function predict(model: LinearModel, vector: SparseVector): Float64Array {
  const size = 2 ** model.bits;
  const scores = new Float64Array(model.classes.length);
  for (let label = 0; label < model.classes.length; label++) {
    let score = model.biases[label] ?? 0;
    const offset = label * size;
    for (let position = 0; position < vector.indexes.length; position++) {
      score +=
        (model.weights[offset + (vector.indexes[position] ?? 0)] ?? 0) * (vector.values[position] ?? 0);
    }
    scores[label] = score;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores) max = Math.max(max, score);
  let total = 0;
  for (let label = 0; label < scores.length; label++) {
    scores[label] = Math.exp((scores[label] ?? 0) - max);
    total += scores[label] ?? 0;
  }
  for (let label = 0; label < scores.length; label++) scores[label] = (scores[label] ?? 0) / total;
  return scores;
}

export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** weight per class, to balance rare classes */
  readonly classWeights: readonly number[];
  readonly seed: number;
}

/** Trains with AdaGrad-style SGD on sparse vectors. Deterministic for a seed. */
export function train(
  classes: readonly string[],
  bits: number,
  examples: ReadonlyArray<{ vector: SparseVector; label: number }>,
  options: TrainingOptions,
): LinearModel {
  const size = 2 ** bits;
  const weights = new Float32Array(size * classes.length);
  const squared = new Float32Array(size * classes.length).fill(1e-6);
  const biases = new Float32Array(classes.length);
  const model: LinearModel = { classes, bits, weights, biases };
  const order = examples.map((_, index) => index);
  let state = options.seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
    }
    for (const exampleIndex of order) {
      const example = examples[exampleIndex];
      if (example === undefined) continue;
      const probabilities = predict(model, example.vector);
      const weight = options.classWeights[example.label] ?? 1;
      for (let label = 0; label < classes.length; label++) {
        const gradient = ((probabilities[label] ?? 0) - (label === example.label ? 1 : 0)) * weight;
        biases[label] = (biases[label] ?? 0) - options.learningRate * 0.1 * gradient;
        const offset = label * size;
        for (let position = 0; position < example.vector.indexes.length; position++) {
          const bucket = offset + (example.vector.indexes[position] ?? 0);
          const current = weights[bucket] ?? 0;
          const step = gradient * (example.vector.values[position] ?? 0) + options.l2 * current;
          squared[bucket] = (squared[bucket] ?? 0) + step * step;
          weights[bucket] = current - (options.learningRate * step) / Math.sqrt(squared[bucket] ?? 1);
        }
      }
    }
  }
  return model;
}
