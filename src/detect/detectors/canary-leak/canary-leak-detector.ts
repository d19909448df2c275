import { z } from "zod";
import { type Finding, maskValue } from "../../../core/index.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { base64Cores, escapeRegExp, spacedPattern } from "./canary-patterns.js";

export const canaryLeakOptionsSchema = z.object({
  /** static canaries configured by the operator, checked with the per-request ones */
  canaries: z.array(z.string().min(4).max(256)).max(64).default([]),
  /** also look for the canary with separators between its letters */
  spaced: z.boolean().default(true),
  /** also look for the canary inside base64 text */
  base64: z.boolean().default(true),
});
export type CanaryLeakOptions = z.infer<typeof canaryLeakOptionsSchema>;

/** Canaries shorter than this are ignored: they would match by chance. */
export const MIN_CANARY_LENGTH = 6;
/** Longest text searched for hex and percent-encoded canaries (lower-casing copies the text). */
export const MAX_ENCODED_SEARCH_CHARS = 1_000_000;

/** Percent-encodes every character that is not a letter or digit, lower-case hex ("rc%2d7f"). */
export function percentEncode(value: string): string {
  return Array.from(value, (character) =>
    /[\p{L}\p{N}]/u.test(character)
      ? character.toLowerCase()
      : encodeURIComponent(character)
          .toLowerCase()
          .replace(/^-$/, "%2d")
          .replace(/^\.$/, "%2e")
          .replace(/^_$/, "%5f")
          .replace(/^~$/, "%7e"),
  ).join("");
}

/** At most this many canaries per scan are checked (bounded work). */
export const MAX_CANARIES = 64;

type Rule = "verbatim" | "case-folded" | "spaced" | "encoded";

interface Match {
  readonly start: number;
  readonly end: number;
  readonly rule: Rule;
  readonly canary: string;
  readonly via?: string;
}

function findAll(
  pattern: RegExp,
  text: string,
  visit: (start: number, end: number, value: string) => void,
): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    visit(match.index, match.index + match[0].length, match[0]);
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

function scanCanary(canary: string, context: ScanContext, text: string, options: CanaryLeakOptions): Match[] {
  const matches: Match[] = [];
  const literal = new RegExp(escapeRegExp(canary), "giu");
  const spaced = options.spaced ? spacedPattern(canary) : undefined;
  const views =
    context.views.length > 0
      ? context.views
      : [
          {
            kind: "original" as const,
            text,
            toOriginal: (start: number, end: number) => [start, end] as const,
          },
        ];
  for (const view of views) {
    const via = view.kind === "original" ? undefined : view.via;
    findAll(literal, view.text, (start, end, value) => {
      const [originalStart, originalEnd] = view.toOriginal(start, end);
      const rule: Rule = view.kind === "decoded" ? "encoded" : value === canary ? "verbatim" : "case-folded";
      matches.push({ start: originalStart, end: originalEnd, rule, canary, via });
    });
    if (spaced !== undefined && view.kind !== "decoded") {
      findAll(spaced, view.text, (start, end, value) => {
        if (value.length === canary.length) return; // already reported as verbatim or case-folded
        const [originalStart, originalEnd] = view.toOriginal(start, end);
        matches.push({ start: originalStart, end: originalEnd, rule: "spaced", canary, via });
      });
    }
  }
  // hex and percent-encoded copies, found without decoding the whole text
  const hex = Buffer.from(canary, "utf8").toString("hex");
  const lowered = text.length <= MAX_ENCODED_SEARCH_CHARS ? text.toLowerCase() : "";
  for (const [needle, via] of [
    [hex, "hex"],
    [percentEncode(canary), "url"],
  ] as const) {
    if (needle === canary.toLowerCase()) continue;
    for (
      let from = lowered.indexOf(needle);
      from >= 0;
      from = lowered.indexOf(needle, from + needle.length)
    ) {
      matches.push({ start: from, end: from + needle.length, rule: "encoded", canary, via });
    }
  }
  if (options.base64) {
    for (const core of base64Cores(canary)) {
      let from = text.indexOf(core);
      while (from >= 0) {
        matches.push({ start: from, end: from + core.length, rule: "encoded", canary, via: "base64" });
        from = text.indexOf(core, from + core.length);
      }
    }
  }
  return matches;
}

const SCORES: Readonly<Record<Rule, number>> = {
  verbatim: 1,
  "case-folded": 0.95,
  spaced: 0.9,
  encoded: 0.95,
};

function createCanaryLeak(options: CanaryLeakOptions): DetectorInstance {
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const canaries = [...new Set([...(context.canaries ?? []), ...options.canaries])]
        .filter((canary) => canary.length >= MIN_CANARY_LENGTH)
        .slice(0, MAX_CANARIES);
      const seen = new Set<string>();
      const findings: Finding[] = [];
      for (const canary of canaries) {
        for (const match of scanCanary(canary, context, text, options)) {
          const key = `${match.start}:${match.end}:${match.canary}`;
          if (seen.has(key) || match.end > text.length || match.start >= match.end) continue;
          seen.add(key);
          findings.push({
            detector: "canary-leak",
            category: "canary-leak",
            rule: match.rule,
            start: match.start,
            end: match.end,
            score: SCORES[match.rule],
            severity: "critical",
            excerpt: maskValue(match.canary),
            ...(match.via === undefined ? {} : { via: match.via }),
            message: "a canary planted in the system prompt appears in the output",
          });
        }
      }
      return findings.sort((left, right) => left.start - right.start || left.end - right.end);
    },
  };
}

export const canaryLeakDetector: Detector<CanaryLeakOptions> = {
  id: "canary-leak",
  category: "canary-leak",
  appliesTo: ["output"],
  description:
    "A canary token planted in the system prompt appears in the output (verbatim, case-folded, spaced or base64).",
  optionsSchema: canaryLeakOptionsSchema,
  create: createCanaryLeak,
};
