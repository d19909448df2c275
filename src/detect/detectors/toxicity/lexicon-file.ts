import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { RampartError } from "../../../core/errors.js";
import type { Lexicon, LexiconEntry } from "./lexicon.js";

export const lexiconFileSchema = z.object({
  format: z.literal("rampart-lexicon/1"),
  sources: z.array(z.string()),
  entries: z.array(
    z.object({
      key: z.number().int().nonnegative(),
      type: z.enum(["slur", "sexual", "profanity", "insult"]),
      severity: z.number().int().min(1).max(3),
      ambiguous: z.boolean(),
    }),
  ),
  prefixes: z.array(z.number().int().nonnegative()),
});

export function loadLexicon(file: URL): Lexicon {
  if (!existsSync(file)) throw new RampartError("internal", `toxicity lexicon not found at ${file.pathname}`);
  const parsed = lexiconFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new RampartError("internal", `toxicity lexicon is invalid: ${parsed.error.message}`);
  const terms = new Map<number, LexiconEntry>();
  for (const entry of parsed.data.entries)
    terms.set(entry.key, { type: entry.type, severity: entry.severity, ambiguous: entry.ambiguous });
  return { terms, prefixes: new Set(parsed.data.prefixes) };
}
