import { HOMOGLYPHS } from "./homoglyphs.js";
import { foldOne, LEETSPEAK } from "./leetspeak.js";
import { type MappedText, MappedTextBuilder } from "./mapped-text.js";

export interface FoldResult {
  readonly mapped: MappedText;
  readonly homoglyphCount: number;
  readonly leetCount: number;
}

/** Longer words are identifiers or encoded data, not leetspeak. */
export const MAX_LEET_WORD = 24;
/** A word: letters and digits of any script, and the leetspeak symbols @ and $. */
const WORD_PATTERN = /[\p{L}\p{N}@$]+/gu;
/** Words with nothing to fold: ASCII letters only (most words). */
const PLAIN_WORD_PATTERN = /^[A-Za-z]+$/;
/** Leetspeak characters. */
const LEET_PATTERN = /[013457@$]/;
/** Digits that are not leetspeak: a word with one ("sha256", "x86", "h264") is left alone. */
const PLAIN_DIGIT_PATTERN = /[2689]/;
/** A Latin letter. */
const LATIN_PATTERN = /[A-Za-z]/;
/** Any letter. */
const LETTER_PATTERN = /\p{L}/u;

/**
 * Folds look-alike letters and leetspeak, one word at a time. A look-alike is folded when its
 * word also has a Latin letter or consists only of look-alikes ("раураl", "сорy"), so ordinary
 * Russian or Greek words stay as they are. Leetspeak is folded in words of at most
 * MAX_LEET_WORD units that have a letter and no digit outside the leetspeak table.
 */
export function foldHomoglyphsAndLeet(input: MappedText): FoldResult {
  const text = input.text;
  const builder = new MappedTextBuilder(input);
  let homoglyphCount = 0;
  let leetCount = 0;
  let copyStart = 0;
  for (const match of text.matchAll(WORD_PATTERN)) {
    const word = match[0];
    if (PLAIN_WORD_PATTERN.test(word)) continue;
    const ascii = !/[^\x20-\x7e]/.test(word);
    const hasLeet = LEET_PATTERN.test(word);
    if (ascii && !hasLeet) continue;
    const foldLookAlikes = !ascii && foldsLookAlikes(word);
    const foldLeet =
      hasLeet && word.length <= MAX_LEET_WORD && !PLAIN_DIGIT_PATTERN.test(word) && LETTER_PATTERN.test(word);
    if (!foldLookAlikes && !foldLeet) continue;
    for (let offset = 0; offset < word.length; offset++) {
      const character = word[offset] ?? "";
      const lookAlike = foldLookAlikes ? HOMOGLYPHS.get(word.charCodeAt(offset)) : undefined;
      const leet = foldLeet && lookAlike === undefined ? LEETSPEAK.get(character) : undefined;
      if (lookAlike === undefined && leet === undefined) continue;
      let replacement = lookAlike ?? leet ?? character;
      if (lookAlike !== undefined) homoglyphCount++;
      else {
        leetCount++;
        if (character === "1") replacement = foldOne(word[offset - 1], word[offset + 1]);
      }
      const position = match.index + offset;
      builder.copy(copyStart, position);
      builder.append(replacement, position, position + 1);
      copyStart = position + 1;
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
