import { z } from "zod";
import type { Finding, Sensitivity } from "../../../core/index.js";
import { truncateExcerpt } from "../../../core/mask.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";

/**
 * Degenerate, endless output: the same word or phrase repeated back to back ("data data data ...",
 * "hello world hello world ..."), or one letter repeated hundreds of times. Stateless, so it works
 * on a whole answer and on each window of a stream (a window of the gateway's hold-back stream is
 * about 260 characters: the thresholds are sized so that a run shows within one window).
 */
export const repetitionOptionsSchema = z.object({
  /** back-to-back repeats of one unit that make a run; default by sensitivity (low 32, medium 16, high 10) */
  minRepeats: z.number().int().min(3).max(10_000).optional(),
  /** a run must also cover this many characters */
  minRunChars: z.number().int().min(16).max(1_000_000).default(120),
  /** the longest unit, in words */
  maxUnitWords: z.number().int().min(1).max(16).default(12),
  /** one letter or digit repeated this many times in a row (no spaces) is a run */
  minCharacterRun: z.number().int().min(16).max(1_000_000).default(200),
});
export type RepetitionOptions = z.infer<typeof repetitionOptionsSchema>;

const REPEATS_BY_SENSITIVITY: Readonly<Record<Sensitivity, number>> = { low: 32, medium: 16, high: 10 };
/** A run that fills nearly the whole scanned text needs fewer repeats (a stream window of long units). */
const WHOLE_TEXT_SHARE = 0.9;
const WHOLE_TEXT_MIN_CHARS = 240;
const WHOLE_TEXT_MIN_REPEATS = 4;
/** Words are read up to this many characters each; longer tokens are compared by their prefix. */
const MAX_WORD_CHARS = 64;
const WORD = /\S+/gu;
const CHARACTER_RUN_SHORTEST = 16;
/** A letter or digit repeated back to back; the length is checked after the match. */
const CHARACTER_RUN = /([\p{L}\p{N}])\1{15,}/gu;

interface Token {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly hasLetter: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const raw = match[0].slice(0, MAX_WORD_CHARS);
    const key = raw.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    out.push({ key, start: match.index, end: match.index + match[0].length, hasLetter: /\p{L}/u.test(key) });
  }
  return out;
}

interface Run {
  readonly start: number;
  readonly end: number;
  readonly unitWords: number;
  readonly repeats: number;
  readonly unit: string;
}

/** The longest back-to-back repetition of a unit of 1..maxUnitWords words. */
function longestRun(list: readonly Token[], maxUnitWords: number, deadline: number): Run | undefined {
  let best: Run | undefined;
  for (let size = 1; size <= maxUnitWords; size += 1) {
    if (performance.now() > deadline) break;
    let runStart = -1;
    for (let index = size; index <= list.length; index += 1) {
      const current = list[index];
      const earlier = list[index - size];
      const same =
        current !== undefined && earlier !== undefined && current.key !== "" && current.key === earlier.key;
      if (same) {
        if (runStart < 0) runStart = index - size;
        continue;
      }
      if (runStart >= 0) {
        const length = index - runStart;
        const repeats = Math.floor(length / size);
        const unitTokens = list.slice(runStart, runStart + size);
        const first = list[runStart];
        const last = list[runStart + repeats * size - 1];
        if (
          repeats >= 2 &&
          first !== undefined &&
          last !== undefined &&
          unitTokens.some((token) => token.hasLetter) &&
          (best === undefined || last.end - first.start > best.end - best.start)
        ) {
          best = {
            start: first.start,
            end: last.end,
            unitWords: size,
            repeats,
            unit: unitTokens.map((token) => token.key).join(" "),
          };
        }
        runStart = -1;
      }
    }
  }
  return best;
}

function createRepetition(options: RepetitionOptions): DetectorInstance {
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const findings: Finding[] = [];
      const minRepeats = options.minRepeats ?? REPEATS_BY_SENSITIVITY[context.sensitivity];
      const run = longestRun(tokens(text), options.maxUnitWords, context.deadline);
      if (run !== undefined) {
        const chars = run.end - run.start;
        const wholeText =
          chars >= WHOLE_TEXT_MIN_CHARS &&
          chars >= text.trim().length * WHOLE_TEXT_SHARE &&
          run.repeats >= WHOLE_TEXT_MIN_REPEATS;
        if ((run.repeats >= minRepeats && chars >= options.minRunChars) || wholeText) {
          findings.push({
            detector: "repetition",
            category: "unbounded-output",
            rule: "repetition.words",
            start: run.start,
            end: run.end,
            score: Math.min(0.99, 0.75 + run.repeats / 200),
            severity: "medium",
            excerpt: truncateExcerpt(run.unit, 40),
            message: `the same ${run.unitWords === 1 ? "word" : `${run.unitWords}-word phrase`} repeated ${run.repeats} times in a row`,
          });
        }
      }
      if (options.minCharacterRun >= CHARACTER_RUN_SHORTEST) {
        CHARACTER_RUN.lastIndex = 0;
        for (let match = CHARACTER_RUN.exec(text); match !== null; match = CHARACTER_RUN.exec(text)) {
          if (match[0].length < options.minCharacterRun) continue;
          findings.push({
            detector: "repetition",
            category: "unbounded-output",
            rule: "repetition.characters",
            start: match.index,
            end: match.index + match[0].length,
            score: 0.9,
            severity: "medium",
            excerpt: `${match[1]} x ${match[0].length}`,
            message: `one character repeated ${match[0].length} times in a row`,
          });
          break;
        }
      }
      return findings;
    },
  };
}

export const repetitionDetector: Detector<RepetitionOptions> = {
  id: "repetition",
  category: "unbounded-output",
  appliesTo: ["output"],
  description:
    "Degenerate, endless output: one word or phrase repeated back to back, or one character repeated hundreds of times (works per stream window).",
  optionsSchema: repetitionOptionsSchema,
  create: createRepetition,
};
