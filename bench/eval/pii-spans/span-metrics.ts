/**
 * Span-level precision, recall and F1 per type, with two matching rules:
 * - exact: same type and the same start and end (one prediction per gold span);
 * - overlap: a gold span counts as found when a prediction of its type overlaps it, and a
 *   prediction counts as correct when it overlaps a gold span of its type.
 */
export interface Span {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

export interface SpanCounts {
  gold: number;
  predicted: number;
  exactMatches: number;
  goldOverlapped: number;
  predictedOverlapping: number;
}

export interface SpanScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function emptyCounts(): SpanCounts {
  return { gold: 0, predicted: 0, exactMatches: 0, goldOverlapped: 0, predictedOverlapping: 0 };
}

function overlaps(left: Span, right: Span): boolean {
  return left.type === right.type && left.start < right.end && right.start < left.end;
}

/** Adds one document's gold and predicted spans of one type to `counts`. */
export function addDocument(counts: SpanCounts, gold: readonly Span[], predicted: readonly Span[]): void {
  counts.gold += gold.length;
  counts.predicted += predicted.length;
  const used = new Set<number>();
  for (const prediction of predicted) {
    const index = gold.findIndex(
      (span, position) =>
        !used.has(position) && span.start === prediction.start && span.end === prediction.end,
    );
    if (index >= 0) {
      used.add(index);
      counts.exactMatches++;
    }
  }
  counts.goldOverlapped += gold.filter((span) =>
    predicted.some((prediction) => overlaps(span, prediction)),
  ).length;
  counts.predictedOverlapping += predicted.filter((prediction) =>
    gold.some((span) => overlaps(span, prediction)),
  ).length;
}

function scores(
  truePositivesForPrecision: number,
  predicted: number,
  truePositivesForRecall: number,
  gold: number,
): SpanScores {
  const precision = predicted === 0 ? Number.NaN : truePositivesForPrecision / predicted;
  const recall = gold === 0 ? Number.NaN : truePositivesForRecall / gold;
  const f1 =
    precision + recall === 0 || Number.isNaN(precision) || Number.isNaN(recall)
      ? Number.NaN
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function exactScores(counts: SpanCounts): SpanScores {
  return scores(counts.exactMatches, counts.predicted, counts.exactMatches, counts.gold);
}

export function overlapScores(counts: SpanCounts): SpanScores {
  return scores(counts.predictedOverlapping, counts.predicted, counts.goldOverlapped, counts.gold);
}

export function sumCounts(all: readonly SpanCounts[]): SpanCounts {
  const total = emptyCounts();
  for (const counts of all) {
    total.gold += counts.gold;
    total.predicted += counts.predicted;
    total.exactMatches += counts.exactMatches;
    total.goldOverlapped += counts.goldOverlapped;
    total.predictedOverlapping += counts.predictedOverlapping;
  }
  return total;
}

export function formatScore(value: number): string {
  return Number.isNaN(value) ? "–" : value.toFixed(3);
}
