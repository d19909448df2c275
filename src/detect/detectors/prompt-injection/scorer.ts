import { emitFeatures, namedFeatureIndex, prepareText } from "./features.js";
import type { PromptInjectionModel } from "./model.js";
import { findSignals, type SignalHit } from "./signals.js";

/** The model's view of one text: the most suspicious window and the structural hits. */
export interface ViewScore {
  /** raw logit of the most suspicious window */
  readonly logit: number;
  /** calibrated probability of that window */
  readonly probability: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly hits: readonly SignalHit[];
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** The feature name of a structural hit, shared by training and scoring. */
export function signalFeatureName(hit: SignalHit): string {
  return `signal:${hit.name}`;
}

// growable scratch buffers, reused across calls (detect is synchronous, so this is safe)
let positions = new Int32Array(4096);
let prefix = new Float64Array(4097);

function ensureCapacity(size: number): void {
  if (size < positions.length) return;
  let next = positions.length;
  while (next <= size) next *= 2;
  const grownPositions = new Int32Array(next);
  grownPositions.set(positions);
  positions = grownPositions;
  const grownPrefix = new Float64Array(next + 1);
  grownPrefix.set(prefix);
  prefix = grownPrefix;
}

/**
 * Scores every window of `text` (size and stride from the model) and returns the worst one.
 * A window's logit is `bias + sum(weights of its features) / sqrt(feature count)`: the same
 * formula the trainer fits. Work is linear in the text length whatever the window overlap.
 */
export function scoreView(model: PromptInjectionModel, text: string): ViewScore {
  const { weights, mask, meta } = model;
  const hits = findSignals(text);
  let count = 0;
  let running = 0;
  prefix[0] = 0;
  emitFeatures(prepareText(text), mask, (index, position) => {
    ensureCapacity(count + 1);
    running += weights[index] ?? 0;
    positions[count] = position;
    count += 1;
    prefix[count] = running;
  });
  const hitWeights = hits.map((hit) => weights[namedFeatureIndex(signalFeatureName(hit), mask)] ?? 0);
  const { size, stride } = meta.window;
  let best = { logit: Number.NEGATIVE_INFINITY, start: 0, end: text.length };
  let low = 0;
  let high = 0;
  for (let start = 0; ; start += stride) {
    const end = Math.min(text.length, start + size);
    while (low < count && (positions[low] ?? 0) < start) low += 1;
    if (high < low) high = low;
    while (high < count && (positions[high] ?? 0) < end) high += 1;
    let sum = (prefix[high] ?? 0) - (prefix[low] ?? 0);
    let features = high - low;
    hits.forEach((hit, index) => {
      if (hit.start >= start && hit.start < end) {
        sum += hitWeights[index] ?? 0;
        features += 1;
      }
    });
    const logit = meta.bias + (features > 0 ? sum / Math.sqrt(features) : 0);
    if (logit > best.logit) best = { logit, start, end };
    if (end >= text.length) break;
  }
  const { slope, intercept } = meta.calibration;
  return {
    logit: best.logit,
    probability: sigmoid(slope * best.logit + intercept),
    windowStart: best.start,
    windowEnd: best.end,
    hits,
  };
}

/** Feature indices of a whole text (one training example), structural signals included. */
export function exampleFeatures(text: string, mask: number): Int32Array {
  const indices: number[] = [];
  emitFeatures(prepareText(text), mask, (index) => {
    indices.push(index);
  });
  for (const hit of findSignals(text)) indices.push(namedFeatureIndex(signalFeatureName(hit), mask));
  return Int32Array.from(indices);
}
