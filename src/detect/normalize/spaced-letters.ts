import { type MappedText, MappedTextBuilder } from "./mapped-text.js";
import { isLetterUnit, isWordUnit } from "./word-characters.js";

/** Separators between spaced-out letters: "i g n o r e", "i.g.n.o.r.e", "i-g-n-o-r-e", "i_g_n", "i*g*n". */
const SPACED_SEPARATORS = new Set([" ", ".", "-", "_", "*"]);
/** Fewest single characters in a run before it is joined ("a l l"). */
export const MIN_SPACED_RUN = 3;
/** Fewest letters in a run (digits and @ $ count as leetspeak but do not make a run alone). */
const MIN_SPACED_LETTERS = 2;

export interface SpacedResult {
  readonly mapped: MappedText;
  readonly joinedRuns: number;
}

/**
 * Joins runs of single characters split by one repeated separator. Linear: every unit is visited
 * at most twice (a failed run restarts at its last token).
 */
export function joinSpacedLetters(input: MappedText): SpacedResult {
  const text = input.text;
  const builder = new MappedTextBuilder(input);
  let copyStart = 0;
  let joinedRuns = 0;
  let index = 0;
  while (index < text.length) {
    if (!startsRun(text, index)) {
      index++;
      continue;
    }
    const separator = text[index + 1] ?? "";
    const tokens = [index];
    let letters = isLetterUnit(text, index) ? 1 : 0;
    let position = index + 1;
    while (text[position] === separator && isSingleToken(text, position + 1)) {
      tokens.push(position + 1);
      if (isLetterUnit(text, position + 1)) letters++;
      position += 2;
    }
    const last = tokens[tokens.length - 1] ?? index;
    if (tokens.length >= MIN_SPACED_RUN && letters >= MIN_SPACED_LETTERS) {
      builder.copy(copyStart, index);
      for (const token of tokens) builder.copy(token, token + 1);
      copyStart = last + 1;
      joinedRuns++;
      index = last + 1;
    } else index = last > index ? last : index + 1;
  }
  if (joinedRuns === 0) return { mapped: input, joinedRuns };
  builder.copy(copyStart, text.length);
  return { mapped: builder.build(), joinedRuns };
}

function startsRun(text: string, index: number): boolean {
  if (index > 0 && isWordUnit(text, index - 1)) return false;
  return isSingleToken(text, index) && SPACED_SEPARATORS.has(text[index + 1] ?? "");
}

/** one word character, not followed by another word character */
function isSingleToken(text: string, index: number): boolean {
  return index < text.length && isWordUnit(text, index) && !isWordUnit(text, index + 1);
}
