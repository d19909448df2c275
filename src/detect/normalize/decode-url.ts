import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { isPrintableText } from "./language.js";

/** A token without whitespace that holds a percent-encoded byte. Linear: \S* never retries inside a token. */
const TOKEN_PATTERN = /(?<!\S)\S*%[0-9A-Fa-f]{2}\S*/g;
/** One percent-encoded byte. */
const PERCENT_BYTE_PATTERN = /%[0-9A-Fa-f]{2}/g;
/** Percent-encoded bytes a token needs before it is decoded ("%20" alone is ordinary). */
export const MIN_PERCENT_BYTES = 3;

export const urlDecoder: SegmentDecoder = {
  via: "url",
  decode({ text, candidates, maxSegmentChars }) {
    const segments: DecodedSegment[] = [];
    if (!candidates.hasPercentByte) return segments;
    for (const match of text.matchAll(TOKEN_PATTERN)) {
      const token = match[0];
      if (token.length > maxSegmentChars || !token.includes("%")) continue;
      const bytes = token.match(PERCENT_BYTE_PATTERN)?.length ?? 0;
      if (bytes < MIN_PERCENT_BYTES) continue;
      let decoded: string;
      try {
        decoded = decodeURIComponent(token.replaceAll("+", " "));
      } catch {
        continue;
      }
      if (decoded === token || !isPrintableText(decoded)) continue;
      segments.push({ start: match.index, end: match.index + token.length, text: decoded });
    }
    return segments;
  },
};
