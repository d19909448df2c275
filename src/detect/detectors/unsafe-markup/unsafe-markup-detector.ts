import { z } from "zod";
import { type Finding, type Severity, truncateExcerpt } from "../../../core/index.js";
import type { Detector, DetectorInstance } from "../../detector.js";
import { codeRanges, insideRanges } from "./code-spans.js";
import {
  DANGEROUS_CSS,
  DATA_DOCUMENT_URL,
  EVENT_HANDLER_ATTRIBUTE,
  FRAME_ELEMENTS,
  MARKDOWN_REFERENCE,
  MARKDOWN_TARGET,
  MAX_STYLE_BODY,
  MAX_TAG_CHARS,
  META_REFRESH,
  normalizeUrlValue,
  OBJECT_ELEMENTS,
  SCRIPT_ELEMENTS,
  SCRIPT_URL_SCHEME,
  STYLE_ATTRIBUTE,
  TAG_OPEN,
  URL_ATTRIBUTE,
} from "./markup-patterns.js";

export const unsafeMarkupOptionsSchema = z.object({
  /** skip Markdown code blocks and inline code, which renderers show as text */
  ignoreCodeBlocks: z.boolean().default(true),
  /** report iframes (some deployments render trusted embeds) */
  reportFrames: z.boolean().default(true),
  /** at most this many findings per scan */
  maxFindings: z.number().int().min(1).max(1000).default(50),
});
export type UnsafeMarkupOptions = z.infer<typeof unsafeMarkupOptionsSchema>;

export type UnsafeMarkupRule =
  | "script-tag"
  | "event-handler"
  | "script-url"
  | "data-html-url"
  | "iframe"
  | "object-embed"
  | "style-injection"
  | "meta-refresh";

const RULE_SCORE: Readonly<Record<UnsafeMarkupRule, [number, Severity]>> = {
  "script-tag": [0.95, "high"],
  "event-handler": [0.9, "high"],
  "script-url": [0.95, "high"],
  "data-html-url": [0.85, "high"],
  iframe: [0.7, "medium"],
  "object-embed": [0.8, "high"],
  "style-injection": [0.75, "medium"],
  "meta-refresh": [0.8, "high"],
};

function urlRule(value: string): UnsafeMarkupRule | undefined {
  const url = normalizeUrlValue(value);
  if (SCRIPT_URL_SCHEME.test(url)) return "script-url";
  if (DATA_DOCUMENT_URL.test(url)) return "data-html-url";
  return undefined;
}

/** Rules that one tag (name plus attribute text) triggers. */
function tagRules(name: string, attributes: string, text: string, tagEnd: number): UnsafeMarkupRule[] {
  const rules: UnsafeMarkupRule[] = [];
  if (SCRIPT_ELEMENTS.has(name)) rules.push("script-tag");
  if (FRAME_ELEMENTS.has(name)) rules.push("iframe");
  if (OBJECT_ELEMENTS.has(name)) rules.push("object-embed");
  if (name === "meta" && META_REFRESH.test(attributes)) rules.push("meta-refresh");
  if (EVENT_HANDLER_ATTRIBUTE.test(attributes)) rules.push("event-handler");
  URL_ATTRIBUTE.lastIndex = 0;
  for (let match = URL_ATTRIBUTE.exec(attributes); match !== null; match = URL_ATTRIBUTE.exec(attributes)) {
    const rule = urlRule(match[2] ?? "");
    if (rule !== undefined && !rules.includes(rule)) rules.push(rule);
  }
  const style = STYLE_ATTRIBUTE.exec(attributes);
  if (style !== null && DANGEROUS_CSS.test(normalizeUrlValue(style[1] ?? ""))) rules.push("style-injection");
  if (name === "style") {
    const body = text.slice(tagEnd, tagEnd + MAX_STYLE_BODY);
    const close = body.search(/<\/style/i);
    if (DANGEROUS_CSS.test(close < 0 ? body : body.slice(0, close))) rules.push("style-injection");
  }
  return rules;
}

function createUnsafeMarkup(options: UnsafeMarkupOptions): DetectorInstance {
  return {
    detect(text: string): Finding[] {
      const code = options.ignoreCodeBlocks ? codeRanges(text) : [];
      const findings: Finding[] = [];
      const report = (rule: UnsafeMarkupRule, start: number, end: number) => {
        if (findings.length >= options.maxFindings) return;
        if (rule === "iframe" && !options.reportFrames) return;
        const [score, severity] = RULE_SCORE[rule];
        findings.push({
          detector: "unsafe-markup",
          category: "unsafe-markup",
          rule,
          start,
          end,
          score,
          severity,
          excerpt: truncateExcerpt(text.slice(start, end), 80),
        });
      };
      TAG_OPEN.lastIndex = 0;
      // the next ">" at or after the scan position, found once per stretch: keeps the scan linear
      let nextClose = -1;
      let nextOpen = -1;
      for (let match = TAG_OPEN.exec(text); match !== null; match = TAG_OPEN.exec(text)) {
        const start = match.index;
        const nameEnd = start + match[0].length;
        if (nextClose !== Number.POSITIVE_INFINITY && nextClose < nameEnd) {
          const found = text.indexOf(">", nameEnd);
          nextClose = found < 0 ? Number.POSITIVE_INFINITY : found;
        }
        if (nextOpen !== Number.POSITIVE_INFINITY && nextOpen < nameEnd) {
          const found = text.indexOf("<", nameEnd);
          nextOpen = found < 0 ? Number.POSITIVE_INFINITY : found;
        }
        // a tag ends at its ">", or where the next tag starts, or after MAX_TAG_CHARS: regions never overlap
        const end = Math.min(nextClose + 1, nextOpen, nameEnd + MAX_TAG_CHARS, text.length);
        if (insideRanges(code, start, end)) continue;
        const name = (match[1] ?? "").toLowerCase();
        for (const rule of tagRules(name, text.slice(nameEnd, end), text, end)) report(rule, start, end);
      }
      for (const pattern of [MARKDOWN_TARGET, MARKDOWN_REFERENCE]) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
          const start = match.index;
          const end = start + match[0].length;
          if (insideRanges(code, start, end)) continue;
          const rule = urlRule(match[1] ?? "");
          if (rule !== undefined) report(rule, start, end);
        }
      }
      return findings.sort((left, right) => left.start - right.start || left.end - right.end);
    },
  };
}

export const unsafeMarkupDetector: Detector<UnsafeMarkupOptions> = {
  id: "unsafe-markup",
  category: "unsafe-markup",
  appliesTo: ["output"],
  description: "HTML or Markdown in the output that runs script or loads active content when rendered (XSS).",
  optionsSchema: unsafeMarkupOptionsSchema,
  create: createUnsafeMarkup,
};
