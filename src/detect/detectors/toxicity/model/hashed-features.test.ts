import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FeatureOptions, featurize, fnv1a, fnvRange, modelWords } from "./hashed-features.js";

/** The features as the model was trained on them, computed the plain way (strings, a sort with a comparator). */
function reference(text: string, options: FeatureOptions): { indexes: number[]; values: number[] } {
  const mask = 2 ** options.bits - 1;
  const counts = new Map<number, number>();
  const add = (hash: number) => counts.set(hash & mask, (counts.get(hash & mask) ?? 0) + 1);
  const mix = (left: number, right: number) =>
    Math.imul((left ^ Math.imul(right, 0x9e3779b1)) >>> 0, 0x01000193) >>> 0;
  let previous = fnv1a("<s>");
  for (const word of modelWords(text, options.maxChars)) {
    const wordHash = fnvRange(fnv1a("w:"), word, 0, word.length);
    add(wordHash);
    if (options.wordBigrams) add(mix(fnv1a("b:") ^ previous, wordHash));
    previous = wordHash;
    if (word.length > 30) continue;
    const marked = `<${word}<`;
    for (const gram of options.charGrams)
      for (let start = 0; start + gram <= marked.length; start++)
        add(fnvRange(fnv1a(`c${gram}:`), marked, start, start + gram));
  }
  add(fnv1a("bias:1"));
  const indexes = [...counts.keys()].sort((a, b) => a - b);
  const raw = indexes.map((bucket) => Math.fround(1 + Math.log(counts.get(bucket) ?? 1)));
  let norm = 0;
  for (const index of indexes) {
    const value = 1 + Math.log(counts.get(index) ?? 1);
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  return { indexes, values: raw.map((value) => Math.fround(value * scale)) };
}

const text = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc
    .array(fc.constantFrom("the", "fuuuuck", "sh1t", "can’t", "Straße", "😀", "x".repeat(35), "İ", "ǅ"), {
      maxLength: 60,
    })
    .map((words) => words.join(" ")),
);

describe("featurize", () => {
  for (const options of [
    { bits: 16, charGrams: [3, 4], wordBigrams: true, maxChars: 2000 },
    { bits: 10, charGrams: [2, 5], wordBigrams: false, maxChars: 50 },
    { bits: 18, charGrams: [3], wordBigrams: true, maxChars: 500 },
  ]) {
    it(`gives the same sparse vector as the plain computation (${options.bits} bits, property)`, () => {
      fc.assert(
        fc.property(text, (value) => {
          const vector = featurize(value, options);
          const expected = reference(value, options);
          expect([...vector.indexes]).toEqual(expected.indexes);
          expect([...vector.values]).toEqual(expected.values);
        }),
        { numRuns: 300 },
      );
    });
  }
});
