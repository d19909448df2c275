import { z } from "zod";
import { type Finding, type Severity, truncateExcerpt } from "../../../core/index.js";
import type { Detector, DetectorInstance } from "../../detector.js";
import { selectorPayload, tagPayload, zeroWidthPayload } from "./hidden-payload.js";
import { type InvisibleRun, invisibleRuns } from "./invisible-runs.js";

export const invisibleTextOptionsSchema = z.strictObject({
  /** zero-width characters in a row that count as carrying data */
  minZeroWidthRun: z.number().int().min(2).max(64).default(4),
  /** report single zero-width characters that split a Latin word ("ig\u200bnore") */
  reportWordSplitting: z.boolean().default(true),
  /** report bidi embeddings and isolates in text without right-to-left letters */
  reportBidiIsolates: z.boolean().default(true),
  /** characters of hidden text shown in a finding's message */
  maxShownChars: z.number().int().min(0).max(200).default(40),
  maxFindings: z.number().int().min(1).max(1000).default(50),
});
export type InvisibleTextOptions = z.infer<typeof invisibleTextOptionsSchema>;

export type InvisibleTextRule =
  | "unicode-tags"
  | "zero-width-data"
  | "zero-width-splitting"
  | "bidi-override"
  | "bidi-isolate"
  | "variation-selector-data";

const RULE_SCORE: Readonly<Record<InvisibleTextRule, readonly [number, Severity]>> = {
  "unicode-tags": [0.95, "high"],
  "variation-selector-data": [0.9, "high"],
  "zero-width-data": [0.85, "high"],
  "bidi-override": [0.8, "high"],
  "bidi-isolate": [0.5, "medium"],
  "zero-width-splitting": [0.5, "medium"],
};

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko...): bidi controls are ordinary there. */
const RIGHT_TO_LEFT_PATTERN = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** RIGHT-TO-LEFT and LEFT-TO-RIGHT OVERRIDE reorder what follows (Trojan Source). */
const BIDI_OVERRIDES = new Set([0x202d, 0x202e]);
/** Embeddings and isolates: display reordering that is also used for ordinary mixed-direction text. */
const BIDI_ISOLATES = new Set([0x202a, 0x202b, 0x2066, 0x2067, 0x2068]);
const ASCII_LETTER_PATTERN = /[A-Za-z]/;
/** SOFT HYPHEN: word processors put it inside words on purpose (hyphenation points). */
const SOFT_HYPHEN = 0x00ad;

function finding(rule: InvisibleTextRule, run: InvisibleRun, message: string, via?: string): Finding {
  const [score, severity] = RULE_SCORE[rule];
  return {
    detector: "invisible-text",
    category: "invisible-text",
    rule,
    start: run.start,
    end: run.end,
    score,
    severity,
    message,
    ...(via === undefined ? {} : { via }),
  };
}

function shown(hidden: string, options: InvisibleTextOptions): string {
  return JSON.stringify(truncateExcerpt(hidden, Math.max(1, options.maxShownChars)));
}

function classify(
  text: string,
  run: InvisibleRun,
  options: InvisibleTextOptions,
  rtl: boolean,
): Finding | undefined {
  const count = run.codePoints.length;
  switch (run.kind) {
    case "tag": {
      const hidden = tagPayload(run.codePoints);
      return finding(
        "unicode-tags",
        run,
        `${count} tag characters hide text: ${shown(hidden, options)}`,
        "unicode-tags",
      );
    }
    case "selector": {
      if (count < 2) return undefined;
      const hidden = selectorPayload(run.codePoints);
      const what = hidden === undefined ? "encode bytes" : `hide text: ${shown(hidden, options)}`;
      return finding(
        "variation-selector-data",
        run,
        `${count} variation selectors in a row ${what}`,
        "variation-selectors",
      );
    }
    case "bidi": {
      if (run.codePoints.some((codePoint) => BIDI_OVERRIDES.has(codePoint)))
        return finding("bidi-override", run, "bidi override reorders the displayed text");
      if (
        options.reportBidiIsolates &&
        !rtl &&
        run.codePoints.some((codePoint) => BIDI_ISOLATES.has(codePoint))
      )
        return finding(
          "bidi-isolate",
          run,
          "bidi embedding or isolate in text without right-to-left letters",
        );
      return undefined;
    }
    case "zero-width": {
      if (count >= options.minZeroWidthRun) {
        const hidden = zeroWidthPayload(run.codePoints);
        const what = hidden === undefined ? "" : `; decoded: ${shown(hidden, options)}`;
        return finding("zero-width-data", run, `${count} zero-width characters in a row${what}`);
      }
      const before = text[run.start - 1] ?? "";
      const after = text[run.end] ?? "";
      const softHyphensOnly = run.codePoints.every((codePoint) => codePoint === SOFT_HYPHEN);
      if (
        options.reportWordSplitting &&
        !softHyphensOnly &&
        ASCII_LETTER_PATTERN.test(before) &&
        ASCII_LETTER_PATTERN.test(after)
      )
        return finding("zero-width-splitting", run, "zero-width character splits a word");
      return undefined;
    }
  }
}

/**
 * Hidden content in invisible characters: text smuggled in Unicode tag characters, bytes in
 * variation selectors or zero-width runs, bidi overrides that reorder what a reader sees, and
 * zero-width characters that split words to dodge filters. Ordinary emoji joiners, a single
 * variation selector, keycaps and subdivision flags are not reported.
 */
export const invisibleTextDetector: Detector<InvisibleTextOptions> = {
  id: "invisible-text",
  category: "invisible-text",
  appliesTo: ["input", "output"],
  description:
    "hidden text in Unicode tag characters, zero-width runs, variation selectors and bidi overrides",
  optionsSchema: invisibleTextOptionsSchema,
  create(options): DetectorInstance {
    return {
      detect(text) {
        const runs = invisibleRuns(text);
        if (runs.length === 0) return [];
        const rtl = RIGHT_TO_LEFT_PATTERN.test(text);
        const findings: Finding[] = [];
        for (const run of runs) {
          const found = classify(text, run, options, rtl);
          if (found !== undefined) findings.push(found);
          if (findings.length >= options.maxFindings) break;
        }
        return findings;
      },
    };
  },
};
