import type { TextView } from "../detector.js";
import { base64Decoder } from "./decode-base64.js";
import { hexDecoder } from "./decode-hex.js";
import { rot13Decoder } from "./decode-rot13.js";
import { urlDecoder } from "./decode-url.js";
import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { findEncodingCandidates } from "./encoding-candidates.js";

/** The decoders, in the order they run on each source view. */
export const SEGMENT_DECODERS: readonly SegmentDecoder[] = [
  base64Decoder,
  hexDecoder,
  urlDecoder,
  rot13Decoder,
];

export interface DecodeLimits {
  /** decoding levels: 1 decodes the text, 2 also decodes what was decoded */
  readonly maxDepth: number;
  /** decoded segments in total */
  readonly maxSegments: number;
  /** decoded characters in total */
  readonly maxDecodedChars: number;
  /** an encoded segment longer than this is not decoded */
  readonly maxSegmentChars: number;
}

/**
 * Decodes encoded segments of the source views, then of what they gave, up to `maxDepth`
 * levels and within the size limits. Each decoded view maps back through its source view.
 */
export function decodeViews(sources: readonly TextView[], limits: DecodeLimits): TextView[] {
  const decoded: TextView[] = [];
  let budgetChars = limits.maxDecodedChars;
  let level: readonly TextView[] = sources;
  for (let depth = 1; depth <= limits.maxDepth && level.length > 0; depth++) {
    const next: TextView[] = [];
    for (const source of level) {
      const input = {
        text: source.text,
        candidates: findEncodingCandidates(source.text),
        maxSegmentChars: limits.maxSegmentChars,
      };
      for (const decoder of SEGMENT_DECODERS) {
        for (const segment of decoder.decode(input)) {
          if (decoded.length >= limits.maxSegments || segment.text.length > budgetChars) return decoded;
          budgetChars -= segment.text.length;
          const view = decodedView(source, decoder.via, segment);
          decoded.push(view);
          next.push(view);
        }
      }
    }
    level = next;
  }
  return decoded;
}

function decodedView(source: TextView, via: string, segment: DecodedSegment): TextView {
  const chain = source.kind === "decoded" && source.via !== undefined ? `${source.via}>${via}` : via;
  const { start, end } = segment;
  if (segment.sameLayout === true) {
    return {
      kind: "decoded",
      via: chain,
      text: segment.text,
      toOriginal: (from, to) => {
        const clampedFrom = Math.max(0, Math.min(from, segment.text.length));
        const clampedTo = Math.max(clampedFrom, Math.min(to, segment.text.length));
        return source.toOriginal(start + clampedFrom, start + clampedTo);
      },
    };
  }
  const origin = source.toOriginal(start, end);
  return { kind: "decoded", via: chain, text: segment.text, toOriginal: () => origin };
}
