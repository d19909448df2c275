import { isCommonWord } from "./language.js";

/**
 * Leetspeak substitutions folded back to letters: 0->o, 1->i (or l, see foldOne), 3->e, 4->a,
 * 5->s, 7->t, @->a, $->s.
 */
export const LEETSPEAK: ReadonlyMap<string, string> = new Map([
  ["0", "o"],
  ["1", "i"],
  ["3", "e"],
  ["4", "a"],
  ["5", "s"],
  ["7", "t"],
  ["@", "a"],
  ["$", "s"],
]);

/** Vowels (and their leetspeak digits) after which "13" reads as "le": "ru13s", "a13rt". */
const VOWELS = new Set(["a", "e", "o", "u", "A", "E", "O", "U", "4", "0"]);

/**
 * "1" reads as "l" in a double ("he11o", "a11", "ki11"), before a letter e ("ru1es", "fi1e",
 * "1eak"), and before a 3 after a vowel ("ru13s"); otherwise as "i" ("1gnore", "w1ll", "fr13nd5",
 * "r34l17y").
 */
export function foldOne(previous: string | undefined, next: string | undefined): string {
  if (previous === "1" || next === "1" || next === "e" || next === "E") return "l";
  if (next === "3" && previous !== undefined && VOWELS.has(previous)) return "l";
  return "i";
}

export function foldLeetWord(word: string): string {
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

/** Longer words are identifiers or encoded data, not leetspeak. */
export const MAX_LEET_WORD = 24;
/** Leetspeak characters. */
const LEET_PATTERN = /[013457@$]/;
/** Digits that are not leetspeak: a word with one ("sha256", "x86", "h264") is left alone. */
const PLAIN_DIGIT_PATTERN = /[2689]/;
/** A Latin letter. */
const LATIN_PATTERN = /[A-Za-z]/;
/** A short number of leetspeak digits only ("4", "17", "70"): a word only among leetspeak words. */
const LEET_DIGITS_PATTERN = /^[013457]{1,4}$/;
/**
 * Shapes that are usually not leetspeak: a number with a short unit ("35mm", "4K", "3D"), a
 * name with a version ("HTML5", "python3", "R1"), a size ("3x3", "73x7").
 */
const NUMBER_WITH_UNIT_PATTERN = /^[0-9]+[A-Za-z]{1,3}$/;
const NAME_WITH_VERSION_PATTERN = /^[A-Za-z]+[0-9]+$/;
const SIZE_PATTERN = /^[0-9]+x[0-9]+$/i;
/** An ordinal: "1st", "22nd", "13th"; "4nd" is not one (it is leetspeak for "and"). */
const ORDINAL_PATTERN = /^(?:[0-9]*(?:1st|2nd|3rd)|[0-9]*1[123]th|[0-9]*[04-9]th|[0-9]*[123]th)$/i;
/** A decorator, mention or variable: "@dataclass", "@Module", "$HOME" (no other leetspeak inside). */
const SIGIL_WORD_PATTERN = /^[@$][A-Za-z][A-Za-z0-9_]*$/;
/** Shortest folded word that the common-word check accepts alone ("all"; not "he", "as"). */
const MIN_COMMON_FOLD = 3;

/**
 * How a word reads: `clear` leetspeak ("1gn0r3", "pr3v10u5") is folded; `ambiguous` shapes
 * (units, versions, sizes, short leetspeak numbers) are folded next to clear leetspeak, or alone
 * when they fold to a common word ("4ll"); `no` is left alone (no leetspeak, ordinals, colours,
 * decorators, variables, e-mail addresses, identifiers with other digits).
 */
export type LeetReading = "clear" | "ambiguous" | "no";

export function readLeet(word: string, before: string | undefined, after: string | undefined): LeetReading {
  if (!LEET_PATTERN.test(word) || word.length > MAX_LEET_WORD || PLAIN_DIGIT_PATTERN.test(word)) return "no";
  if (before === "#" || ORDINAL_PATTERN.test(word) || SIGIL_WORD_PATTERN.test(word)) return "no";
  if (word.includes("@") && !word.startsWith("@") && after === ".") return "no";
  if (!LATIN_PATTERN.test(word)) return LEET_DIGITS_PATTERN.test(word) ? "ambiguous" : "no";
  if (NUMBER_WITH_UNIT_PATTERN.test(word) || NAME_WITH_VERSION_PATTERN.test(word) || SIZE_PATTERN.test(word))
    return "ambiguous";
  return "clear";
}

/** An ambiguous word standing alone is folded only when it gives a common word. */
export function foldsAlone(word: string): boolean {
  const folded = foldLeetWord(word);
  return LATIN_PATTERN.test(word) && folded.length >= MIN_COMMON_FOLD && isCommonWord(folded);
}
