import { z } from "zod";
import { type Finding, type Severity, truncateExcerpt } from "../../../core/index.js";
import type { Detector, DetectorInstance } from "../../detector.js";
import { complianceModel, complianceScore } from "./compliance-model.js";
import {
  AI_SELF_CONTEXT,
  COMPLIANCE_PATTERNS,
  type ComplianceRule,
  DEVELOPER_MODE_AI_SCORE,
  PERSONA_PREFIX,
  REFUSAL_OPENING,
  REFUSAL_STATEMENT,
  REFUSAL_WINDOW,
  UNLOCK_MARKER,
} from "./compliance-patterns.js";

export const jailbreakComplianceOptionsSchema = z.object({
  /** also run the learned component (GPTFuzz-trained); off by default, see docs/detectors/output-safety.md */
  learned: z.boolean().default(false),
  /** probability above which the learned component reports; default from the model file */
  learnedThreshold: z.number().min(0).max(1).optional(),
  /** characters scanned at most (answers are checked from the start) */
  maxChars: z.number().int().min(1_000).default(100_000),
  /** findings scored below this are not reported (the policy acts on every reported finding) */
  minScore: z.number().min(0).max(1).default(0.5),
});
export type JailbreakComplianceOptions = z.infer<typeof jailbreakComplianceOptionsSchema>;

type Rule = ComplianceRule | "learned";

interface Hit {
  readonly rule: Rule;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

function severityFor(score: number): Severity {
  return score >= 0.85 ? "high" : score >= 0.6 ? "medium" : "low";
}

function refuses(segment: string): boolean {
  return REFUSAL_OPENING.test(segment) || REFUSAL_STATEMENT.test(segment);
}

function ruleHits(text: string): Hit[] {
  const hits: Hit[] = [];
  PERSONA_PREFIX.lastIndex = 0;
  for (let match = PERSONA_PREFIX.exec(text); match !== null; match = PERSONA_PREFIX.exec(text)) {
    const end = match.index + match[0].length;
    if (match[0].length === 0) {
      PERSONA_PREFIX.lastIndex++;
      continue;
    }
    // a persona that refuses was named, not obeyed
    if (refuses(text.slice(end, end + REFUSAL_WINDOW))) continue;
    hits.push({
      rule: "persona-accepted",
      name: `PERSONA_PREFIX:${match[1] ?? ""}`,
      start: match.index,
      end,
      score: 0.85,
    });
  }
  UNLOCK_MARKER.lastIndex = 0;
  for (let match = UNLOCK_MARKER.exec(text); match !== null; match = UNLOCK_MARKER.exec(text)) {
    const end = match.index + match[0].length;
    const covered = hits.some((hit) => hit.start <= match.index && hit.end >= end);
    if (covered || refuses(text.slice(end, end + REFUSAL_WINDOW))) continue;
    hits.push({ rule: "persona-accepted", name: "UNLOCK_MARKER", start: match.index, end, score: 0.85 });
  }
  for (const entry of COMPLIANCE_PATTERNS) {
    const match = entry.pattern.exec(text);
    if (match === null) continue;
    const end = match.index + match[0].length;
    // "Developer Mode enabled, but I cannot provide that" announces the mode and still refuses
    if (entry.rule === "mode-enabled" && refuses(text.slice(end, end + REFUSAL_WINDOW))) continue;
    const score =
      entry.name === "DEVELOPER_MODE_ON" && AI_SELF_CONTEXT.test(text)
        ? DEVELOPER_MODE_AI_SCORE
        : entry.score;
    hits.push({ rule: entry.rule, name: entry.name, start: match.index, end, score });
  }
  return hits;
}

function createJailbreakCompliance(options: JailbreakComplianceOptions): DetectorInstance {
  if (options.learned) complianceModel();
  return {
    detect(text: string): Finding[] {
      const bounded = text.slice(0, options.maxChars);
      const hits = ruleHits(bounded);
      if (options.learned) {
        const threshold = options.learnedThreshold ?? complianceModel().meta.thresholds.jailbroken ?? 0.5;
        const score = complianceScore(bounded);
        if (score >= threshold)
          hits.push({
            rule: "learned",
            name: "compliance-model",
            start: 0,
            end: Math.min(bounded.length, 2_000),
            score,
          });
      }
      // several independent signs make each one more certain (a lone "Developer Mode enabled" stays low)
      const distinct = new Set(hits.map((hit) => hit.name)).size;
      return hits
        .map((hit): Finding => {
          const score = distinct >= 2 ? Math.max(hit.score, 0.9) : hit.score;
          return {
            detector: "jailbreak-compliance",
            category: "jailbreak-compliance",
            rule: hit.rule,
            start: hit.start,
            end: hit.end,
            score,
            severity: severityFor(score),
            excerpt: truncateExcerpt(bounded.slice(hit.start, hit.end), 60),
            message: hit.name,
          };
        })
        .filter((finding) => finding.score >= options.minScore)
        .sort((left, right) => left.start - right.start || left.end - right.end);
    },
  };
}

export const jailbreakComplianceDetector: Detector<JailbreakComplianceOptions> = {
  id: "jailbreak-compliance",
  category: "jailbreak-compliance",
  appliesTo: ["output"],
  description:
    "The answer accepts a jailbreak persona (DAN, Developer Mode, AIM...) or announces that it no longer follows its rules, in several languages.",
  optionsSchema: jailbreakComplianceOptionsSchema,
  create: createJailbreakCompliance,
};
