import { z } from "zod";
import { type Finding, maskValue } from "../../../core/index.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { type ContextValue, contextValues, valuePattern } from "./context-values.js";

export const contextLeakOptionsSchema = z.object({
  /** values in the system prompt that users may be told (a support phone line, a public address) */
  allow: z.array(z.string().min(1).max(256)).max(256).default([]),
  /** which kinds of values to look for */
  kinds: z
    .array(z.enum(["credential", "personal-data"]))
    .min(1)
    .default(["credential", "personal-data"]),
});
export type ContextLeakOptions = z.infer<typeof contextLeakOptionsSchema>;

/** Longest system prompt read for values; the rest is ignored (bounded work). */
export const MAX_CONTEXT_CHARS = 64 * 1024;

const SCORES = { credential: 0.98, "personal-data": 0.9 } as const;

function createContextLeak(options: ContextLeakOptions): DetectorInstance {
  const allowed = new Set(options.allow.map((value) => value.toLowerCase()));
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const system = context.systemPrompt?.slice(0, MAX_CONTEXT_CHARS) ?? "";
      if (system === "" || text === "") return [];
      const values = contextValues(system).filter(
        (value) => options.kinds.includes(value.kind) && !allowed.has(value.value.toLowerCase()),
      );
      const findings: Finding[] = [];
      const seen = new Set<string>();
      const views = context.views.length > 0 ? context.views : [];
      for (const value of values) {
        const pattern = valuePattern(value);
        for (const view of views) {
          pattern.lastIndex = 0;
          for (let match = pattern.exec(view.text); match !== null; match = pattern.exec(view.text)) {
            if (match[0].length === 0) {
              pattern.lastIndex++;
              continue;
            }
            const [start, end] = view.toOriginal(match.index, match.index + match[0].length);
            const key = `${start}:${end}`;
            if (start >= end || end > text.length || seen.has(key)) continue;
            seen.add(key);
            findings.push(findingFor(value, start, end, view.kind === "original" ? undefined : view.via));
          }
          if (performance.now() > context.deadline) return findings;
        }
      }
      return findings.sort((left, right) => left.start - right.start || left.end - right.end);
    },
  };
}

function findingFor(value: ContextValue, start: number, end: number, via: string | undefined): Finding {
  return {
    detector: "context-leak",
    category: "system-prompt-leak",
    rule: `context.${value.kind}`,
    type: value.type,
    start,
    end,
    score: SCORES[value.kind],
    severity: value.kind === "credential" ? "critical" : "high",
    excerpt: maskValue(value.value),
    ...(via === undefined ? {} : { via }),
    message:
      value.kind === "credential"
        ? "the answer repeats a credential from the system prompt"
        : "the answer repeats personal data from the system prompt",
  };
}

export const contextLeakDetector: Detector<ContextLeakOptions> = {
  id: "context-leak",
  category: "system-prompt-leak",
  appliesTo: ["output"],
  description:
    "The answer repeats a credential or a piece of personal data (email, phone, card, id number) that sits in the system prompt.",
  optionsSchema: contextLeakOptionsSchema,
  create: createContextLeak,
};
