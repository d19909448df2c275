import { emitFeatures, extractFeatures, FeatureBuffer, namedFeatureIndex, prepareText } from "./features.js";
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

/** Han, kana and Hangul code units (U+3040-U+30FF, U+3400-U+4DBF, U+4E00-U+9FFF, U+AC00-U+D7AF, U+F900-U+FAFF). */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Letters of other scripts: ASCII, Latin-1 to Latin Extended, Greek and Cyrillic. */
function isOtherLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f) ||
    (code >= 0x370 && code <= 0x4ff)
  );
}

/** True when at least half of the letters of `text` are CJK characters. One pass, no allocation. */
export function mostlyCjk(text: string): boolean {
  let cjk = 0;
  let other = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isCjk(code)) cjk += 1;
    else if (isOtherLetter(code)) other += 1;
  }
  return cjk > 0 && cjk >= other;
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** The feature name of a structural hit, shared by training and scoring. */
export function signalFeatureName(hit: SignalHit): string {
  return `signal:${hit.name}`;
}

// scratch buffers, reused across calls (detect is synchronous, so this is safe)
const featureBuffer = new FeatureBuffer();
let prefix = new Float64Array(4097);

/** Texts longer than this are scored in segments, so memory stays bounded. */
const SEGMENT_CHARS = 64 * 1024;

/**
 * Scores every window of `text` at every scale of the model and returns the worst one. A
 * window's logit is `bias + sum(n-gram weights) / sqrt(n-gram count) + sum(signal weights)`: the
 * formula the trainer fits. N-grams are averaged (so length does not inflate the score) while a
 * structural signal adds its learned log-odds in full (so a long benign prefix cannot dilute it).
 * Work is linear in the text length whatever the overlap of the windows.
 */
export function scoreView(model: PromptInjectionModel, text: string): ViewScore {
  const largest = model.meta.windows[0]?.size ?? 1024;
  if (text.length <= SEGMENT_CHARS + largest) return scoreSegment(model, text);
  let best: ViewScore | undefined;
  const hits: SignalHit[] = [];
  for (let offset = 0; offset < text.length; offset += SEGMENT_CHARS) {
    const end = Math.min(text.length, offset + SEGMENT_CHARS + largest);
    const segment = scoreSegment(model, text.slice(offset, end));
    for (const hit of segment.hits) {
      if (hit.start < SEGMENT_CHARS || end === text.length) {
        hits.push({ ...hit, start: hit.start + offset, end: hit.end + offset });
      }
    }
    if (!best || segment.logit > best.logit) {
      best = { ...segment, windowStart: segment.windowStart + offset, windowEnd: segment.windowEnd + offset };
    }
    if (end === text.length) break;
  }
  return best ? { ...best, hits } : scoreSegment(model, "");
}

function scoreSegment(model: PromptInjectionModel, text: string): ViewScore {
  const { weights, mask, meta } = model;
  const hits = findSignals(text);
  const count = extractFeatures(prepareText(text), mask, featureBuffer);
  const { indices, positions } = featureBuffer;
  if (prefix.length < count + 1) prefix = new Float64Array(featureBuffer.indices.length + 1);
  let running = 0;
  prefix[0] = 0;
  for (let index = 0; index < count; index += 1) {
    running += weights[indices[index] ?? 0] ?? 0;
    prefix[index + 1] = running;
  }
  const hitWeights = hits.map((hit) => weights[namedFeatureIndex(signalFeatureName(hit), mask)] ?? 0);
  let best = { logit: Number.NEGATIVE_INFINITY, start: 0, end: text.length };
  for (const { size, stride } of meta.windows) {
    let low = 0;
    let high = 0;
    for (let start = 0; ; start += stride) {
      const end = Math.min(text.length, start + size);
      while (low < count && (positions[low] ?? 0) < start) low += 1;
      if (high < low) high = low;
      while (high < count && (positions[high] ?? 0) < end) high += 1;
      const features = high - low;
      let logit =
        meta.bias + (features > 0 ? ((prefix[high] ?? 0) - (prefix[low] ?? 0)) / Math.sqrt(features) : 0);
      for (let index = 0; index < hits.length; index += 1) {
        const hit = hits[index];
        if (hit && hit.start >= start && hit.start < end) logit += hitWeights[index] ?? 0;
      }
      if (logit > best.logit) best = { logit, start, end };
      if (end >= text.length) break;
    }
    // a text that fits in one window of this scale has nothing more to show at smaller scales
    if (text.length <= size) break;
  }
  const { slope, intercept, cjkOffset } = meta.calibration;
  const offset = cjkOffset !== undefined && mostlyCjk(text) ? cjkOffset : 0;
  return {
    logit: best.logit,
    probability: sigmoid(slope * best.logit + intercept + offset),
    windowStart: best.start,
    windowEnd: best.end,
    hits,
  };
}

/** The features of one training example: hashed n-grams (averaged) and structural signals (added). */
export interface ExampleFeatures {
  readonly ngrams: Int32Array;
  readonly signals: Int32Array;
}

export function exampleFeatures(text: string, mask: number): ExampleFeatures {
  const indices: number[] = [];
  emitFeatures(prepareText(text), mask, (index) => {
    indices.push(index);
  });
  const signals = findSignals(text).map((hit) => namedFeatureIndex(signalFeatureName(hit), mask));
  return { ngrams: Int32Array.from(indices), signals: Int32Array.from(signals) };
}
