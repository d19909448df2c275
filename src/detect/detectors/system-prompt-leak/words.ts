/** A word: a run of letters, digits, apostrophes or underscores (any script). */
export const WORD_PATTERN = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu;

/**
 * Words too common to make an overlap distinctive: function words plus the vocabulary of generic
 * assistant prompts ("You are a helpful assistant, answer the user's questions").
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but if then else of to in on at by for with from as is are was were be been being it its this that these those " +
    "you your yours i me my we our us he she they them their there here what which who whom when where why how all any each every " +
    "some no not do does did done can could should would will shall may might must have has had so than too very just also only " +
    "about into over under again more most other such own same up down out off please always never " +
    "assistant helpful harmless honest ai model language large chatgpt gpt user users question questions answer answers respond " +
    "response responses help helps concise polite accurate friendly be being provide information"
  ).split(" "),
);

export interface WordToken {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Lower-cases and strips a few English suffixes so that light rewording still matches. */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/u, "");
  if (lower.length > 5 && lower.endsWith("ing")) return lower.slice(0, -3);
  if (lower.length > 4 && lower.endsWith("ed")) return lower.slice(0, -2);
  if (lower.length > 3 && lower.endsWith("es")) return lower.slice(0, -2);
  if (lower.length > 3 && lower.endsWith("s")) return lower.slice(0, -1);
  return lower;
}

/** Tokenises at most `maxWords` words, with their UTF-16 spans. Linear. */
export function tokenize(text: string, maxWords: number): WordToken[] {
  const tokens: WordToken[] = [];
  WORD_PATTERN.lastIndex = 0;
  for (
    let match = WORD_PATTERN.exec(text);
    match !== null && tokens.length < maxWords;
    match = WORD_PATTERN.exec(text)
  ) {
    tokens.push({ word: stem(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** A word counts toward distinctive overlap when it is not generic and not tiny. */
export function isDistinctive(word: string): boolean {
  return word.length >= 3 && !GENERIC_WORDS.has(word);
}
