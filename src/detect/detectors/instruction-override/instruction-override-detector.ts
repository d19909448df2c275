import { z } from "zod";
import type { Finding } from "../../../core/index.js";
import { truncateExcerpt } from "../../../core/mask.js";
import type { Detector, DetectorInstance, ScanContext, TextView } from "../../detector.js";
import { DOCUMENT_REGION, OVERRIDE_RULES, type OverrideRule } from "./override-rules.js";

export const instructionOverrideOptionsSchema = z.object({
  /** also read text addressed to the model inside user messages, not only documents and tool results */
  addressedInUserText: z.boolean().default(false),
});
export type InstructionOverrideOptions = z.infer<typeof instructionOverrideOptionsSchema>;

const SCORES: Readonly<Record<OverrideRule, number>> = {
  "cancel-instructions": 0.95,
  "cancel-and-redirect": 0.9,
  "new-instructions": 0.9,
  "fake-role": 0.9,
  "fake-mode": 0.85,
  "addressed-to-model": 0.85,
};

/** Untrusted ranges of a view: all of it for documents and tool results, tagged documents otherwise. */
function untrustedRanges(view: TextView, context: ScanContext, options: InstructionOverrideOptions) {
  if (context.source === "tool" || context.source === "document" || options.addressedInUserText)
    return [[0, view.text.length] as const];
  const ranges: (readonly [number, number])[] = [];
  DOCUMENT_REGION.lastIndex = 0;
  for (let match = DOCUMENT_REGION.exec(view.text); match !== null; match = DOCUMENT_REGION.exec(view.text)) {
    const inner = match[2] ?? "";
    const start = match.index + match[0].indexOf(inner, match[1]?.length ?? 0);
    ranges.push([start, start + inner.length]);
  }
  return ranges;
}

function createInstructionOverride(options: InstructionOverrideOptions): DetectorInstance {
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const findings: Finding[] = [];
      const views = context.views.length > 0 ? context.views : [];
      for (const view of views) {
        for (const { rule, pattern, untrustedOnly } of OVERRIDE_RULES) {
          const ranges = untrustedOnly
            ? untrustedRanges(view, context, options)
            : [[0, view.text.length] as const];
          for (const [from, to] of ranges) {
            const region = view.text.slice(from, to);
            const match = pattern.exec(region);
            if (match === null) continue;
            const [start, end] = view.toOriginal(from + match.index, from + match.index + match[0].length);
            if (start >= end || end > text.length) continue;
            const indirect =
              context.source === "tool" || context.source === "document" || untrustedOnly === true;
            findings.push({
              detector: "instruction-override",
              category: "prompt-injection",
              rule: indirect ? "indirect" : rule,
              ...(indirect ? { type: rule } : {}),
              start,
              end,
              score: SCORES[rule],
              severity: "high",
              excerpt: truncateExcerpt(match[0], 80),
              ...(view.kind === "original" ? {} : { via: view.via }),
              message: `an instruction override in plain words (${rule})`,
            });
            break;
          }
        }
        if (findings.length > 0 || performance.now() > context.deadline) break;
      }
      return findings;
    },
  };
}

export const instructionOverrideDetector: Detector<InstructionOverrideOptions> = {
  id: "instruction-override",
  category: "prompt-injection",
  appliesTo: ["input"],
  description:
    "Instruction overrides in plain words: cancelling the model's instructions, announcing new ones, fake role markers and modes, and documents or tool results that address the model.",
  optionsSchema: instructionOverrideOptionsSchema,
  create: createInstructionOverride,
};
