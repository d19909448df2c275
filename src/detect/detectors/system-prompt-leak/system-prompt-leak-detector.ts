import { z } from "zod";
import { type Finding, type Severity, truncateExcerpt } from "../../../core/index.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { measureOverlap, type Overlap } from "./overlap.js";
import { tokenize } from "./words.js";

export const systemPromptLeakOptionsSchema = z.object({
  /** words per shingle */
  shingleSize: z.number().int().min(2).max(8).default(3),
  /** consecutive words copied from the prompt that make a verbatim leak */
  verbatimRunWords: z.number().int().min(4).max(100).default(10),
  /** fraction of the prompt's distinctive shingles that makes a shingle-overlap leak */
  minShingleContainment: z.number().min(0).max(1).default(0.25),
  /** distinctive shingles that must match before any leak is reported (generic prompts never reach it) */
  minDistinctiveShingles: z.number().int().min(1).default(4),
  /** fraction of the prompt's distinctive words that makes a paraphrase leak */
  minWordContainment: z.number().min(0).max(1).default(0.5),
  /** distinctive words that must match for a paraphrase leak */
  minDistinctiveWords: z.number().int().min(1).default(8),
  /** the operator's system prompt, used when the scan context carries none */
  systemPrompt: z.string().max(200_000).optional(),
});
export type SystemPromptLeakOptions = z.infer<typeof systemPromptLeakOptionsSchema>;

/** Bounds: words read from the system prompt and from the output. */
export const MAX_PROMPT_WORDS = 5_000;
export const MAX_OUTPUT_WORDS = 60_000;

type Rule = "verbatim" | "shingle-overlap" | "paraphrase";

function classify(
  overlap: Overlap,
  options: SystemPromptLeakOptions,
): { rule: Rule; score: number } | undefined {
  const enoughShingles = overlap.matchedShingles >= options.minDistinctiveShingles;
  if (enoughShingles && overlap.longestRun >= options.verbatimRunWords) {
    // a long copied run is a leak whatever the prompt's length: the score is the overlap, raised
    // for the run (10 words -> 0.5, 20 -> 0.67, 40 -> 0.8)
    const runScore = overlap.longestRun / (overlap.longestRun + options.verbatimRunWords);
    return {
      rule: "verbatim",
      score: Math.max(overlap.shingleContainment, overlap.wordContainment, runScore),
    };
  }
  if (enoughShingles && overlap.shingleContainment >= options.minShingleContainment) {
    return { rule: "shingle-overlap", score: overlap.shingleContainment };
  }
  if (
    overlap.matchedWords >= options.minDistinctiveWords &&
    overlap.wordContainment >= options.minWordContainment
  ) {
    return { rule: "paraphrase", score: overlap.wordContainment };
  }
  return undefined;
}

function severityFor(score: number): Severity {
  if (score >= 0.6) return "high";
  if (score >= 0.3) return "medium";
  return "low";
}

function createSystemPromptLeak(options: SystemPromptLeakOptions): DetectorInstance {
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const systemPrompt = context.systemPrompt ?? options.systemPrompt;
      if (systemPrompt === undefined || systemPrompt.trim().length === 0) return [];
      const promptTokens = tokenize(systemPrompt, MAX_PROMPT_WORDS);
      const outputTokens = tokenize(text, MAX_OUTPUT_WORDS);
      const overlap = measureOverlap(promptTokens, outputTokens, { shingleSize: options.shingleSize });
      const verdict = classify(overlap, options);
      if (verdict === undefined || overlap.span === undefined) return [];
      const [start, end] = overlap.span;
      const score = Math.min(1, Math.max(0, verdict.score));
      return [
        {
          detector: "system-prompt-leak",
          category: "system-prompt-leak",
          rule: verdict.rule,
          start,
          end,
          score,
          severity: severityFor(score),
          excerpt: truncateExcerpt(text.slice(start, end), 60),
          message: `output overlaps the system prompt: ${overlap.matchedShingles} shingles (${Math.round(overlap.shingleContainment * 100)}%), ${overlap.matchedWords} distinctive words (${Math.round(overlap.wordContainment * 100)}%), longest copied run ${overlap.longestRun} words`,
        },
      ];
    },
  };
}

export const systemPromptLeakDetector: Detector<SystemPromptLeakOptions> = {
  id: "system-prompt-leak",
  category: "system-prompt-leak",
  appliesTo: ["output"],
  description:
    "The output repeats the system prompt, verbatim or reworded (word-shingle and word containment).",
  optionsSchema: systemPromptLeakOptionsSchema,
  create: createSystemPromptLeak,
};
