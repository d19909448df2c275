import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { bytesToText } from "./language.js";

/**
 * Hex-encoded bytes: a run of 16+ hex digits ("69676e6f7265"), "\x69\x67" escapes, or bytes
 * separated by spaces or colons ("69 67 6e 6f"). Each branch is a fixed unit under one
 * quantifier, so matching is linear.
 */
export const HEX_RUN_PATTERN =
  /(?:\\x[0-9A-Fa-f]{2}){4,}|(?:[0-9A-Fa-f]{2}[ :]){5,}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{16,}/g;
const NOT_HEX_PATTERN = /\\x|[^0-9A-Fa-f]/g;

export const hexDecoder: SegmentDecoder = {
  via: "hex",
  decode(text, maxSegmentChars) {
    const segments: DecodedSegment[] = [];
    for (const match of text.matchAll(HEX_RUN_PATTERN)) {
      const run = match[0];
      if (run.length > maxSegmentChars) continue;
      const digits = run.replace(NOT_HEX_PATTERN, "");
      if (digits.length % 2 !== 0) continue;
      const decoded = bytesToText(Buffer.from(digits, "hex"));
      if (decoded === undefined) continue;
      segments.push({ start: match.index, end: match.index + run.length, text: decoded });
    }
    return segments;
  },
};
