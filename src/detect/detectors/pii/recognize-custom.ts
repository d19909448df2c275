import { hasContext } from "./context-words.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";
import type { PiiOptions } from "./pii-options.js";

export interface CompiledCustom {
  readonly patterns: readonly { type: string; pattern: RegExp; score: number; context: readonly string[] }[];
  readonly denyLists: readonly { type: string; pattern: RegExp }[];
  readonly maxInput: number;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiles the user's patterns and deny-lists once, when the detector is created. */
export function compileCustom(options: PiiOptions): CompiledCustom {
  return {
    patterns: options.patterns.map((entry) => ({
      type: entry.type,
      pattern: new RegExp(entry.regex, "gu"),
      score: entry.score,
      context: entry.context.map((word) => word.toLowerCase()),
    })),
    denyLists: options.denyList
      .filter((entry) => entry.values.length > 0)
      .map((entry) => {
        const alternatives = [...entry.values].sort((a, b) => b.length - a.length).map(escapeRegExp);
        return {
          type: entry.type,
          pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu"),
        };
      }),
    maxInput: options.customPatternMaxInput,
  };
}

/** Matches of user-defined patterns (on a bounded prefix of the text) and deny-list values. */
export function recognizeCustom(text: string, custom: CompiledCustom): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  const bounded = text.length > custom.maxInput ? text.slice(0, custom.maxInput) : text;
  for (const entry of custom.patterns) {
    for (const match of bounded.matchAll(entry.pattern)) {
      if (match[0].length === 0) continue;
      const start = match.index;
      const end = start + match[0].length;
      const score =
        entry.context.length > 0 && hasContext(text, start, end, entry.context)
          ? entry.score + 0.15
          : entry.score;
      found.push({
        type: entry.type,
        rule: `custom.${entry.type.toLowerCase()}`,
        start,
        end,
        score: clampScore(score),
      });
      if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) return found;
    }
  }
  for (const entry of custom.denyLists) {
    for (const match of text.matchAll(entry.pattern)) {
      found.push({
        type: entry.type,
        rule: "deny-list",
        start: match.index,
        end: match.index + match[0].length,
        score: 1,
      });
      if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) return found;
    }
  }
  return found;
}
