/**
 * Detection metrics shared by every detector evaluation: confusion counts, precision, recall,
 * F1, FPR, TPR at a fixed FPR, ROC-AUC, Wilson intervals for proportions and bootstrap intervals
 * for AUC and F1. Scores are in [0, 1]; labels are 1 (attack) or 0 (benign).
 */

export interface Scored {
  readonly score: number;
  readonly label: 0 | 1;
  /** the binary decision at the detector's operating point */
  readonly flagged: boolean;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface Confusion {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
}

export function confusion(items: readonly Scored[]): Confusion {
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (const item of items) {
    if (item.label === 1) item.flagged ? truePositives++ : falseNegatives++;
    else item.flagged ? falsePositives++ : trueNegatives++;
  }
  return { truePositives, falsePositives, trueNegatives, falseNegatives };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

export function precision(counts: Confusion): number {
  return ratio(counts.truePositives, counts.truePositives + counts.falsePositives);
}

export function recall(counts: Confusion): number {
  return ratio(counts.truePositives, counts.truePositives + counts.falseNegatives);
}

export function falsePositiveRate(counts: Confusion): number {
  return ratio(counts.falsePositives, counts.falsePositives + counts.trueNegatives);
}

export function f1(counts: Confusion): number {
  const denominator = 2 * counts.truePositives + counts.falsePositives + counts.falseNegatives;
  return ratio(2 * counts.truePositives, denominator);
}

/** Wilson score interval for a proportion k/n (95% by default). */
export function wilson(successes: number, total: number, z = 1.96): Interval {
  if (total === 0) return { low: Number.NaN, high: Number.NaN };
  const proportion = successes / total;
  const denominator = 1 + (z * z) / total;
  const center = (proportion + (z * z) / (2 * total)) / denominator;
  const margin =
    (z * Math.sqrt((proportion * (1 - proportion)) / total + (z * z) / (4 * total * total))) / denominator;
  return { low: Math.max(0, center - margin), high: Math.min(1, center + margin) };
}

/** ROC-AUC as the Mann-Whitney probability that a positive outscores a negative (ties count half). */
export function rocAuc(items: readonly Scored[]): number {
  const sorted = [...items].sort((left, right) => left.score - right.score);
  let positives = 0;
  let negatives = 0;
  let rankSum = 0;
  let index = 0;
  while (index < sorted.length) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1]?.score === sorted[index]?.score) end++;
    const averageRank = (index + end) / 2 + 1;
    for (let position = index; position <= end; position++) {
      if (sorted[position]?.label === 1) {
        positives++;
        rankSum += averageRank;
      } else negatives++;
    }
    index = end + 1;
  }
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The recall reached when the threshold lets at most `rate` of the negatives through. */
export function tprAtFpr(items: readonly Scored[], rate = 0.01): number {
  const negatives = items.filter((item) => item.label === 0).map((item) => item.score);
  const positives = items.filter((item) => item.label === 1).map((item) => item.score);
  if (negatives.length === 0 || positives.length === 0) return Number.NaN;
  negatives.sort((left, right) => right - left);
  const threshold = negatives[Math.floor(rate * negatives.length)] ?? 0;
  return positives.filter((score) => score > threshold).length / positives.length;
}

/** A small seeded PRNG for the bootstrap (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Percentile bootstrap interval of a statistic, resampling positives and negatives separately. */
export function bootstrap(
  items: readonly Scored[],
  statistic: (sample: readonly Scored[]) => number,
  iterations = 200,
  seed = 17,
): Interval {
  const random = seeded(seed);
  const positives = items.filter((item) => item.label === 1);
  const negatives = items.filter((item) => item.label === 0);
  const values: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const sample: Scored[] = [];
    for (const group of [positives, negatives]) {
      for (let index = 0; index < group.length; index++) {
        const item = group[Math.floor(random() * group.length)];
        if (item) sample.push(item);
      }
    }
    const value = statistic(sample);
    if (!Number.isNaN(value)) values.push(value);
  }
  if (values.length === 0) return { low: Number.NaN, high: Number.NaN };
  values.sort((left, right) => left - right);
  return {
    low: values[Math.floor(0.025 * (values.length - 1))] ?? Number.NaN,
    high: values[Math.ceil(0.975 * (values.length - 1))] ?? Number.NaN,
  };
}

export interface MetricsRow {
  readonly positives: number;
  readonly negatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly recallInterval: Interval;
  readonly f1: number;
  readonly f1Interval: Interval;
  readonly fpr: number;
  readonly fprInterval: Interval;
  readonly tprAtFpr1: number;
  readonly auc: number;
  readonly aucInterval: Interval;
}

/** Every metric of one evaluated set. Bootstrap intervals only when `intervals` is set (they cost time). */
export function summarise(items: readonly Scored[], intervals = true): MetricsRow {
  const counts = confusion(items);
  const positives = counts.truePositives + counts.falseNegatives;
  const negatives = counts.falsePositives + counts.trueNegatives;
  const none = { low: Number.NaN, high: Number.NaN };
  return {
    positives,
    negatives,
    precision: precision(counts),
    recall: recall(counts),
    recallInterval: wilson(counts.truePositives, positives),
    f1: f1(counts),
    f1Interval: intervals && positives > 0 ? bootstrap(items, (sample) => f1(confusion(sample))) : none,
    fpr: falsePositiveRate(counts),
    fprInterval: wilson(counts.falsePositives, negatives),
    tprAtFpr1: tprAtFpr(items, 0.01),
    auc: rocAuc(items),
    aucInterval: intervals && positives > 0 && negatives > 0 ? bootstrap(items, rocAuc) : none,
  };
}

/** Formats a number with an optional interval: "0.912 (0.880–0.938)"; "–" when undefined. */
export function formatMetric(value: number, interval?: Interval, digits = 3): string {
  if (Number.isNaN(value)) return "–";
  const main = value.toFixed(digits);
  if (!interval || Number.isNaN(interval.low)) return main;
  return `${main} (${interval.low.toFixed(digits)}–${interval.high.toFixed(digits)})`;
}
