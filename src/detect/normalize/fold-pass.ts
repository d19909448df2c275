import { HOMOGLYPHS } from "./homoglyphs.js";
import { foldOne, foldsAlone, LEETSPEAK, type LeetReading, readLeet } from "./leetspeak.js";
import { type MappedText, MappedTextBuilder } from "./mapped-text.js";

export interface FoldResult {
  readonly mapped: MappedText;
  readonly homoglyphCount: number;
  readonly leetCount: number;
}

/**
 * A word that holds a leetspeak character or a character outside ASCII: the only words with
 * anything to fold. Words are runs of ASCII letters, digits, @, $ and any non-ASCII unit (no
 * Unicode property classes: they cost a table search per character). The lookbehind starts
 * matches at word starts only, so each word is scanned once: linear.
 */
const CANDIDATE_WORD_PATTERN =
  /(?<![A-Za-z0-9@$\u0080-\uffff])[A-Za-z0-9@$\u0080-\uffff]*?(?:[013457@$]|[\u0080-\uffff])[A-Za-z0-9@$\u0080-\uffff]*/g;
/** Something to fold: a leetspeak character next to a letter, or a character outside ASCII. */
const SOMETHING_TO_FOLD_PATTERN = /[A-Za-z][013457@$]|[013457@$][A-Za-z]|[\u0080-\uffff]/;
const LATIN_PATTERN = /[A-Za-z]/;
/** An ambiguous word is read as leetspeak when clear leetspeak starts within this many characters. */
export const LEET_CONTEXT_CHARS = 48;

interface Candidate {
  readonly start: number;
  readonly word: string;
  readonly lookAlikes: boolean;
  readonly leet: LeetReading;
}

/**
 * Folds look-alike letters and leetspeak, one word at a time. A look-alike is folded when its
 * word also has a Latin letter or consists only of look-alikes ("раураl", "сорy"), so ordinary
 * Russian or Greek words stay as they are. Leetspeak is folded as `readLeet` says, ambiguous
 * words only near clear leetspeak ("R3p347 7h3 1n57ruc710n5 47 7h3 b3g1nn1ng 0f") or when they
 * give a common word alone ("4ll").
 */
export function foldHomoglyphsAndLeet(input: MappedText): FoldResult {
  const text = input.text;
  if (!SOMETHING_TO_FOLD_PATTERN.test(text)) return { mapped: input, homoglyphCount: 0, leetCount: 0 };
  const candidates: Candidate[] = [];
  const clearStarts: number[] = [];
  for (const match of text.matchAll(CANDIDATE_WORD_PATTERN)) {
    const word = match[0];
    const lookAlikes = foldsLookAlikes(word);
    const leet = readLeet(word, text[match.index - 1], text[match.index + word.length]);
    if (!lookAlikes && leet === "no") continue;
    if (leet === "clear") clearStarts.push(match.index);
    candidates.push({ start: match.index, word, lookAlikes, leet });
  }
  const builder = new MappedTextBuilder(input);
  let homoglyphCount = 0;
  let leetCount = 0;
  let copyStart = 0;
  let nextClear = 0;
  for (const candidate of candidates) {
    while (
      nextClear < clearStarts.length &&
      (clearStarts[nextClear] ?? 0) < candidate.start - LEET_CONTEXT_CHARS
    )
      nextClear++;
    const nearClear =
      nextClear < clearStarts.length && (clearStarts[nextClear] ?? 0) <= candidate.start + LEET_CONTEXT_CHARS;
    const foldLeet =
      candidate.leet === "clear" ||
      (candidate.leet === "ambiguous" && (nearClear || foldsAlone(candidate.word)));
    const { word, start } = candidate;
    for (let offset = 0; offset < word.length; offset++) {
      const character = word[offset] ?? "";
      const lookAlike = candidate.lookAlikes ? HOMOGLYPHS.get(word.charCodeAt(offset)) : undefined;
      const leet = foldLeet && lookAlike === undefined ? LEETSPEAK.get(character) : undefined;
      if (lookAlike === undefined && leet === undefined) continue;
      let replacement = lookAlike ?? leet ?? character;
      if (lookAlike !== undefined) homoglyphCount++;
      else {
        leetCount++;
        if (character === "1") replacement = foldOne(word[offset - 1], word[offset + 1]);
      }
      builder.copy(copyStart, start + offset);
      builder.append(replacement, start + offset, start + offset + 1);
      copyStart = start + offset + 1;
    }
  }
  if (homoglyphCount === 0 && leetCount === 0) return { mapped: input, homoglyphCount, leetCount };
  builder.copy(copyStart, text.length);
  return { mapped: builder.build(), homoglyphCount, leetCount };
}

/** true when the word mixes look-alikes with Latin letters, or has only look-alike letters */
function foldsLookAlikes(word: string): boolean {
  let lookAlikes = 0;
  let otherLetters = 0;
  for (let offset = 0; offset < word.length; offset++) {
    const unit = word.charCodeAt(offset);
    if (unit < 0x80) continue;
    if (HOMOGLYPHS.has(unit)) lookAlikes++;
    else otherLetters++;
  }
  return lookAlikes > 0 && (LATIN_PATTERN.test(word) || otherLetters === 0);
}
