/**
 * Hashed n-gram features for the small linear models (toxicity, jailbreak compliance): word
 * unigrams and bigrams plus character n-grams inside words, hashed with FNV-1a into 2^bits buckets.
 * Linear in the text length, no intermediate strings per n-gram; the text is cut at `maxChars`.
 */
export interface FeatureOptions {
  readonly bits: number;
  /** character n-gram sizes inside words (with boundary marks), e.g. [3, 4] */
  readonly charGrams: readonly number[];
  readonly wordBigrams: boolean;
  readonly maxChars: number;
}

/** Words for the models: letters, digits, apostrophes and a few symbols used in obfuscation. */
export const MODEL_WORD = /[\p{L}\p{N}@$*!'’]+/gu;
/** A run of three or more identical letters, collapsed to two ("fuuuuck" -> "fuuck"). */
export const REPEATED_LETTERS = /(\p{L})\1{2,}/gu;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of value[start, end), continuing from `seed`. */
export function fnvRange(seed: number, value: string, start: number, end: number): number {
  let hash = seed;
  for (let index = start; index < end; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

export function fnv1a(value: string): number {
  return fnvRange(FNV_OFFSET, value, 0, value.length);
}

/** Mixes two hashes into one (for word bigrams). */
function mix(left: number, right: number): number {
  return Math.imul((left ^ Math.imul(right, 0x9e3779b1)) >>> 0, FNV_PRIME) >>> 0;
}

const WORD_SEED = fnv1a("w:");
const BIGRAM_SEED = fnv1a("b:");
const CHAR_SEEDS = [0, 1, 2, 3, 4, 5, 6].map((size) => fnv1a(`c${size}:`));
const BOUNDARY = 0x3c; // "<" marks both word edges
const START_HASH = fnv1a("<s>");
const BIAS_HASH = fnv1a("bias:1");
/** code units of "<word<" for the word being hashed (words longer than 30 get no character n-grams) */
const wordCodes = new Int32Array(32);

export function modelWords(text: string, maxChars: number): string[] {
  const lowered = text.slice(0, maxChars).toLowerCase().replace(REPEATED_LETTERS, "$1$1");
  return lowered.match(MODEL_WORD) ?? [];
}

/** Sorted unique bucket indexes with values (a sparse vector, L2-normalised). */
export interface SparseVector {
  readonly indexes: Uint32Array;
  readonly values: Float32Array;
}

const radixCounts = new Uint32Array(256);

/**
 * The first `count` buckets in ascending order, in a new array: a least-significant-digit radix
 * sort, 8 bits a pass (the typed array's own sort costs several times more on a few hundred).
 */
function sortedBuckets(buckets: Uint32Array, count: number, bits: number): Uint32Array {
  let source = buckets.slice(0, count);
  let target = new Uint32Array(count);
  for (let shift = 0; shift < bits; shift += 8) {
    radixCounts.fill(0);
    for (let index = 0; index < count; index++) {
      const digit = ((source[index] as number) >>> shift) & 0xff;
      radixCounts[digit] = (radixCounts[digit] as number) + 1;
    }
    let total = 0;
    for (let digit = 0; digit < 256; digit++) {
      const digitCount = radixCounts[digit] as number;
      radixCounts[digit] = total;
      total += digitCount;
    }
    for (let index = 0; index < count; index++) {
      const value = source[index] as number;
      const digit = (value >>> shift) & 0xff;
      target[radixCounts[digit] as number] = value;
      radixCounts[digit] = (radixCounts[digit] as number) + 1;
    }
    const swap = source;
    source = target;
    target = swap;
  }
  return source;
}

/** Reused accumulators, one per bucket count (features are computed synchronously). */
const accumulators = new Map<number, { counts: Float32Array; touched: Uint32Array }>();

export function featurize(text: string, options: FeatureOptions): SparseVector {
  const size = 2 ** options.bits;
  const mask = size - 1;
  let accumulator = accumulators.get(size);
  if (accumulator === undefined) {
    accumulator = { counts: new Float32Array(size), touched: new Uint32Array(size) };
    accumulators.set(size, accumulator);
  }
  const { counts, touched } = accumulator;
  let touchedCount = 0;
  const add = (hash: number) => {
    const bucket = hash & mask;
    const count = counts[bucket] as number;
    if (count === 0 && touchedCount < size) touched[touchedCount++] = bucket;
    counts[bucket] = count + 1;
  };
  const grams = options.charGrams;
  const codes = wordCodes;
  let previous = START_HASH;
  for (const word of modelWords(text, options.maxChars)) {
    const wordHash = fnvRange(WORD_SEED, word, 0, word.length);
    add(wordHash);
    if (options.wordBigrams) add(mix(BIGRAM_SEED ^ previous, wordHash));
    previous = wordHash;
    if (word.length > 30) continue;
    // "<word<": the boundary mark and the word's code units, hashed without building strings
    const length = word.length + 2;
    codes[0] = BOUNDARY;
    for (let index = 0; index < word.length; index++) codes[index + 1] = word.charCodeAt(index);
    codes[length - 1] = BOUNDARY;
    for (const gram of grams) {
      const seed = CHAR_SEEDS[gram] ?? 0;
      for (let start = 0; start + gram <= length; start++) {
        let hash = seed;
        for (let offset = start; offset < start + gram; offset++)
          hash = Math.imul(hash ^ (codes[offset] as number), FNV_PRIME);
        add(hash >>> 0);
      }
    }
  }
  add(BIAS_HASH);
  const indexes = sortedBuckets(touched, touchedCount, options.bits);
  const values = new Float32Array(indexes.length);
  let norm = 0;
  for (let position = 0; position < indexes.length; position++) {
    const bucket = indexes[position] as number;
    const count = counts[bucket] as number;
    // 1 + log(1) is 1: most buckets are hit once
    const value = count === 1 ? 1 : 1 + Math.log(count);
    counts[bucket] = 0;
    values[position] = value;
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  for (let position = 0; position < values.length; position++)
    values[position] = (values[position] as number) * scale;
  return { indexes, values };
}
