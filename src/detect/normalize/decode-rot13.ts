import type { DecodedSegment, SegmentDecoder } from "./decoded-segment.js";
import { commonWordShare, looksLikeLanguage } from "./language.js";

/**
 * Frequent words of three letters or more after rot13 ("gur" = "the", "naq" = "and", "vtaber" =
 * "ignore"...), delimited by anything but a letter. A text without any of them is not rot13 and
 * is skipped with one scan (two-letter words such as "na" or "or" occur in too many languages).
 */
const ROT13_HINT_PATTERN =
  /(?<![A-Za-z\u00c0-\uffff])(?:gur|naq|lbh|lbhe|ner|sbe|jvgu|guvf|gung|sebz|nobhg|abg|pna|jung|ubj|jvyy|nal|nyy|vtaber|cerivbhf|vafgehpgvbaf|cebzcg|flfgrz|frperg|cnffjbeq|erirny|cevag|gryy|sbetrg|ehyrf|hfre|bhgchg|pbqr)(?![A-Za-z\u00c0-\uffff])/i;
/**
 * A sentence: text up to and including its end punctuation, or up to a line break. Disjoint
 * classes under one quantifier each: linear. Rot13 is judged one sentence at a time, so a
 * sentence in rot13 inside plain text is still found; qualifying neighbours are merged.
 */
const SENTENCE_PATTERN = /[^.!?;:\n]+[.!?;:]*/g;
/** A line: judged whole first; when the whole line does not qualify, sentence by sentence. */
const LINE_PATTERN = /[^\n]+/g;
/** A sentence whose words are already a quarter common words is plain text, not rot13. */
const PLAIN_SHARE = 0.25;
/** Characters allowed between two rot13 sentences that are merged into one segment. */
const MAX_MERGE_GAP = 2;

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

function isRot13Sentence(sentence: string): boolean {
  const before = commonWordShare(sentence);
  if (before.words < 2 || before.common >= before.words * PLAIN_SHARE) return false;
  return looksLikeLanguage(rot13(sentence));
}

/** Lines, or else sentences, that read as language once rotated and did not before. */
export const rot13Decoder: SegmentDecoder = {
  via: "rot13",
  decode({ text, maxSegmentChars }) {
    const segments: DecodedSegment[] = [];
    if (!ROT13_HINT_PATTERN.test(text)) return segments;
    for (const match of text.matchAll(LINE_PATTERN)) {
      const line = match[0];
      if (line.length > maxSegmentChars) continue;
      if (isRot13Sentence(line)) {
        segments.push({
          start: match.index,
          end: match.index + line.length,
          text: rot13(line),
          sameLayout: true,
        });
      } else segments.push(...rot13Sentences(line, match.index, maxSegmentChars));
    }
    return segments;
  },
};

/** Rot13 sentences of one line, neighbours merged; offsets relative to the text. */
function rot13Sentences(text: string, offset: number, maxSegmentChars: number): DecodedSegment[] {
  const segments: DecodedSegment[] = [];
  let open: { start: number; end: number } | undefined;
  const close = () => {
    if (open === undefined) return;
    const slice = text.slice(open.start, open.end);
    segments.push({
      start: offset + open.start,
      end: offset + open.end,
      text: rot13(slice),
      sameLayout: true,
    });
    open = undefined;
  };
  for (const match of text.matchAll(SENTENCE_PATTERN)) {
    const sentence = match[0];
    if (sentence.length > maxSegmentChars || !isRot13Sentence(sentence)) {
      close();
      continue;
    }
    const start = match.index + (sentence.length - sentence.trimStart().length);
    const end = match.index + sentence.length;
    if (open !== undefined && start - open.end <= MAX_MERGE_GAP && end - open.start <= maxSegmentChars)
      open.end = end;
    else {
      close();
      open = { start, end };
    }
  }
  close();
  return segments;
}
