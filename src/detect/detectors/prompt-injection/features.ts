/**
 * Hashed n-gram features for the prompt-injection model.
 *
 * The text is lower-cased and whitespace runs count as one space. Features are:
 * - character 3-, 4- and 5-grams (they carry Chinese and Japanese, which have no spaces, and
 *   survive small spelling changes);
 * - word unigrams and bigrams (words are runs of letters and digits).
 * Each feature is hashed (FNV-1a, then a final mix) into a table of `2^bits` weights.
 *
 * Features are emitted with the character position where they start, in position order, so a
 * caller can score any window of the text with prefix sums, without hashing twice.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** namespaces keep word and character features apart in the shared table */
const WORD_SEED = 0x9e3779b1;
const BIGRAM_SEED = 0x85ebca77;
const CHAR_SEEDS = [0xc2b2ae3d, 0x27d4eb2f, 0x165667b1] as const;

export const CHAR_NGRAM_SIZES = [3, 4, 5] as const;

function mix(hash: number): number {
  let value = hash ^ (hash >>> 16);
  value = Math.imul(value, 0x7feb352d);
  value ^= value >>> 15;
  value = Math.imul(value, 0x846ca68b);
  return (value ^ (value >>> 16)) >>> 0;
}

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** True for a UTF-16 unit that is part of a word: letters and digits, any script. */
const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;
const wordUnitCache = new Uint8Array(65536);
for (let code = 0; code < 65536; code += 1) {
  // surrogate halves count as word units so astral letters stay inside words
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  wordUnitCache[code] = isSurrogate || WORD_UNIT.test(String.fromCharCode(code)) ? 1 : 2;
}

export function isWordUnit(code: number): boolean {
  return wordUnitCache[code] === 1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 160;
}

/** Receives one feature: the hashed table index and the character offset where it starts. */
export type FeatureSink = (index: number, position: number) => void;

/**
 * Emits the features of `text` (already lower-cased by the caller, see `prepareText`) to `sink`,
 * in increasing order of position. `mask` is `2^bits - 1`.
 */
export function emitFeatures(text: string, mask: number, sink: FeatureSink): void {
  const length = text.length;
  let previousWordHash = 0;
  let hasPreviousWord = false;
  let previousWasSpace = false;
  for (let position = 0; position < length; position += 1) {
    const code = text.charCodeAt(position);
    const space = isSpace(code);
    if (space && previousWasSpace) continue;
    previousWasSpace = space;
    // a word starts here: hash it whole and emit the unigram and the bigram with the previous word
    if (isWordUnit(code) && (position === 0 || !isWordUnit(text.charCodeAt(position - 1)))) {
      let wordHash = FNV_OFFSET;
      let end = position;
      while (end < length && isWordUnit(text.charCodeAt(end)) && end - position < 40) {
        wordHash = step(wordHash, text.charCodeAt(end));
        end += 1;
      }
      sink(mix(wordHash ^ WORD_SEED) & mask, position);
      if (hasPreviousWord)
        sink(mix(Math.imul(previousWordHash, 31) ^ wordHash ^ BIGRAM_SEED) & mask, position);
      previousWordHash = wordHash;
      hasPreviousWord = true;
    }
    // character n-grams starting here, with whitespace runs read as one space
    let hash = FNV_OFFSET;
    let taken = 0;
    let cursor = position;
    let lastSpace = false;
    let sizeIndex = 0;
    while (cursor < length && sizeIndex < CHAR_NGRAM_SIZES.length) {
      const current = text.charCodeAt(cursor);
      cursor += 1;
      const currentSpace = isSpace(current);
      if (currentSpace && lastSpace) continue;
      lastSpace = currentSpace;
      hash = step(hash, currentSpace ? 32 : current);
      taken += 1;
      if (taken === CHAR_NGRAM_SIZES[sizeIndex]) {
        sink(mix(hash ^ (CHAR_SEEDS[sizeIndex] ?? 0)) & mask, position);
        sizeIndex += 1;
      }
    }
  }
}

/** Lower-cases the text for feature extraction (same length, so offsets are unchanged). */
export function prepareText(text: string): string {
  const lower = text.toLowerCase();
  // toLowerCase can change the length for a few characters (e.g. U+0130); keep offsets exact then
  return lower.length === text.length ? lower : text;
}

/** Hashes a named extra feature (a structural signal) into the same table. */
export function namedFeatureIndex(name: string, mask: number): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < name.length; index += 1) hash = step(hash, name.charCodeAt(index));
  return mix(hash ^ 0x5bd1e995) & mask;
}
