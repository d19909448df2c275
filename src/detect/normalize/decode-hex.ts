import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { bytesToText } from "./language.js";

/** "\x69\x67..." escapes, four or more: one fixed unit under one quantifier, linear. */
export const HEX_ESCAPES_PATTERN = /(?:\\x[0-9A-Fa-f]{2}){4,}/g;
/**
 * Bytes separated by spaces or colons ("69 67 6e 6f 72 65"), six or more, starting and ending
 * at word boundaries. Fixed units under one quantifier, lookbehind at the start: linear.
 */
export const SPACED_HEX_PATTERN = /(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{2}[ :]){5,}[0-9A-Fa-f]{2}(?![0-9A-Za-z])/g;
/** What is not a hex digit of the payload: escape prefixes, separators. */
const NOT_HEX_PATTERN = /\\x|[^0-9A-Fa-f]/g;

function decodeRun(run: string): string | undefined {
  const digits = run.replace(NOT_HEX_PATTERN, "");
  if (digits.length % 2 !== 0) return undefined;
  return bytesToText(Buffer.from(digits, "hex"));
}

/**
 * Hex-encoded bytes: words of 16+ hex digits ("69676e6f7265", found by findEncodingCandidates),
 * "\x69" escapes and spaced bytes; decoded when they give printable text with words.
 */
export const hexDecoder: SegmentDecoder = {
  via: "hex",
  decode({ text, candidates, maxSegmentChars }) {
    const segments: DecodedSegment[] = [];
    const add = (start: number, end: number) => {
      if (end - start > maxSegmentChars) return;
      const decoded = decodeRun(text.slice(start, end));
      if (decoded !== undefined) segments.push({ start, end, text: decoded });
    };
    for (const [start, end] of candidates.hexRuns) add(start, end);
    if (candidates.hasHexEscape) {
      for (const match of text.matchAll(HEX_ESCAPES_PATTERN)) add(match.index, match.index + match[0].length);
    }
    if (candidates.hasSpacedHex) {
      for (const match of text.matchAll(SPACED_HEX_PATTERN)) add(match.index, match.index + match[0].length);
    }
    return segments.sort((a, b) => a.start - b.start);
  },
};
