import { isWordUnit } from "./features.js";

/**
 * Similarity to known jailbreak templates (DAN family, in-the-wild, GPTFuzz...).
 *
 * Each template is reduced to a bottom-k sketch: the k smallest hashes of its 4-word shingles,
 * leaving out shingles that also occur in benign text. An input's containment of a template is
 * the share of the template's sketch found among the input's shingles: a variant that keeps
 * most of the template's wording scores high even when it is embedded in a longer message.
 */
export const SHINGLE_WORDS = 4;
export const SKETCH_SIZE = 32;
/** words read per text; bounds the work on very long inputs */
const MAX_WORDS = 20_000;

/** ASCII and Latin-1 upper case to lower case; other scripts hash as they are (shingles are mostly English). */
function lowerCode(code: number): number {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7) ? code + 32 : code;
}

function wordHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1)
    hash = Math.imul(hash ^ lowerCode(text.charCodeAt(index)), 0x01000193);
  return hash >>> 0;
}

/** Hashes of the 4-word shingles of a lower-cased text, with the character offset of each. */
export function shingles(text: string): { hashes: Uint32Array; starts: Int32Array } {
  const lower = text;
  const words: number[] = [];
  const wordStarts: number[] = [];
  let position = 0;
  while (position < lower.length && words.length < MAX_WORDS) {
    if (!isWordUnit(lower.charCodeAt(position))) {
      position += 1;
      continue;
    }
    const start = position;
    while (position < lower.length && isWordUnit(lower.charCodeAt(position))) position += 1;
    words.push(wordHash(lower, start, position));
    wordStarts.push(start);
  }
  const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const hashes = new Uint32Array(count);
  const starts = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    let hash = 0x9747b28c;
    for (let offset = 0; offset < SHINGLE_WORDS; offset += 1) {
      hash = Math.imul(hash ^ (words[index + offset] ?? 0), 0x5bd1e995);
      hash ^= hash >>> 13;
    }
    hashes[index] = hash >>> 0;
    starts[index] = wordStarts[index] ?? 0;
  }
  return { hashes, starts };
}

/** The sketch of one template: its k smallest shingle hashes that are not in `excluded`. */
export function sketch(text: string, excluded: ReadonlySet<number>, size = SKETCH_SIZE): number[] {
  const unique = [...new Set(shingles(text).hashes)].filter((hash) => !excluded.has(hash));
  unique.sort((left, right) => left - right);
  return unique.slice(0, size);
}

export interface TemplateMatch {
  readonly template: number;
  readonly containment: number;
  readonly start: number;
  readonly end: number;
}

/** An inverted index from sketch hash to the templates that hold it. */
export class TemplateIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly sizes: number[] = [];

  /** `sketches` is the flat list of hashes; `sizes[i]` is how many belong to template i. */
  constructor(sketches: Uint32Array, sizes: readonly number[]) {
    let offset = 0;
    sizes.forEach((size, template) => {
      this.sizes.push(size);
      for (let index = offset; index < offset + size; index += 1) {
        const hash = sketches[index] ?? 0;
        const list = this.postings.get(hash);
        if (list) list.push(template);
        else this.postings.set(hash, [template]);
      }
      offset += size;
    });
  }

  get templateCount(): number {
    return this.sizes.length;
  }

  /**
   * The template most contained in `text`, if any shares a shingle with it. Streams the words
   * (no intermediate arrays) and reads at most MAX_WORDS words.
   */
  bestMatch(text: string): TemplateMatch | undefined {
    if (this.postings.size === 0) return undefined;
    const hits = new Map<number, { count: number; start: number; end: number }>();
    const seen = new Set<number>();
    const recent = [0, 0, 0, 0];
    const recentStarts = [0, 0, 0, 0];
    let words = 0;
    let position = 0;
    const length = text.length;
    while (position < length && words < MAX_WORDS) {
      if (!isWordUnit(text.charCodeAt(position))) {
        position += 1;
        continue;
      }
      const start = position;
      let hash = 0x811c9dc5;
      while (position < length && isWordUnit(text.charCodeAt(position))) {
        hash = Math.imul(hash ^ lowerCode(text.charCodeAt(position)), 0x01000193);
        position += 1;
      }
      recent[words % SHINGLE_WORDS] = hash >>> 0;
      recentStarts[words % SHINGLE_WORDS] = start;
      words += 1;
      if (words < SHINGLE_WORDS) continue;
      let shingle = 0x9747b28c;
      for (let offset = 0; offset < SHINGLE_WORDS; offset += 1) {
        shingle = Math.imul(shingle ^ (recent[(words + offset) % SHINGLE_WORDS] ?? 0), 0x5bd1e995);
        shingle ^= shingle >>> 13;
      }
      const key = shingle >>> 0;
      const templates = this.postings.get(key);
      if (!templates || seen.has(key)) continue;
      seen.add(key);
      const shingleStart = recentStarts[words % SHINGLE_WORDS] ?? start;
      for (const template of templates) {
        const entry = hits.get(template);
        if (entry) {
          entry.count += 1;
          entry.end = position;
        } else hits.set(template, { count: 1, start: shingleStart, end: position });
      }
    }
    let best: TemplateMatch | undefined;
    for (const [template, entry] of hits) {
      const size = this.sizes[template] ?? 1;
      // short sketches are weak evidence: a template needs at least 8 sketch hashes to count fully
      const containment = entry.count / Math.max(size, 8);
      if (!best || containment > best.containment) {
        best = { template, containment, start: entry.start, end: entry.end };
      }
    }
    return best;
  }
}
