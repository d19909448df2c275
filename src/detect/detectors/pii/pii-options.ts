import { z } from "zod";
import { builtInPiiTypes } from "./pii-candidate.js";

function compiles(source: string): boolean {
  try {
    new RegExp(source, "gu");
    return true;
  } catch {
    return false;
  }
}

/** A user-defined recogniser: a regular expression that reports `type`. */
export const customPatternSchema = z.object({
  type: z.string().min(1).max(64),
  /** compiled with the `g` and `u` flags; it runs on at most `customPatternMaxInput` characters */
  regex: z.string().min(1).max(2000).refine(compiles, "not a valid regular expression"),
  score: z.number().min(0).max(1).default(0.8),
  /** words that, near a match, raise its score by 0.15 */
  context: z.array(z.string().min(1)).default([]),
});

/** Values that are always reported as `type` (case-insensitive, whole words). */
export const denyListSchema = z.object({
  type: z.string().min(1).max(64),
  values: z.array(z.string().min(1).max(256)).max(10_000),
});

export const piiOptionsSchema = z.object({
  /** built-in types to report; all by default */
  types: z.array(z.enum(builtInPiiTypes)).default([...builtInPiiTypes]),
  /** candidates scoring below this are dropped */
  minScore: z.number().min(0).max(1).default(0.5),
  /** regions tried for phone numbers written without a country code (ISO 3166 alpha-2) */
  phoneRegions: z.array(z.string().regex(/^[A-Z]{2}$/)).default(["US", "GB", "DE", "FR", "ES"]),
  patterns: z.array(customPatternSchema).default([]),
  denyList: z.array(denyListSchema).default([]),
  /** exact values (case-insensitive) never reported */
  allowList: z.array(z.string().min(1)).default([]),
  /** custom patterns see at most this many characters, so a slow user pattern stays bounded */
  customPatternMaxInput: z.number().int().positive().default(100_000),
});

export type PiiOptions = z.infer<typeof piiOptionsSchema>;
