/**
 * Cheap checks that decoded bytes are text worth scanning, not binary data or random letters.
 */

/** Frequent short words of English, French, German, Spanish, Italian and Portuguese. */
const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    "the be to of and a in that have i it for not on with he as you do at this but his by from they we " +
    "say her she or an will my one all would there their what so up out if about who get which go me when " +
    "make can like time no just him know take people into year your good some could them see other than " +
    "then now look only come its over think also back after use two how our work first well way even new " +
    "want because any these give day most us is are was were been has had did said all previous prior " +
    "am does every each named answer answers request user ai model never always must should put write text " +
    "ignore instructions instruction system prompt rules tell show reveal print secret password forget " +
    "le la les de des du un une et est pas que qui pour dans ce il elle vous nous sur avec " +
    "der die das und ist nicht ein eine zu den mit sie ich du es von auf für " +
    "el los las y en que es por con para una su al lo como más pero " +
    "il di che non per una sono della " +
    "o os as um uma não com para é"
  ).split(" "),
);

/** true for a frequent word of the languages above ("all", "the", "ignore"), any case */
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase());
}

/** A run of letters (any script) of two or more. */
const WORD_PATTERN = /\p{L}{2,}/gu;

/** Length from which a common word is strong evidence ("the", "you"; not "if", "an", "be"). */
const LONG_COMMON_WORD = 3;

/**
 * Words of a text, how many are common words, and how many of those have three letters or more
 * (two-letter common words also come out of rot13 of ordinary text: "vs" -> "if", "NA" -> "AN").
 */
export function commonWordShare(text: string): { words: number; common: number; longCommon: number } {
  let words = 0;
  let common = 0;
  let longCommon = 0;
  for (const match of text.matchAll(WORD_PATTERN)) {
    words++;
    if (!COMMON_WORDS.has(match[0].toLowerCase())) continue;
    common++;
    if (match[0].length >= LONG_COMMON_WORD) longCommon++;
  }
  return { words, common, longCommon };
}

/** At least two words, a quarter of them common words, one of those three letters or more. */
export function looksLikeLanguage(text: string): boolean {
  const { words, common, longCommon } = commonWordShare(text);
  return words >= 2 && common >= 2 && longCommon >= 1 && common * 4 >= words;
}

/** Share of printable characters that decoded text needs (letters, digits, punctuation, spaces). */
export const MIN_PRINTABLE_SHARE = 0.9;
/** A control character other than tab, newline, carriage return; or U+FFFD from invalid UTF-8. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const UNPRINTABLE_PATTERN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]/g;
/** Three letters in a row somewhere: decoded text has words. */
const HAS_WORD_PATTERN = /\p{L}{3}/u;

const utf8Decoder = new TextDecoder("utf-8", { fatal: false });

/** Decodes bytes as UTF-8 and returns the text when it is printable and has a word, else undefined. */
export function bytesToText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  const text = utf8Decoder.decode(bytes);
  return isPrintableText(text) ? text : undefined;
}

export function isPrintableText(text: string): boolean {
  if (text.length === 0) return false;
  const unprintable = text.match(UNPRINTABLE_PATTERN)?.length ?? 0;
  if (unprintable > text.length * (1 - MIN_PRINTABLE_SHARE)) return false;
  return HAS_WORD_PATTERN.test(text);
}
