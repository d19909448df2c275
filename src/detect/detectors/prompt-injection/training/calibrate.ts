import { sigmoid } from "../scorer.js";

export interface ScoredExample {
  readonly logit: number;
  readonly label: 0 | 1;
}

/**
 * Platt scaling: fits probability = sigmoid(slope * logit + intercept) on dev data by gradient
 * descent on the log loss, with both classes weighted equally.
 */
export function fitPlatt(examples: readonly ScoredExample[]): { slope: number; intercept: number } {
  const positives = examples.filter((example) => example.label === 1).length || 1;
  const negatives = examples.length - positives || 1;
  let slope = 1;
  let intercept = 0;
  for (let iteration = 0; iteration < 300; iteration += 1) {
    let slopeGradient = 0;
    let interceptGradient = 0;
    for (const example of examples) {
      const weight = example.label === 1 ? 0.5 / positives : 0.5 / negatives;
      const error = (sigmoid(slope * example.logit + intercept) - example.label) * weight;
      slopeGradient += error * example.logit;
      interceptGradient += error;
    }
    slope -= 2 * slopeGradient;
    intercept -= 2 * interceptGradient;
  }
  return { slope, intercept };
}

/**
 * The smallest threshold whose false-positive rate on `negatives` is at most `rate`, never
 * below `floor` (dev negatives are closer to the training data than real traffic is).
 */
export function thresholdForRate(negatives: readonly number[], rate: number, floor: number): number {
  const sorted = [...negatives].sort((left, right) => right - left);
  const allowed = Math.floor(rate * sorted.length);
  const boundary = sorted[allowed] ?? 0;
  return Math.min(0.999, Math.max(floor, boundary + 1e-6));
}

/**
 * The extra intercept for one group of texts (CJK) on top of a fitted Platt scaling: minimises the
 * group's log loss over the offset alone, both classes weighted equally. Undefined when the group
 * has fewer than `minimum` examples of either class (too few to fit on).
 */
export function fitOffset(
  examples: readonly ScoredExample[],
  calibration: { slope: number; intercept: number },
  minimum = 20,
): number | undefined {
  const positives = examples.filter((example) => example.label === 1).length;
  const negatives = examples.length - positives;
  if (positives < minimum || negatives < minimum) return undefined;
  let offset = 0;
  for (let iteration = 0; iteration < 300; iteration += 1) {
    let gradient = 0;
    for (const example of examples) {
      const weight = example.label === 1 ? 0.5 / positives : 0.5 / negatives;
      gradient +=
        (sigmoid(calibration.slope * example.logit + calibration.intercept + offset) - example.label) *
        weight;
    }
    offset -= 2 * gradient;
  }
  return offset;
}
