/**
 * Token windows with character spans. The tokenizer library gives no offsets, so the text is
 * encoded piece by piece: a piece is a run of non-space characters with the one whitespace
 * character before it (so that byte-level BPE sees " word" and SentencePiece "▁word", as in the
 * whole text; WordPiece drops it). Every token carries the UTF-16 span of its piece, and a window's
 * span runs from its first token's piece to its last one's. For tokenizers that split at whitespace
 * (BERT WordPiece, SentencePiece Metaspace as in DeBERTa-v3 and Prompt Guard 2, byte-level BPE) the
 * ids are those of the whole text; runs of whitespace themselves are not encoded.
 */

/** Longest piece encoded in one call: longer runs (base64, junk) are cut, so no call is unbounded. */
export const MAX_PIECE_CHARS = 100;

export type PieceEncoder = (piece: string) => readonly number[];

export interface TokenizedText {
  readonly ids: readonly number[];
  /** UTF-16 start of the piece each token came from */
  readonly starts: readonly number[];
  /** UTF-16 end (exclusive) of the piece each token came from */
  readonly ends: readonly number[];
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

const NON_SPACE_RUN = /\S+/g;

export function tokenizeWithSpans(text: string, encode: PieceEncoder): TokenizedText {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(NON_SPACE_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    let pieceStart = start;
    while (pieceStart < end) {
      let pieceEnd = Math.min(pieceStart + MAX_PIECE_CHARS, end);
      if (pieceEnd < end && isLowSurrogate(text.charCodeAt(pieceEnd))) pieceEnd--;
      const from = pieceStart === start && start > 0 ? start - 1 : pieceStart;
      for (const id of encode(text.slice(from, pieceEnd))) {
        ids.push(id);
        starts.push(pieceStart);
        ends.push(pieceEnd);
      }
      pieceStart = pieceEnd;
    }
  }
  return { ids, starts, ends };
}

/** A window of tokens: [start, end) indexes into TokenizedText. */
export interface TokenWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Windows of at most `capacity` tokens, each starting `capacity - overlap` tokens after the one
 * before, the last one ending at the last token. A text of `capacity` tokens or fewer is one window.
 */
export function tokenWindows(count: number, capacity: number, overlap: number): TokenWindow[] {
  if (capacity < 1) throw new RangeError("window capacity must be at least one token");
  const step = Math.max(1, capacity - Math.max(0, overlap));
  const windows: TokenWindow[] = [];
  if (count === 0) return windows;
  for (let start = 0; ; start += step) {
    const end = Math.min(start + capacity, count);
    windows.push({ start, end });
    if (end >= count) break;
  }
  return windows;
}
