import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { bytesToText } from "./language.js";

/**
 * A base64 or base64url run: 16 or more characters of the alphabet, optional padding, starting
 * where the alphabet starts (the lookbehind stops retries inside a run), so matching is linear.
 */
export const BASE64_RUN_PATTERN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}/g;
/** A run made of letters only is a word or an identifier far more often than base64. */
const LETTERS_ONLY_PATTERN = /^[A-Za-z]+$/;

export const base64Decoder: SegmentDecoder = {
  via: "base64",
  decode(text, maxSegmentChars) {
    const segments: DecodedSegment[] = [];
    for (const match of text.matchAll(BASE64_RUN_PATTERN)) {
      const run = match[0];
      if (run.length > maxSegmentChars || LETTERS_ONLY_PATTERN.test(run)) continue;
      const body = run.replace(/=+$/, "");
      if (body.length % 4 === 1) continue;
      const decoded = bytesToText(Buffer.from(body, "base64"));
      if (decoded === undefined) continue;
      segments.push({ start: match.index, end: match.index + run.length, text: decoded });
    }
    return segments;
  },
};
