import { z } from "zod";
import type { Finding } from "../../../core/index.js";
import { truncateExcerpt } from "../../../core/mask.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { EVASION, HARM_RULES, type Hazard, HELP_REQUEST } from "./harm-rules.js";

export const harmfulRequestOptionsSchema = z.object({
  /** hazard categories to leave out (an app for security researchers may allow `cyber`) */
  ignore: z
    .array(
      z.enum([
        "weapons",
        "cyber",
        "drugs",
        "violence",
        "stalking",
        "fraud",
        "self-harm",
        "hate",
        "disinformation",
        "minors",
        "crime",
      ]),
    )
    .default([]),
});
export type HarmfulRequestOptions = z.infer<typeof harmfulRequestOptionsSchema>;

/** Only this much of a text around each objective is read for the request (bounded work). */
const REQUEST_WINDOW = 400;

function createHarmfulRequest(options: HarmfulRequestOptions): DetectorInstance {
  const ignored = new Set<Hazard>(options.ignore);
  const rules = HARM_RULES.filter((rule) => !ignored.has(rule.hazard));
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const findings: Finding[] = [];
      const views = context.views.length > 0 ? context.views : [];
      for (const view of views) {
        for (const rule of rules) {
          const match = rule.pattern.exec(view.text);
          if (match === null) continue;
          const around = view.text.slice(
            Math.max(0, match.index - REQUEST_WINDOW),
            match.index + match[0].length + REQUEST_WINDOW,
          );
          if (!HELP_REQUEST.test(around)) continue;
          const evasion = EVASION.test(around);
          const [start, end] = view.toOriginal(match.index, match.index + match[0].length);
          if (start >= end || end > text.length) continue;
          findings.push({
            detector: "harmful-request",
            category: "harmful-request",
            rule: `harm.${rule.hazard}`,
            start,
            end,
            score: evasion ? 0.95 : 0.85,
            severity: rule.hazard === "minors" || rule.hazard === "weapons" ? "critical" : "high",
            excerpt: truncateExcerpt(match[0], 60),
            ...(view.kind === "original" ? {} : { via: view.via }),
            message: `a request for help with harm (${rule.hazard})${evasion ? " that asks to avoid detection" : ""}`,
          });
        }
        if (findings.length > 0 || performance.now() > context.deadline) break;
      }
      return findings;
    },
  };
}

export const harmfulRequestDetector: Detector<HarmfulRequestOptions> = {
  id: "harmful-request",
  category: "harmful-request",
  appliesTo: ["input"],
  description:
    "A request for help with serious harm: weapons and explosives, malware and break-ins, drugs, violence, stalking, fraud, self-harm, hate, disinformation, sexual content with minors.",
  optionsSchema: harmfulRequestOptionsSchema,
  create: createHarmfulRequest,
};
