import { z } from "zod";

/**
 * The threat categories that detectors report. A category is what the policy acts on;
 * the `rule` inside a finding names the technique or pattern.
 */
export const categories = [
  "prompt-injection",
  "pii",
  "secret",
  "toxicity",
  "invisible-text",
  "exfiltration",
  "unsafe-markup",
  "dangerous-command",
  "jailbreak-compliance",
  "system-prompt-leak",
  "canary-leak",
  "harmful-request",
  "unbounded-output",
  "unverified-reference",
] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

export const severities = ["low", "medium", "high", "critical"] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

/** Which way the text travels: to the model (input) or back from it (output). */
export const directionSchema = z.enum(["input", "output"]);
export type Direction = z.infer<typeof directionSchema>;

/**
 * Where a piece of scanned text came from. System prompts are the operator's and are trusted;
 * documents and tool results are untrusted third-party content (indirect injection).
 */
export const contentSourceSchema = z.enum(["user", "document", "tool", "system", "assistant"]);
export type ContentSource = z.infer<typeof contentSourceSchema>;

export const sensitivitySchema = z.enum(["low", "medium", "high"]);
export type Sensitivity = z.infer<typeof sensitivitySchema>;

/**
 * One thing a detector found. Spans are UTF-16 offsets into the ORIGINAL text, end exclusive.
 * `excerpt` is masked: it never carries a raw secret or a full personal-data value.
 */
export const findingSchema = z.object({
  detector: z.string().min(1),
  category: categorySchema,
  rule: z.string().min(1),
  type: z.string().min(1).optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
  severity: severitySchema,
  excerpt: z.string().optional(),
  /** how the text was reached when it was hidden: "base64", "unicode-tags", "homoglyph"... */
  via: z.string().optional(),
  message: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const verdicts = ["allow", "flag", "redact", "block"] as const;
export const verdictSchema = z.enum(verdicts);
export type Verdict = z.infer<typeof verdictSchema>;

/** Order of strength, used to combine verdicts: the strongest wins. */
export const verdictRank: Readonly<Record<Verdict, number>> = { allow: 0, flag: 1, redact: 2, block: 3 };

export function strongestVerdict(values: Iterable<Verdict>): Verdict {
  let best: Verdict = "allow";
  for (const value of values) if (verdictRank[value] > verdictRank[best]) best = value;
  return best;
}
