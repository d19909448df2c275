/**
 * The simulator's token count, simple and deterministic (it is not a real tokenizer):
 * a token is a run of letters, digits or underscores, or any other single non-space character
 * (punctuation, symbols, each emoji code point), together with the whitespace before it.
 * Trailing whitespace is kept as a last piece that counts as no token.
 *
 * `"Hello, world!"` -> pieces `["Hello", ",", " world", "!"]` -> 4 tokens.
 *
 * Streaming sends one piece per content chunk, and `max_tokens` cuts the reply after that many
 * pieces, so counts, chunks and truncation always agree.
 */

/**
 * One token piece: optional leading whitespace and a word run or one other character; or a final
 * run of whitespace alone. Linear time: the only backtracking is over one whitespace run at the end.
 */
const TOKEN_PIECE = /\s*(?:[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])|\s+/gu;

/** Whitespace only: a trailing piece that carries no token. */
const WHITESPACE_ONLY = /^\s*$/;

/** Splits text into pieces whose concatenation is exactly the text. */
export function splitTokenPieces(text: string): string[] {
  return text.match(TOKEN_PIECE) ?? [];
}

/** A letter or a digit beyond ASCII; ASCII characters are classified by code. */
const NON_ASCII_WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Whitespace beyond ASCII (no-break space, line separator, ...), as `\s` defines it. */
const NON_ASCII_SPACE = /\s/;

/** The three character classes of the count. */
const CharacterClass = { Space: 0, Word: 1, Other: 2 } as const;
type CharacterClass = (typeof CharacterClass)[keyof typeof CharacterClass];

function classify(character: string, code: number): CharacterClass {
  if (code < 128) {
    if (code === 32 || (code >= 9 && code <= 13)) return CharacterClass.Space;
    const isWord =
      (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
    return isWord ? CharacterClass.Word : CharacterClass.Other;
  }
  if (NON_ASCII_SPACE.test(character)) return CharacterClass.Space;
  return NON_ASCII_WORD_CHARACTER.test(character) ? CharacterClass.Word : CharacterClass.Other;
}

/**
 * The number of tokens in a text, as defined above: the same count as the pieces of
 * splitTokenPieces, computed in one pass without building them (this runs on every request).
 */
export function countTokens(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let character = text[index] ?? "";
    // a surrogate pair is one code point, and so one character class
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        character = text.slice(index, index + 2);
        index += 1;
      }
    }
    const kind = classify(character, character.length === 2 ? 0x10000 : code);
    if (kind === CharacterClass.Word) {
      if (!inWord) count += 1;
      inWord = true;
    } else {
      inWord = false;
      if (kind === CharacterClass.Other) count += 1;
    }
  }
  return count;
}

/** Keeps at most `maxTokens` tokens of a text; `truncated` says whether anything was cut. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  if (countTokens(text) <= maxTokens) return { text, truncated: false };
  const pieces = splitTokenPieces(text);
  let kept = 0;
  let length = 0;
  for (const piece of pieces) {
    if (WHITESPACE_ONLY.test(piece)) {
      length += piece.length;
      continue;
    }
    if (kept === maxTokens) return { text: text.slice(0, length), truncated: true };
    kept += 1;
    length += piece.length;
  }
  return { text, truncated: false };
}
