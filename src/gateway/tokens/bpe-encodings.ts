import { createRequire } from "node:module";
import type { BpeEncodingName } from "./model-family.js";

/**
 * Exact BPE counts with gpt-tokenizer. Each encoding is loaded on first use (or by
 * `preloadEncoding` at start-up), one module per encoding, never the package's main entry which
 * pulls in o200k_base and the model tables. Measured on the project machine (README.md):
 * cl100k_base loads in about 0.2 s and adds about 40 MB RSS; o200k_base about 0.5 s and 66 MB.
 */
interface EncodingModule {
  countTokens(text: string, options: { disallowedSpecial: Set<string> }): number;
}

const requireModule = createRequire(import.meta.url);
const loaded = new Map<BpeEncodingName, EncodingModule>();

/** Special-token text ("<|endoftext|>") in a prompt is counted as ordinary text, never refused. */
const countAsText = { disallowedSpecial: new Set<string>() };

function encodingModule(name: BpeEncodingName): EncodingModule {
  const existing = loaded.get(name);
  if (existing !== undefined) return existing;
  const candidate: unknown = requireModule(`gpt-tokenizer/cjs/encoding/${name}`);
  if (!isEncodingModule(candidate)) throw new Error(`gpt-tokenizer encoding ${name} has no countTokens`);
  loaded.set(name, candidate);
  return candidate;
}

function isEncodingModule(value: unknown): value is EncodingModule {
  return (
    typeof value === "object" &&
    value !== null &&
    "countTokens" in value &&
    typeof value.countTokens === "function"
  );
}

/** Load an encoding now (at start-up) so the first request does not pay for it. */
export function preloadEncoding(name: BpeEncodingName): void {
  encodingModule(name);
}

export function isEncodingLoaded(name: BpeEncodingName): boolean {
  return loaded.has(name);
}

/**
 * Segments are cut at a single space between two non-space characters, once a segment has this
 * many characters. The pre-tokenisers of cl100k_base and o200k_base never put such a space in the
 * same piece as the character before it, so the sum of the segment counts equals the count of the
 * whole text (tested), while each call stays small.
 */
const SEGMENT_TARGET_CHARS = 2_048;

/**
 * A run without whitespace longer than this is cut into pieces of this size. BPE cost grows with
 * the square of a piece's length (16 KB of one letter took about 16 ms, 1 MB would take a minute),
 * so this bounds the work per character. It can add about one token per cut, only in runs this
 * long (base64 blobs, minified code, CJK text without spaces).
 */
const MAX_RUN_CHARS = 256;

/** The exact count of `text` in an encoding, in linear time (see the two bounds above). */
export function countEncodedTokens(text: string, name: BpeEncodingName): number {
  const encoding = encodingModule(name);
  let total = 0;
  for (const segment of segments(text)) total += encoding.countTokens(segment, countAsText);
  return total;
}

/** Splits text at single spaces (after SEGMENT_TARGET_CHARS) and inside overlong runs. */
export function* segments(text: string): Generator<string> {
  let start = 0;
  let runLength = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      const single = code === 32 && runLength > 0 && !isWhitespace(text.charCodeAt(index + 1));
      if (single && index + 1 < text.length && index - start >= SEGMENT_TARGET_CHARS) {
        yield text.slice(start, index);
        start = index;
      }
      runLength = 0;
      continue;
    }
    runLength += 1;
    if (runLength > MAX_RUN_CHARS && !isLowSurrogate(code)) {
      yield text.slice(start, index);
      start = index;
      runLength = 1;
    }
  }
  if (start < text.length) yield text.slice(start);
}

function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
