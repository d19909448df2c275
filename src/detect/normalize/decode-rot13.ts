import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { commonWordShare, looksLikeLanguage } from "./language.js";

/**
 * Frequent words after rot13 ("gur" = "the", "naq" = "and", "vtaber" = "ignore"...). A text
 * without any of them is not rot13 and is skipped with one scan.
 */
const ROT13_HINT_PATTERN =
  /\b(?:gur|naq|gb|bs|lbh|lbhe|vf|ner|vg|va|sbe|jvgu|guvf|gung|nyy|vtaber|cerivbhf|vafgehpgvbaf|cebzcg|flfgrz|frperg|cnffjbeq|erirny|cevag|gryy|sbetrg|ehyrf)\b/i;
/** A line: rot13 is tried one line at a time. */
const LINE_PATTERN = /[^\n]+/g;
/** A line whose words are already a quarter common words is plain text, not rot13. */
const PLAIN_SHARE = 0.25;

export function rot13(text: string): string {
  let out = "";
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x41 && unit <= 0x5a) out += String.fromCharCode(((unit - 0x41 + 13) % 26) + 0x41);
    else if (unit >= 0x61 && unit <= 0x7a) out += String.fromCharCode(((unit - 0x61 + 13) % 26) + 0x61);
    else out += text[index];
  }
  return out;
}

/** Lines that read as language once rotated, and did not before. */
export const rot13Decoder: SegmentDecoder = {
  via: "rot13",
  decode({ text, maxSegmentChars }) {
    const segments: DecodedSegment[] = [];
    if (!ROT13_HINT_PATTERN.test(text)) return segments;
    for (const match of text.matchAll(LINE_PATTERN)) {
      const line = match[0];
      if (line.length > maxSegmentChars) continue;
      const before = commonWordShare(line);
      if (before.words < 2 || before.common >= before.words * PLAIN_SHARE) continue;
      const rotated = rot13(line);
      if (!looksLikeLanguage(rotated)) continue;
      segments.push({ start: match.index, end: match.index + line.length, text: rotated, sameLayout: true });
    }
    return segments;
  },
};
