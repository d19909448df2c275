import { HOMOGLYPHS } from "./homoglyphs.js";
import { foldOne, LEETSPEAK } from "./leetspeak.js";
import { type MappedText, MappedTextBuilder } from "./mapped-text.js";
import { isAsciiDigit, isAsciiLetter, isLetterUnit, isWordUnit } from "./word-characters.js";

/** Longer words are identifiers or encoded data, not leetspeak. */
export const MAX_LEET_WORD = 24;

export interface FoldResult {
  readonly mapped: MappedText;
  readonly homoglyphCount: number;
  readonly leetCount: number;
}

/** Nothing to fold: no digits, no @ or $, nothing outside ASCII. */
const NOTHING_TO_FOLD_PATTERN = /^[^0-9@$\u0080-\uffff]*$/;

/**
 * Folds look-alike letters and leetspeak, one word at a time. A look-alike is folded when its
 * word also has a Latin letter or consists only of look-alikes ("раураl", "сорy"), so ordinary
 * Russian or Greek words stay as they are. Leetspeak is folded in words of at most
 * MAX_LEET_WORD units that have a letter and no digit outside the leetspeak table ("sha256",
 * "x86" and "h264" stay).
 */
export function foldHomoglyphsAndLeet(input: MappedText): FoldResult {
  const text = input.text;
  if (NOTHING_TO_FOLD_PATTERN.test(text)) return { mapped: input, homoglyphCount: 0, leetCount: 0 };
  const builder = new MappedTextBuilder(input);
  let homoglyphCount = 0;
  let leetCount = 0;
  let copyStart = 0;
  let index = 0;
  while (index < text.length) {
    if (!isWordUnit(text, index)) {
      index++;
      continue;
    }
    let end = index;
    let latin = 0;
    let lookAlikes = 0;
    let otherLetters = 0;
    let plainDigits = 0;
    while (end < text.length && isWordUnit(text, end)) {
      const unit = text.charCodeAt(end);
      if (isAsciiLetter(unit)) latin++;
      else if (isAsciiDigit(unit) && !LEETSPEAK.has(text[end] ?? "")) plainDigits++;
      else if (HOMOGLYPHS.has(unit)) lookAlikes++;
      else if (unit >= 0x80 && isLetterUnit(text, end)) otherLetters++;
      end++;
    }
    const foldLookAlikes = lookAlikes > 0 && (latin > 0 || otherLetters === 0);
    const foldLeet =
      latin + lookAlikes + otherLetters > 0 && plainDigits === 0 && end - index <= MAX_LEET_WORD;
    if (foldLookAlikes || foldLeet) {
      for (let position = index; position < end; position++) {
        const character = text[position] ?? "";
        const lookAlike = foldLookAlikes ? HOMOGLYPHS.get(text.charCodeAt(position)) : undefined;
        const leet = foldLeet ? LEETSPEAK.get(character) : undefined;
        if (lookAlike === undefined && leet === undefined) continue;
        let replacement = lookAlike ?? leet ?? character;
        if (lookAlike !== undefined) homoglyphCount++;
        else {
          leetCount++;
          if (character === "1") replacement = foldOne(text[position - 1], text[position + 1]);
        }
        builder.copy(copyStart, position);
        builder.append(replacement, position, position + 1);
        copyStart = position + 1;
      }
    }
    index = end;
  }
  if (homoglyphCount === 0 && leetCount === 0) return { mapped: input, homoglyphCount, leetCount };
  builder.copy(copyStart, text.length);
  return { mapped: builder.build(), homoglyphCount, leetCount };
}
