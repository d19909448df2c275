import { type Finding, maskValue } from "../../../core/index.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { type BuiltInPiiType, type PiiCandidate, piiSeverity } from "./pii-candidate.js";
import { type PiiOptions, piiOptionsSchema } from "./pii-options.js";
import { recognizeAddresses } from "./recognize-address.js";
import { recognizeCards, recognizeIbans } from "./recognize-card-iban.js";
import { compileCustom, recognizeCustom } from "./recognize-custom.js";
import { recognizeDatesOfBirth } from "./recognize-date-of-birth.js";
import { recognizeEmails, recognizeUrls } from "./recognize-email-url.js";
import { recognizeIpAddresses, recognizePassports, recognizeSsns } from "./recognize-ids.js";
import { recognizePlaces } from "./recognize-location.js";
import { recognizeNameLists, recognizePersons } from "./recognize-person.js";
import { recognizePersonsInContext } from "./recognize-person-context.js";
import { recognizePhones } from "./recognize-phone.js";
import { resolveOverlaps } from "./resolve-overlaps.js";
import { type Token, tokenize } from "./tokens.js";

interface Recognizer {
  /** the built-in types it can report; it runs when one of them is enabled */
  readonly types: readonly BuiltInPiiType[];
  run(text: string, tokens: () => readonly Token[], options: PiiOptions): PiiCandidate[];
}

/** The built-in recognisers, cheapest and most precise first (the deadline may cut the tail). */
const RECOGNIZERS: readonly Recognizer[] = [
  { types: ["EMAIL"], run: (text) => recognizeEmails(text) },
  { types: ["CREDIT_CARD"], run: (text) => recognizeCards(text) },
  { types: ["IBAN"], run: (text) => recognizeIbans(text) },
  { types: ["US_SSN"], run: (text) => recognizeSsns(text) },
  { types: ["IP_ADDRESS"], run: (text) => recognizeIpAddresses(text) },
  { types: ["URL"], run: (text) => recognizeUrls(text) },
  { types: ["PASSPORT"], run: (text) => recognizePassports(text) },
  { types: ["DATE_OF_BIRTH"], run: (text) => recognizeDatesOfBirth(text) },
  { types: ["PHONE"], run: (text, _tokens, options) => recognizePhones(text, options.phoneRegions) },
  { types: ["LOCATION"], run: (text) => recognizeAddresses(text) },
  { types: ["PERSON"], run: (text, tokens) => recognizePersons(text, tokens()) },
  { types: ["PERSON"], run: (text, tokens) => recognizeNameLists(text, tokens()) },
  { types: ["PERSON"], run: (text, tokens) => recognizePersonsInContext(text, tokens()) },
  { types: ["LOCATION"], run: (text, tokens) => recognizePlaces(text, tokens()) },
];

function severityOf(type: string): Finding["severity"] {
  return type in piiSeverity ? piiSeverity[type as BuiltInPiiType] : "medium";
}

function createPiiInstance(options: PiiOptions): DetectorInstance {
  const enabled = new Set<string>(options.types);
  const recognizers = RECOGNIZERS.filter((recognizer) => recognizer.types.some((type) => enabled.has(type)));
  const custom = compileCustom(options);
  const allowed = new Set(options.allowList.map((value) => value.toLowerCase()));
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const original = context.views[0]?.text ?? text;
      let tokens: readonly Token[] | undefined;
      const lazyTokens = () => {
        tokens ??= tokenize(original);
        return tokens;
      };
      const candidates: PiiCandidate[] = [];
      for (const recognizer of recognizers) {
        if (performance.now() > context.deadline) break;
        for (const candidate of recognizer.run(original, lazyTokens, options)) {
          if (enabled.has(candidate.type)) candidates.push(candidate);
        }
      }
      candidates.push(...recognizeCustom(original, custom));
      const kept = resolveOverlaps(
        candidates.filter(
          (candidate) =>
            candidate.score >= options.minScore &&
            !allowed.has(original.slice(candidate.start, candidate.end).toLowerCase()),
        ),
      );
      return kept.map((candidate) => ({
        detector: "pii",
        category: "pii",
        rule: candidate.rule,
        type: candidate.type,
        start: candidate.start,
        end: candidate.end,
        score: candidate.score,
        severity: severityOf(candidate.type),
        excerpt: maskValue(original.slice(candidate.start, candidate.end)),
        message: `${candidate.type} found`,
      }));
    },
  };
}

/** Personal data in the original text: structured identifiers with validation, names and places. */
export const piiDetector: Detector<PiiOptions> = {
  id: "pii",
  category: "pii",
  appliesTo: ["input", "output"],
  description:
    "Personal data: e-mail, phone, payment card, IBAN, US SSN, IP address, URL, date of birth, passport, person and location names (en, de, fr, es), plus user-defined patterns and deny-lists.",
  optionsSchema: piiOptionsSchema,
  create: (options) => createPiiInstance(piiOptionsSchema.parse(options)),
};
