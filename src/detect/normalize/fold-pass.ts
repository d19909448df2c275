import { HOMOGLYPHS } from "./homoglyphs.js";
import { isCommonWord } from "./language.js";
import { foldOne, LEETSPEAK } from "./leetspeak.js";
import { type MappedText, MappedTextBuilder } from "./mapped-text.js";

export interface FoldResult {
  readonly mapped: MappedText;
  readonly homoglyphCount: number;
  readonly leetCount: number;
}

/** Longer words are identifiers or encoded data, not leetspeak. */
export const MAX_LEET_WORD = 24;
/**
 * A word that holds a leetspeak character or a character outside ASCII: the only words with
 * anything to fold. Words are runs of ASCII letters, digits, @, $ and any non-ASCII unit (no
 * Unicode property classes: they cost a table search per character). The lookbehind starts
 * matches at word starts only, so each word is scanned once: linear.
 */
const CANDIDATE_WORD_PATTERN =
  /(?<![A-Za-z0-9@$\u0080-\uffff])[A-Za-z0-9@$\u0080-\uffff]*?(?:[013457@$]|[\u0080-\uffff])[A-Za-z0-9@$\u0080-\uffff]*/g;
/** A character outside ASCII. */
const NON_ASCII_PATTERN = /[\u0080-\uffff]/;
/** Something to fold: a leetspeak character next to a letter, or a character outside ASCII. */
const SOMETHING_TO_FOLD_PATTERN = /[A-Za-z][013457@$]|[013457@$][A-Za-z]|[\u0080-\uffff]/;
/** Leetspeak characters. */
const LEET_PATTERN = /[013457@$]/;
/** Digits that are not leetspeak: a word with one ("sha256", "x86", "h264") is left alone. */
const PLAIN_DIGIT_PATTERN = /[2689]/;
/** A Latin letter. */
const LATIN_PATTERN = /[A-Za-z]/;
/**
 * Shapes that are usually not leetspeak: a number with a short unit or ordinal ("3rd", "35mm",
 * "4K", "3D") and a name with a version ("HTML5", "python3", "R1"). Words of these shapes are
 * folded only when the result is a common word ("4ll" -> "all").
 */
const NUMBER_WITH_UNIT_PATTERN = /^[0-9]+[A-Za-z]{1,3}$/;
const NAME_WITH_VERSION_PATTERN = /^[A-Za-z]+[0-9]+$/;
/** Never leetspeak: ordinals ("1st", "23rd"), sizes ("3x3", "4x400"). */
const ORDINAL_OR_SIZE_PATTERN = /^[0-9]+(?:st|nd|rd|th|x[0-9]+)$/i;
/** A decorator, mention or variable: "@dataclass", "@Module", "$HOME" (no other leetspeak inside). */
const SIGIL_WORD_PATTERN = /^[@$][A-Za-z][A-Za-z0-9_]*$/;
/** Shortest folded word that the common-word check accepts ("all"; not "he", "as"). */
const MIN_COMMON_FOLD = 3;
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
  if (!SOMETHING_TO_FOLD_PATTERN.test(text)) return { mapped: input, homoglyphCount: 0, leetCount: 0 };
  const builder = new MappedTextBuilder(input);
  let homoglyphCount = 0;
  let leetCount = 0;
  let copyStart = 0;
  for (const match of text.matchAll(CANDIDATE_WORD_PATTERN)) {
    const word = match[0];
    const ascii = !NON_ASCII_PATTERN.test(word);
    if (ascii && !LETTER_PATTERN.test(word)) continue;
    const hasLeet = LEET_PATTERN.test(word);
    if (ascii && !hasLeet) continue;
    const foldLookAlikes = !ascii && foldsLookAlikes(word);
    const foldLeet =
      hasLeet && word.length <= MAX_LEET_WORD && !PLAIN_DIGIT_PATTERN.test(word) && LATIN_PATTERN.test(word);
    if (!foldLookAlikes && !foldLeet) continue;
    if (!foldLookAlikes && !leetWordReadsAsLeet(word, text[match.index + word.length], text[match.index - 1]))
      continue;
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

/** Filters the leetspeak shapes that are ordinary text: units, ordinals, versions, e-mail addresses. */
function leetWordReadsAsLeet(word: string, after: string | undefined, before: string | undefined): boolean {
  if (before === "#") return false;
  if (word.includes("@") && !word.startsWith("@") && after === ".") return false;
  if (ORDINAL_OR_SIZE_PATTERN.test(word) || SIGIL_WORD_PATTERN.test(word)) return false;
  if (NUMBER_WITH_UNIT_PATTERN.test(word) || NAME_WITH_VERSION_PATTERN.test(word)) {
    const folded = foldLeetWord(word);
    return folded.length >= MIN_COMMON_FOLD && isCommonWord(folded);
  }
  return true;
}

function foldLeetWord(word: string): string {
  let out = "";
  for (let offset = 0; offset < word.length; offset++) {
    const character = word[offset] ?? "";
    out +=
      character === "1"
        ? foldOne(word[offset - 1], word[offset + 1])
        : (LEETSPEAK.get(character) ?? character);
  }
  return out;
}
