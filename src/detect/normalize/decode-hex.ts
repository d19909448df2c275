import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { bytesToText } from "./language.js";

/**
 * Hex-encoded bytes: "\x69\x67" escapes, bytes separated by spaces or colons ("69 67 6e 6f"),
 * or a run of 16+ hex digits ("69676e6f7265"). Each branch is a fixed unit under one quantifier
 * and starts only where hex starts (lookbehind), so matching is linear.
 */
export const HEX_RUN_PATTERN =
  /(?:\\x[0-9A-Fa-f]{2}){4,}|(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{2}[ :]){5,}[0-9A-Fa-f]{2}(?![0-9A-Za-z])|(?<![0-9A-Za-z])[0-9A-Fa-f]{16,}(?![0-9A-Za-z])/g;
/** Cheap test before the scan: an escape, three spaced hex pairs, or 16 hex digits in a row. */
const HEX_HINT_PATTERN =
  /\\x[0-9A-Fa-f]{2}|[0-9A-Fa-f]{2}[ :][0-9A-Fa-f]{2}[ :][0-9A-Fa-f]{2}|[0-9A-Fa-f]{16}/;
/** What is not a hex digit of the payload: escape prefixes, separators. */
const NOT_HEX_PATTERN = /\\x|[^0-9A-Fa-f]/g;

export const hexDecoder: SegmentDecoder = {
  via: "hex",
  decode(text, maxSegmentChars) {
    const segments: DecodedSegment[] = [];
    if (!HEX_HINT_PATTERN.test(text)) return segments;
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
