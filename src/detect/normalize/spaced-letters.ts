import { type MappedText, MappedTextBuilder } from "./mapped-text.js";

/** Fewest single characters in a run before it is joined ("a l l"). */
export const MIN_SPACED_RUN = 3;
/** Fewest letters in a run (digits and @ $ count as leetspeak but do not make a run alone). */
const MIN_SPACED_LETTERS = 2;

/**
 * Single characters split by a separator (space, '.', '-', '_', '*'): "i g n o r e",
 * "i.g.n.o.r.e", "i-g-n-o-r-e". Characters are ASCII letters and digits, @, $, and Latin,
 * Greek and Cyrillic letters (U+00C0-U+024F, U+0370-U+04FF: the look-alike scripts). A run
 * starts after a non-word character; each step is one separator and one character not followed
 * by a word character. Steps consume two fixed units and the classes are disjoint: linear.
 */
export const SPACED_RUN_PATTERN =
  /(?<![A-Za-z0-9@$\u00c0-\u024f\u0370-\u04ff])[A-Za-z0-9@$\u00c0-\u024f\u0370-\u04ff](?:[ ._*-][A-Za-z0-9@$\u00c0-\u024f\u0370-\u04ff](?![A-Za-z0-9@$\u00c0-\u024f\u0370-\u04ff])){2,}/g;
const LETTER_PATTERN = /\p{L}/gu;

export interface SpacedResult {
  readonly mapped: MappedText;
  readonly joinedRuns: number;
}

/** Joins runs of single characters split by separators; the separators are dropped. */
export function joinSpacedLetters(input: MappedText): SpacedResult {
  const text = input.text;
  const builder = new MappedTextBuilder(input);
  let copyStart = 0;
  let joinedRuns = 0;
  for (const match of text.matchAll(SPACED_RUN_PATTERN)) {
    const run = match[0];
    if (run.length < MIN_SPACED_RUN * 2 - 1) continue;
    if ((run.match(LETTER_PATTERN)?.length ?? 0) < MIN_SPACED_LETTERS) continue;
    builder.copy(copyStart, match.index);
    for (let offset = 0; offset < run.length; offset += 2) {
      builder.copy(match.index + offset, match.index + offset + 1);
    }
    copyStart = match.index + run.length;
    joinedRuns++;
  }
  if (joinedRuns === 0) return { mapped: input, joinedRuns };
  builder.copy(copyStart, text.length);
  return { mapped: builder.build(), joinedRuns };
}
