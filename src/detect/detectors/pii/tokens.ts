/** A word of the text with its position and shape, used by the name and place recognisers. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** first letter upper case and at least one lower-case letter after it (or a single letter) */
  readonly capitalised: boolean;
  /** two or more letters, all upper case */
  readonly allCaps: boolean;
}

/** A run of letters with inner apostrophes and hyphens, at most 40 characters. */
export const WORD = /[\p{L}\p{M}](?:[\p{L}\p{M}]|['’-](?=[\p{L}])){0,39}/gu;

/** Any lower-case letter. */
const LOWER_CASE_LETTER = /\p{Ll}/u;

const MAX_TOKENS = 200_000;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const value = match[0];
    const first = value.charAt(0);
    const upperFirst = first !== first.toLowerCase() && first === first.toUpperCase();
    const rest = value.slice(1);
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: match.index,
      end: match.index + value.length,
      capitalised: upperFirst && (rest.length === 0 || LOWER_CASE_LETTER.test(rest)),
      allCaps: value.length > 1 && value === value.toUpperCase() && value !== value.toLowerCase(),
    });
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

/** The text between two tokens is one plain space (names and places do not cross punctuation or lines). */
export function joinedBySpace(text: string, left: Token, right: Token): boolean {
  return right.start - left.end === 1 && text.charAt(left.end) === " ";
}
