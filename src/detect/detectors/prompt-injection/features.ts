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

/** Growable output of `extractFeatures`: feature indices and their start offsets, in position order. */
export class FeatureBuffer {
  indices = new Int32Array(4096);
  positions = new Int32Array(4096);

  ensure(size: number): void {
    if (size <= this.indices.length) return;
    let next = this.indices.length;
    while (next < size) next *= 2;
    this.indices = new Int32Array(next);
    this.positions = new Int32Array(next);
  }
}

// scratch: the text with whitespace runs collapsed, and where each unit came from
let codes = new Uint16Array(4096);
let origins = new Int32Array(4096);

/**
 * Writes the features of `text` (already lower-cased, see `prepareText`) into `buffer`, in
 * increasing order of position, and returns how many there are. `mask` is `2^bits - 1`.
 */
export function extractFeatures(text: string, mask: number, buffer: FeatureBuffer): number {
  const length = text.length;
  if (codes.length < length) {
    codes = new Uint16Array(length * 2);
    origins = new Int32Array(length * 2);
  }
  let units = 0;
  let previousWasSpace = false;
  for (let position = 0; position < length; position += 1) {
    const code = text.charCodeAt(position);
    const space = isSpace(code);
    if (space && previousWasSpace) continue;
    previousWasSpace = space;
    codes[units] = space ? 32 : code;
    origins[units] = position;
    units += 1;
  }
  // at most three character n-grams per unit and two word features per word start
  buffer.ensure(units * 5 + 8);
  const { indices, positions } = buffer;
  const [seed3, seed4, seed5] = CHAR_SEEDS;
  let count = 0;
  let previousWordHash = 0;
  let hasPreviousWord = false;
  for (let unit = 0; unit < units; unit += 1) {
    const code = codes[unit] ?? 32;
    const origin = origins[unit] ?? 0;
    if (wordUnitCache[code] === 1 && (unit === 0 || wordUnitCache[codes[unit - 1] ?? 32] !== 1)) {
      let wordHash = FNV_OFFSET;
      for (
        let end = unit;
        end < units && end - unit < 40 && wordUnitCache[codes[end] ?? 32] === 1;
        end += 1
      ) {
        wordHash = step(wordHash, codes[end] ?? 32);
      }
      indices[count] = mix(wordHash ^ WORD_SEED) & mask;
      positions[count] = origin;
      count += 1;
      if (hasPreviousWord) {
        indices[count] = mix(Math.imul(previousWordHash, 31) ^ wordHash ^ BIGRAM_SEED) & mask;
        positions[count] = origin;
        count += 1;
      }
      previousWordHash = wordHash;
      hasPreviousWord = true;
    }
    if (unit + 3 > units) continue;
    let hash = step(step(step(FNV_OFFSET, code), codes[unit + 1] ?? 32), codes[unit + 2] ?? 32);
    indices[count] = mix(hash ^ seed3) & mask;
    positions[count] = origin;
    count += 1;
    if (unit + 4 > units) continue;
    hash = step(hash, codes[unit + 3] ?? 32);
    indices[count] = mix(hash ^ seed4) & mask;
    positions[count] = origin;
    count += 1;
    if (unit + 5 > units) continue;
    hash = step(hash, codes[unit + 4] ?? 32);
    indices[count] = mix(hash ^ seed5) & mask;
    positions[count] = origin;
    count += 1;
  }
  return count;
}

const sharedBuffer = new FeatureBuffer();

/** Emits the features of `text` to `sink` (a convenience over `extractFeatures`). */
export function emitFeatures(text: string, mask: number, sink: FeatureSink): void {
  const count = extractFeatures(text, mask, sharedBuffer);
  for (let index = 0; index < count; index += 1) {
    sink(sharedBuffer.indices[index] ?? 0, sharedBuffer.positions[index] ?? 0);
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
