import { z } from "zod";
import { severitySchema } from "../../../core/index.js";

function compiles(source: string): boolean {
  try {
    new RegExp(source, "dgu");
    return true;
  } catch {
    return false;
  }
}

const regexSource = z.string().min(1).max(2000).refine(compiles, "not a valid regular expression");

/** A credential format added by the operator. A named group `secret` marks the value to report. */
export const extraSecretPatternSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "kebab-case id"),
  regex: regexSource,
  description: z.string().default("operator-defined credential format"),
  keywords: z.array(z.string().min(1)).default([]),
  minEntropy: z.number().min(0).max(8).optional(),
  severity: severitySchema.default("high"),
  score: z.number().min(0).max(1).default(0.85),
});

export const secretOptionsSchema = z.object({
  /** operator-defined formats, checked after the catalogue */
  patterns: z.array(extraSecretPatternSchema).default([]),
  /** catalogue format ids to switch off */
  disabledRules: z.array(z.string()).default([]),
  allowlist: z
    .object({
      /** exact values never reported */
      values: z.array(z.string().min(1)).default([]),
      /** regular expressions; a value that matches one is never reported */
      patterns: z.array(regexSource).default([]),
    })
    .default({ values: [], patterns: [] }),
  minScore: z.number().min(0).max(1).default(0.5),
  /** custom patterns see at most this many characters */
  customPatternMaxInput: z.number().int().positive().default(100_000),
});

export type SecretOptions = z.infer<typeof secretOptionsSchema>;
