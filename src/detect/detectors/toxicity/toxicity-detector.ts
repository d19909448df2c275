import { z } from "zod";
import { type Finding, type Severity, truncateExcerpt } from "../../../core/index.js";
import type { Detector, DetectorInstance, ScanContext, TextView } from "../../detector.js";
import { type LexiconMatch, matchLexicon } from "./lexicon.js";
import { featurize } from "./model/hashed-features.js";
import { predict } from "./model/linear-model.js";
import { OBFUSCATED_WORD, obscenityHits } from "./obfuscation.js";
import { segmentText } from "./segments.js";
import { type ToxicityResources, toxicityResources } from "./toxicity-model.js";

export const toxicityOptionsSchema = z.object({
  /** model abuse probability (1 - P(neither)) for implicit findings and ambiguous terms; default from the model file */
  abuseThreshold: z.number().min(0).max(1).optional(),
  /** model hate probability above which an implicit finding is typed "hate"; default from the model file */
  hateThreshold: z.number().min(0).max(1).optional(),
  /** report implicit abuse found by the model alone */
  implicit: z.boolean().default(true),
  /**
   * fewest words a text segment needs before the model alone may report it: on a few words the
   * model has too little to go on (a two-word request to translate "hello" scored as abuse);
   * explicit terms are reported in text of any length
   */
  implicitMinWords: z.number().int().min(1).max(50).default(4),
  /** run the obscenity matcher on segments that look obfuscated */
  obscenity: z.boolean().default(true),
  /** lexicon terms below this severity (1 mild, 2 strong, 3 severe) are not reported */
  minSeverity: z.number().int().min(1).max(3).default(1),
  /** characters per model segment */
  segmentChars: z.number().int().min(50).max(2_000).default(300),
  /** characters scanned at most */
  maxChars: z.number().int().min(1_000).default(200_000),
});
export type ToxicityOptions = z.infer<typeof toxicityOptionsSchema>;

const TYPE_SCORE: Readonly<Record<string, number>> = {
  slur: 0.95,
  sexual: 0.8,
  profanity: 0.75,
  insult: 0.8,
};

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly severity: number;
  readonly ambiguous: boolean;
  readonly via?: string;
}

function lexiconHits(
  context: ScanContext,
  text: string,
  resources: ToxicityResources,
  maxChars: number,
): Hit[] {
  const hits: Hit[] = [];
  // the most normalised view (folded > nfkc > original) holds every word of the original, so it is
  // the only one scanned, plus decoded views (hidden text)
  const normalized =
    [...context.views].reverse().find((view) => view.kind === "normalized") ?? context.views[0];
  const original: TextView = { kind: "original", text, toOriginal: (start, end) => [start, end] };
  const decoded = context.views.filter((view) => view.kind === "decoded" && view.text.length < 20_000);
  const scanned: readonly TextView[] = [normalized ?? original, ...decoded];
  for (const view of scanned) {
    for (const match of matchLexicon(view.text, resources.lexicon, maxChars) as LexiconMatch[]) {
      const [start, end] = view.toOriginal(match.start, match.end);
      if (end > text.length || start >= end) continue;
      hits.push({
        start,
        end,
        type: match.type,
        severity: match.severity,
        ambiguous: match.ambiguous,
        ...(view.kind === "original" ? {} : { via: view.via ?? view.kind }),
      });
    }
  }
  return hits;
}

function severityOf(type: string, level: number): Severity {
  if (type === "slur" || type === "hate") return "high";
  return level >= 3 ? "high" : level >= 2 ? "medium" : "low";
}

const WORD = /\p{L}[\p{L}\p{M}'\u2019-]*/gu;

function wordCount(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count += 1;
  return count;
}

function createToxicity(options: ToxicityOptions): DetectorInstance {
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const resources = toxicityResources();
      const abuseThreshold = options.abuseThreshold ?? resources.model.meta.thresholds.abuse ?? 0.7;
      const hateThreshold = options.hateThreshold ?? resources.model.meta.thresholds.hate ?? 0.5;
      const bounded = text.slice(0, options.maxChars);
      const hits = lexiconHits(context, bounded, resources, options.maxChars).filter(
        (hit) => hit.severity >= options.minSeverity,
      );
      const segments = segmentText(bounded, options.segmentChars);
      const findings: Finding[] = [];
      const seen = new Set<string>();
      const explicit = (hit: Hit, modelScore: number) => {
        const key = `${hit.start}:${hit.end}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          detector: "toxicity",
          category: "toxicity",
          rule: "explicit",
          type: hit.type,
          start: hit.start,
          end: hit.end,
          score: Math.min(1, Math.max(TYPE_SCORE[hit.type] ?? 0.75, modelScore)),
          severity: severityOf(hit.type, hit.severity),
          excerpt: truncateExcerpt(
            `${bounded.slice(hit.start, hit.start + 1)}${"*".repeat(Math.max(0, Math.min(8, hit.end - hit.start - 1)))}`,
            12,
          ),
          ...(hit.via === undefined ? {} : { via: hit.via }),
        });
      };
      for (const [segmentStart, segmentEnd] of segments) {
        const segment = bounded.slice(segmentStart, segmentEnd);
        const probabilities = predict(resources.model.model, featurize(segment, resources.model.features));
        const abuse = 1 - (probabilities[0] ?? 1);
        const hate = probabilities[2] ?? 0;
        const inSegment = hits.filter((hit) => hit.start >= segmentStart && hit.start < segmentEnd);
        if (options.obscenity && OBFUSCATED_WORD.test(segment)) {
          for (const hit of obscenityHits(segment)) {
            const start = segmentStart + hit.start;
            if (inSegment.some((other) => other.start <= start && other.end > start)) continue;
            inSegment.push({
              start,
              end: segmentStart + hit.end,
              type: "profanity",
              severity: 2,
              ambiguous: false,
              via: "obscenity",
            });
          }
        }
        let reported = false;
        for (const hit of inSegment) {
          if (hit.ambiguous && abuse < abuseThreshold) continue;
          explicit(hit, abuse);
          reported = true;
        }
        if (
          !reported &&
          options.implicit &&
          abuse >= abuseThreshold &&
          wordCount(segment) >= options.implicitMinWords
        ) {
          const isHate = hate >= hateThreshold;
          findings.push({
            detector: "toxicity",
            category: "toxicity",
            rule: "implicit",
            type: isHate ? "hate" : "abuse",
            start: segmentStart,
            end: segmentEnd,
            score: Math.min(1, isHate ? Math.max(hate, abuse) : abuse),
            severity: isHate ? "high" : "medium",
            excerpt: truncateExcerpt(segment.trim(), 40),
            message: `model: abuse ${abuse.toFixed(2)}, hate ${hate.toFixed(2)}; no explicit term`,
          });
        }
      }
      return findings.sort((left, right) => left.start - right.start || left.end - right.end);
    },
  };
}

export const toxicityDetector: Detector<ToxicityOptions> = {
  id: "toxicity",
  category: "toxicity",
  appliesTo: ["input", "output"],
  description:
    "Explicit abuse (profanity, slurs: an obfuscation-resistant lexicon) and implicit abuse (hate or harassment without profanity: a small learned model).",
  optionsSchema: toxicityOptionsSchema,
  create: createToxicity,
};
