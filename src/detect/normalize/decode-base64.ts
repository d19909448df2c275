import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { bytesToText } from "./language.js";

/** A run made of letters only is a word or an identifier far more often than base64. */
const LETTERS_ONLY_PATTERN = /^[A-Za-z]+$/;
/** Trailing padding. */
const PADDING_PATTERN = /=+$/;

/**
 * Base64 and base64url: runs of 16 or more characters of the alphabet (found by
 * findEncodingCandidates), decoded when they give printable text with words.
 */
export const base64Decoder: SegmentDecoder = {
  via: "base64",
  decode({ text, candidates, maxSegmentChars }) {
    const segments: DecodedSegment[] = [];
    for (const [start, end] of candidates.base64Runs) {
      if (end - start > maxSegmentChars) continue;
      const run = text.slice(start, end);
      if (LETTERS_ONLY_PATTERN.test(run)) continue;
      const body = run.replace(PADDING_PATTERN, "");
      if (body.length % 4 === 1) continue;
      const decoded = bytesToText(Buffer.from(body, "base64"));
      if (decoded !== undefined) segments.push({ start, end, text: decoded });
    }
    return segments;
  },
};
