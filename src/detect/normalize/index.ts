import type { NormalizationSignals, TextView } from "../detector.js";
import { type DecodeLimits, decodeViews } from "./decode-views.js";
import { foldHomoglyphsAndLeet } from "./fold-pass.js";
import { bytesToText } from "./language.js";
import { identityMapped, mappedView, segmentView } from "./mapped-text.js";
import { joinSpacedLetters } from "./spaced-letters.js";
import { unicodePass } from "./unicode-pass.js";

export type { DecodeLimits } from "./decode-views.js";
export type { MappedText } from "./mapped-text.js";

/** Limits of the decoding stage; the other stages are linear and need none. */
export type NormalizeLimits = DecodeLimits;

export const DEFAULT_NORMALIZE_LIMITS: NormalizeLimits = Object.freeze({
  maxDepth: 2,
  maxSegments: 32,
  maxDecodedChars: 64 * 1024,
  maxSegmentChars: 64 * 1024,
});

export interface NormalizeResult {
  /**
   * views[0] is the original text. Then, only when they differ from what came before:
   * `normalized` via "nfkc" (NFKC, invisible characters removed), `normalized` via "folded"
   * (also spaced letters joined, look-alikes and leetspeak folded), and `decoded` views via
   * "unicode-tags", "variation-selectors", "base64", "hex", "url", "rot13" (chains such as
   * "base64>hex" for nested encodings).
   */
  readonly views: readonly TextView[];
  readonly signals: NormalizationSignals;
}

/**
 * Normalises a text once for every detector. Linear in the length of the text; decoding is
 * bounded by `limits`. Every view maps spans back to original UTF-16 offsets (`toOriginal`).
 */
export function normalize(text: string, limits: Partial<NormalizeLimits> = {}): NormalizeResult {
  const merged: NormalizeLimits = {
    maxDepth: limits.maxDepth ?? DEFAULT_NORMALIZE_LIMITS.maxDepth,
    maxSegments: limits.maxSegments ?? DEFAULT_NORMALIZE_LIMITS.maxSegments,
    maxDecodedChars: limits.maxDecodedChars ?? DEFAULT_NORMALIZE_LIMITS.maxDecodedChars,
    maxSegmentChars: limits.maxSegmentChars ?? DEFAULT_NORMALIZE_LIMITS.maxSegmentChars,
  };
  const original = identityMapped(text);
  const originalView = mappedView("original", "original", original);
  const views: TextView[] = [originalView];
  const unicode = unicodePass(text);
  const nfkcView =
    unicode.normalized.text === text ? undefined : mappedView("normalized", "nfkc", unicode.normalized);
  if (nfkcView !== undefined) views.push(nfkcView);
  const spaced = joinSpacedLetters(unicode.normalized);
  const folded = foldHomoglyphsAndLeet(spaced.mapped);
  if (folded.mapped.text !== unicode.normalized.text)
    views.push(mappedView("normalized", "folded", folded.mapped));
  const hidden: TextView[] = [];
  if (unicode.tagText.text.length > 0) hidden.push(mappedView("decoded", "unicode-tags", unicode.tagText));
  for (const run of unicode.selectorRuns) {
    const decoded = bytesToText(run.bytes);
    if (decoded !== undefined) hidden.push(segmentView("variation-selectors", decoded, [run.start, run.end]));
  }
  views.push(...hidden);
  const decoded = decodeViews([nfkcView ?? originalView, ...hidden], merged);
  views.push(...decoded);
  return {
    views,
    signals: {
      zeroWidthCount: unicode.zeroWidthCount,
      bidiControlCount: unicode.bidiControlCount,
      tagCharacterCount: unicode.tagCharacterCount,
      tagText: unicode.tagText.text,
      decodedSegments: decoded.length,
      homoglyphCount: folded.homoglyphCount,
    },
  };
}
