import { jsonResponse, type SimulatorResponse } from "./simulator-response.js";
import { countTokens } from "./tokens.js";
import type { EmbeddingsRequest } from "./wire-schemas.js";

/**
 * Deterministic embeddings: a hashed bag of words. Every distinct lowercase word seeds a
 * pseudo-random vector (FNV-1a hash, then a xorshift generator); a text's embedding is the
 * count-weighted sum of its words' vectors, scaled to unit length. The same text always gets the
 * same vector, and texts that share words point the same way (useful for retrieval demos).
 */

/** The width when the request gives no `dimensions` (that of common hosted embedding models). */
export const DEFAULT_DIMENSIONS = 1536;
/** Distinct words of one input that count; the rest are ignored, to bound the work. */
const MAX_DISTINCT_WORDS = 2048;
/** A word for embedding purposes: a run of letters or digits. */
const EMBEDDING_WORD = /[\p{L}\p{N}]+/gu;
/** Float output is rounded to this many decimal places (unit vectors: about float32 precision). */
const FLOAT_SCALE = 1e8;

/** FNV-1a, 32 bits: a small, fast, well-spread string hash. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Scales a signed 32-bit integer into [-1, 1). */
const INT32_TO_UNIT = 1 / 0x80000000;

/** Adds `weight` times the pseudo-random vector of `seed` (values in [-1, 1)) to `target`. */
function addSeededVector(target: Float64Array, seed: number, weight: number): void {
  let state = seed | 0 || 0x6d2b79f5;
  const scale = weight * INT32_TO_UNIT;
  for (let index = 0; index < target.length; index += 1) {
    // xorshift32 on signed 32-bit integers: no allocation in the loop
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    target[index] = (target[index] as number) + state * scale;
  }
}

export function embedText(text: string, dimensions: number): Float32Array {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(EMBEDDING_WORD) ?? []) {
    if (counts.size >= MAX_DISTINCT_WORDS && !counts.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const sum = new Float64Array(dimensions);
  if (counts.size === 0) addSeededVector(sum, fnv1a(text), 1);
  for (const [word, count] of counts) addSeededVector(sum, fnv1a(word), count);
  let norm = 0;
  for (let index = 0; index < dimensions; index += 1) norm += (sum[index] as number) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const vector = new Float32Array(dimensions);
  for (let index = 0; index < dimensions; index += 1) vector[index] = (sum[index] as number) * scale;
  return vector;
}

/** The vector as JSON numbers, rounded to FLOAT_SCALE. */
function roundedValues(vector: Float32Array): number[] {
  const values = new Array<number>(vector.length);
  for (let index = 0; index < vector.length; index += 1) {
    values[index] = Math.round((vector[index] as number) * FLOAT_SCALE) / FLOAT_SCALE;
  }
  return values;
}

function inputTexts(input: EmbeddingsRequest["input"]): string[] {
  if (typeof input === "string") return [input];
  if (input.every((item) => typeof item === "string")) return input;
  if (input.every((item) => typeof item === "number")) return [input.join(" ")];
  return input.map((item) => (Array.isArray(item) ? item.join(" ") : String(item)));
}

/** Answers POST /v1/embeddings; prompt tokens are the tokens of every input. */
export function embeddings(request: EmbeddingsRequest): SimulatorResponse {
  const dimensions = request.dimensions ?? DEFAULT_DIMENSIONS;
  const texts = inputTexts(request.input);
  const data = texts.map((text, index) => {
    const vector = embedText(text, dimensions);
    const embedding =
      request.encoding_format === "base64"
        ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64")
        : roundedValues(vector);
    return { object: "embedding", index, embedding };
  });
  const promptTokens = texts.reduce((sum, text) => sum + countTokens(text), 0);
  return jsonResponse({
    object: "list",
    data,
    model: request.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
