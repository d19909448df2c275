import { z } from "zod";
import type { ContentSource, Finding, Sensitivity, Severity } from "../../../core/index.js";
import { sensitivitySchema } from "../../../core/index.js";
import { truncateExcerpt } from "../../../core/mask.js";
import type { Detector, DetectorInstance, ScanContext, TextView } from "../../detector.js";
import type { PromptInjectionModel } from "./model.js";
import { sharedModel } from "./model-loader.js";
import type { PromptInjectionRule } from "./patterns.js";
import { isRolePlaySetUp } from "./role-play.js";
import { scoreView } from "./scorer.js";

export const promptInjectionOptionsSchema = z.object({
  /** overrides the sensitivity of the scan context when set */
  sensitivity: sensitivitySchema.optional(),
  /** extra findings for further structural hits besides the main one */
  maxExtraFindings: z.number().int().min(0).max(16).default(3),
});
export type PromptInjectionOptions = z.infer<typeof promptInjectionOptionsSchema>;

/** What one view of the text scored, with the technique that explains it. */
export interface ViewVerdict {
  readonly view: TextView;
  readonly score: number;
  readonly technique: PromptInjectionRule;
  readonly span: readonly [number, number];
  readonly extra: readonly { rule: PromptInjectionRule; span: readonly [number, number] }[];
}

export function severityOf(score: number): Severity {
  if (score >= 0.9) return "high";
  if (score >= 0.7) return "medium";
  return "low";
}

/** Scores one view: the model's worst window, raised when a known jailbreak template is contained. */
export function judgeView(model: PromptInjectionModel, view: TextView): ViewVerdict {
  const scored = scoreView(model, view.text);
  const inWindow = scored.hits.filter(
    (hit) => hit.start >= scored.windowStart && hit.start < scored.windowEnd,
  );
  const main = inWindow[0];
  let score = scored.probability;
  let technique: PromptInjectionRule = main ? main.rule : "classifier";
  let span: readonly [number, number] = main
    ? [main.start, main.end]
    : [scored.windowStart, scored.windowEnd];
  const known = model.templates.bestMatch(view.text);
  if (known && known.containment >= model.meta.knownJailbreak.threshold) {
    score = Math.max(score, model.meta.thresholds.low, 0.9 + 0.09 * Math.min(1, known.containment));
    technique = "known-jailbreak";
    span = [known.start, known.end];
  }
  const extra = inWindow
    .filter((hit) => hit.rule !== technique)
    .map((hit) => ({ rule: hit.rule, span: [hit.start, hit.end] as const }));
  return { view, score, technique, span, extra };
}

function findingFor(
  verdict: ViewVerdict,
  rule: PromptInjectionRule,
  span: readonly [number, number],
  original: string,
  context: ScanContext,
): Finding {
  const [start, end] = verdict.view.toOriginal(span[0], span[1]);
  const safeStart = Math.max(0, Math.min(start, original.length));
  const safeEnd = Math.max(safeStart, Math.min(end, original.length));
  const hidden = verdict.view.kind !== "original";
  const outerRule = hidden
    ? "obfuscated"
    : context.source === "document" || context.source === "tool"
      ? "indirect"
      : rule;
  return {
    detector: "prompt-injection",
    category: "prompt-injection",
    rule: outerRule,
    ...(outerRule !== rule ? { type: rule } : {}),
    start: safeStart,
    end: safeEnd,
    score: Math.round(verdict.score * 1e4) / 1e4,
    severity: severityOf(verdict.score),
    excerpt: truncateExcerpt(original.slice(safeStart, safeEnd)),
    ...(hidden && verdict.view.via ? { via: verdict.view.via } : {}),
  };
}

function originalView(text: string): TextView {
  return { kind: "original", text, toOriginal: (start, end) => [start, end] };
}

/** The verdicts of the original view and of the most suspicious view. */
export interface Assessment {
  readonly original: ViewVerdict;
  readonly best: ViewVerdict;
}

/**
 * Scores every view (the original first, the others while time remains) and keeps the worst.
 * The score of a text is `best.score`; evaluation and the detector share this function.
 * A classifier-only verdict on a role-play set-up (see role-play.ts) is held just under the medium
 * threshold: flagged at high sensitivity, not at medium or low.
 */
export function assessViews(
  model: PromptInjectionModel,
  views: readonly TextView[],
  deadline = Number.POSITIVE_INFINITY,
  source: ContentSource = "user",
): Assessment {
  const first = views[0];
  if (!first) throw new Error("assessViews needs at least the original view");
  let original = judgeView(model, first);
  let best = original;
  for (const view of views.slice(1)) {
    if (performance.now() > deadline) break;
    if (view.text === first.text || view.text.length === 0) continue;
    const verdict = judgeView(model, view);
    if (verdict.score > best.score) best = verdict;
  }
  const cap = model.meta.thresholds.medium * (1 - ROLE_PLAY_MARGIN);
  if (
    best.technique === "classifier" &&
    best.score > cap &&
    isRolePlaySetUp(
      source,
      first.text,
      views.map((view) => view.text),
    )
  ) {
    best = { ...best, score: cap };
    if (original.technique === "classifier" && original.score > cap) original = { ...original, score: cap };
  }
  return { original, best };
}

/** How far under the medium threshold a role-play set-up is held (a share of the threshold). */
const ROLE_PLAY_MARGIN = 0.001;

export function createPromptInjectionInstance(
  options: PromptInjectionOptions,
  model: () => PromptInjectionModel = sharedModel,
): DetectorInstance {
  return {
    detect(text: string, context: ScanContext): Finding[] {
      if (context.source === "system" || text.length === 0) return [];
      const loaded = model();
      const sensitivity: Sensitivity = options.sensitivity ?? context.sensitivity;
      const threshold = loaded.meta.thresholds[sensitivity];
      const views = context.views.length > 0 ? context.views : [originalView(text)];
      const { original, best } = assessViews(loaded, views, context.deadline, context.source);
      if (best.score < threshold) return [];
      // a hidden view explains the finding only when the plain text alone would not have raised it
      // (or when only the hidden view shows a structural technique)
      const hiddenExplains = best.view.kind !== "original" && best.technique !== "classifier";
      const verdict =
        original.score >= threshold && !(hiddenExplains && original.technique === "classifier")
          ? original
          : best;
      const findings = [findingFor(verdict, verdict.technique, verdict.span, text, context)];
      const seen = new Set<string>([verdict.technique]);
      for (const extra of verdict.extra) {
        if (findings.length > options.maxExtraFindings || seen.has(extra.rule)) continue;
        seen.add(extra.rule);
        findings.push(findingFor(verdict, extra.rule, extra.span, text, context));
      }
      return findings;
    },
  };
}

export const promptInjectionDetector: Detector<PromptInjectionOptions> = {
  id: "prompt-injection",
  category: "prompt-injection",
  appliesTo: ["input"],
  description:
    "Prompt injection and jailbreaks: a hashed n-gram model trained in the repo, structural signals and known-template similarity, on every normalised view.",
  optionsSchema: promptInjectionOptionsSchema,
  create: (options) => createPromptInjectionInstance(options),
};
