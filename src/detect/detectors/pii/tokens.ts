/**
 * A capitalised word of the text with its position and shape. Names and places only start with
 * capital letters, so only those words are tokens; lower-case context (prepositions, introductions,
 * particles) is read from the text around them. Finding capitalised words is several times faster
 * than splitting the whole text into words.
 */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** first letter upper case and a lower-case letter after it (or a single letter) */
  readonly capitalised: boolean;
  /** two or more letters, all upper case */
  readonly allCaps: boolean;
}

/**
 * A word of Latin script (English, German, French, Spanish and their neighbours) that starts with an
 * upper-case letter, with inner apostrophes and hyphens. Explicit Latin ranges instead of Unicode
 * properties: several times faster in V8. The start class also holds lower-case letters of Latin
 * Extended; `tokenize` checks the case.
 */
export const CAPITALISED_WORD = /[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ÖØ-öø-ɏ]{0,39}(?:['’-][A-Za-zÀ-ÖØ-öø-ɏ]{1,39}){0,3}/g;
/** A Latin letter: a capitalised word must not start in the middle of a word (iPhone). */
const LATIN_LETTER = /[A-Za-zÀ-ÖØ-öø-ɏ]/;

const MAX_TOKENS = 200_000;
const MAX_WORD_LENGTH = 40;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(CAPITALISED_WORD)) {
    const value = match[0];
    const start = match.index;
    if (value.length > MAX_WORD_LENGTH || (start > 0 && LATIN_LETTER.test(text.charAt(start - 1)))) continue;
    const first = value.charAt(0);
    if (first === first.toLowerCase()) continue;
    const hasLower = value !== value.toUpperCase();
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start,
      end: start + value.length,
      capitalised: value.length === 1 || hasLower,
      allCaps: value.length > 1 && !hasLower,
    });
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

/** The text between two tokens is one plain space (names and places do not cross punctuation or lines). */
export function joinedBySpace(text: string, left: Token, right: Token): boolean {
  return right.start - left.end === 1 && text.charAt(left.end) === " ";
}

/** Space, tab, line feed, carriage return, colon, comma or question mark: what may separate a phrase from a name. */
function isGap(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 58 || code === 44 || code === 63;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const MAX_GAP = 3;
const MAX_PHRASE_WORDS = 4;
const PHRASE_WINDOW = 32;

/**
 * True when one of `phrases` (lower-case, words separated by one space, at most four words) ends
 * right before `start`, separated from it by at most three spaces, colons or commas. Reads
 * backwards character by character within 32 characters: constant work per call.
 */
export function precededByPhrase(text: string, start: number, phrases: ReadonlySet<string>): boolean {
  for (const phrase of precedingPhrases(text, start)) if (phrases.has(phrase)) return true;
  return false;
}

/** The candidate phrases before `start`, cached for the last text scanned (several sets ask for them). */
let cachedText = "";
const cachedPhrases = new Map<number, readonly string[]>();
const MAX_CACHED_POSITIONS = 50_000;

function precedingPhrases(text: string, start: number): readonly string[] {
  if (text !== cachedText || cachedPhrases.size > MAX_CACHED_POSITIONS) {
    cachedText = text;
    cachedPhrases.clear();
  }
  const cached = cachedPhrases.get(start);
  if (cached) return cached;
  const phrases: string[] = [];
  let position = start;
  while (position > 0 && start - position < MAX_GAP && isGap(text.charCodeAt(position - 1))) position--;
  if (position < start && !(position > 0 && isGap(text.charCodeAt(position - 1)))) {
    const limit = Math.max(0, start - PHRASE_WINDOW);
    let phrase = "";
    for (let count = 0; count < MAX_PHRASE_WORDS && position > limit; count++) {
      const wordEnd = position;
      while (position > limit && !isSpace(text.charCodeAt(position - 1))) position--;
      const word = text.slice(position, wordEnd).toLowerCase();
      phrase = count === 0 ? word : `${word} ${phrase}`;
      phrases.push(phrase);
      while (position > limit && isSpace(text.charCodeAt(position - 1))) position--;
    }
  }
  cachedPhrases.set(start, phrases);
  return phrases;
}
