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

/** The number of tokens in a text, as defined above. */
export function countTokens(text: string): number {
  let count = 0;
  for (const piece of splitTokenPieces(text)) if (!WHITESPACE_ONLY.test(piece)) count += 1;
  return count;
}

/** Keeps at most `maxTokens` tokens of a text; `truncated` says whether anything was cut. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
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
