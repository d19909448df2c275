import { isDistinctive, type WordToken } from "./words.js";

export interface OverlapOptions {
  readonly shingleSize: number;
}

export interface Overlap {
  /** fraction of the system prompt's distinctive shingles found in the output */
  readonly shingleContainment: number;
  /** number of distinctive shingles of the system prompt found in the output */
  readonly matchedShingles: number;
  /** fraction of the system prompt's distinctive words found in the output */
  readonly wordContainment: number;
  readonly matchedWords: number;
  readonly promptDistinctiveWords: number;
  /** the longest run of consecutive output words that also appears consecutively in the prompt */
  readonly longestRun: number;
  /** span in the output covering the matched material, or undefined */
  readonly span?: readonly [number, number];
}

function shingleKey(tokens: readonly WordToken[], index: number, size: number): string {
  let key = "";
  for (let offset = 0; offset < size; offset++) key += `${tokens[index + offset]?.word ?? ""}\u0001`;
  return key;
}

/** A shingle is distinctive when at least one of its words is. */
function shingleIsDistinctive(tokens: readonly WordToken[], index: number, size: number): boolean {
  for (let offset = 0; offset < size; offset++)
    if (isDistinctive(tokens[index + offset]?.word ?? "")) return true;
  return false;
}

/**
 * Word-shingle and word containment of the system prompt in the output. Linear in both lengths
 * (hash sets), so it is cheap on long answers.
 */
export function measureOverlap(
  prompt: readonly WordToken[],
  output: readonly WordToken[],
  options: OverlapOptions,
): Overlap {
  const size = options.shingleSize;
  const promptShingles = new Set<string>();
  const allPromptShingles = new Set<string>();
  for (let index = 0; index + size <= prompt.length; index++) {
    const key = shingleKey(prompt, index, size);
    allPromptShingles.add(key);
    if (shingleIsDistinctive(prompt, index, size)) promptShingles.add(key);
  }
  const promptWords = new Set(prompt.map((token) => token.word).filter(isDistinctive));
  const matchedShingleKeys = new Set<string>();
  let spanStart = Number.POSITIVE_INFINITY;
  let spanEnd = -1;
  let run = 0;
  let longestRun = 0;
  for (let index = 0; index + size <= output.length; index++) {
    const key = shingleKey(output, index, size);
    if (allPromptShingles.has(key)) {
      run = run === 0 ? size : run + 1;
      longestRun = Math.max(longestRun, run);
    } else run = 0;
    if (promptShingles.has(key)) {
      matchedShingleKeys.add(key);
      spanStart = Math.min(spanStart, output[index]?.start ?? spanStart);
      spanEnd = Math.max(spanEnd, output[index + size - 1]?.end ?? spanEnd);
    }
  }
  const matchedWordSet = new Set<string>();
  for (const token of output) {
    if (!promptWords.has(token.word)) continue;
    matchedWordSet.add(token.word);
  }
  if (spanEnd < 0) {
    for (const token of output) {
      if (!promptWords.has(token.word)) continue;
      spanStart = Math.min(spanStart, token.start);
      spanEnd = Math.max(spanEnd, token.end);
    }
  }
  return {
    shingleContainment: promptShingles.size === 0 ? 0 : matchedShingleKeys.size / promptShingles.size,
    matchedShingles: matchedShingleKeys.size,
    wordContainment: promptWords.size === 0 ? 0 : matchedWordSet.size / promptWords.size,
    matchedWords: matchedWordSet.size,
    promptDistinctiveWords: promptWords.size,
    longestRun,
    ...(spanEnd >= 0 ? { span: [spanStart, spanEnd] as const } : {}),
  };
}
