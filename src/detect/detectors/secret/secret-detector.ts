import { type Finding, maskValue } from "../../../core/index.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { resolveOverlaps } from "../pii/resolve-overlaps.js";
import { isAllowlisted } from "./allowlist.js";
import { secretCatalogue } from "./catalogue.js";
import { type SecretFormat, type SecretMatch, shannonEntropy } from "./secret-format.js";
import { type SecretOptions, secretOptionsSchema } from "./secret-options.js";

interface SecretCandidate extends SecretMatch {
  readonly format: SecretFormat;
  readonly score: number;
}

const MAX_MATCHES_PER_FORMAT = 5_000;

/** The span of the `secret` (or `secret2`) group of a match made with the `d` flag, or the whole match. */
function secretSpan(match: RegExpExecArray): SecretMatch | undefined {
  const groups = match.indices?.groups;
  const span = groups?.secret ?? groups?.secret2 ?? match.indices?.[0];
  return span ? { start: span[0], end: span[1] } : undefined;
}

function matchesOf(format: SecretFormat, text: string): SecretMatch[] {
  if (format.find) return format.find(text);
  if (!format.pattern) return [];
  const spans: SecretMatch[] = [];
  for (const match of text.matchAll(format.pattern)) {
    const span = secretSpan(match);
    if (span && span.end > span.start) spans.push({ ...span, whole: match[0] });
    if (spans.length >= MAX_MATCHES_PER_FORMAT) break;
  }
  return spans;
}

function operatorFormats(options: SecretOptions): SecretFormat[] {
  return options.patterns.map((entry) => ({
    id: entry.id,
    description: entry.description,
    pattern: new RegExp(entry.regex, "dgu"),
    keywords: entry.keywords.map((keyword) => keyword.toLowerCase()),
    minEntropy: entry.minEntropy,
    severity: entry.severity,
    score: entry.score,
  }));
}

function createSecretInstance(options: SecretOptions): DetectorInstance {
  const disabled = new Set(options.disabledRules);
  const catalogue = secretCatalogue.filter((format) => !disabled.has(format.id));
  const custom = operatorFormats(options);
  const allowedValues = new Set(options.allowlist.values);
  const allowedPatterns = options.allowlist.patterns.map((source) => new RegExp(source, "u"));
  const accepted = (format: SecretFormat, value: string, whole: string): boolean => {
    if (format.minEntropy !== undefined && shannonEntropy(value) < format.minEntropy) return false;
    if (format.validate && !format.validate(value, whole)) return false;
    if (!format.ownPlaceholderCheck && isAllowlisted(value, format.generic === true)) return false;
    if (allowedValues.has(value)) return false;
    return !allowedPatterns.some((pattern) => pattern.test(value));
  };
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const original = context.views[0]?.text ?? text;
      const lower = original.toLowerCase();
      const candidates: SecretCandidate[] = [];
      const bounded =
        original.length > options.customPatternMaxInput
          ? original.slice(0, options.customPatternMaxInput)
          : original;
      const runs: readonly (readonly [SecretFormat, string])[] = [
        ...catalogue.map((format) => [format, original] as const),
        ...custom.map((format) => [format, bounded] as const),
      ];
      for (const [format, input] of runs) {
        if (performance.now() > context.deadline) break;
        if (format.keywords.length > 0 && !format.keywords.some((keyword) => lower.includes(keyword)))
          continue;
        for (const span of matchesOf(format, input)) {
          const value = original.slice(span.start, span.end);
          if (accepted(format, value, span.whole ?? value))
            candidates.push({ ...span, format, score: format.score });
        }
      }
      return resolveOverlaps(candidates.filter((candidate) => candidate.score >= options.minScore)).map(
        (candidate) => {
          const value = original.slice(candidate.start, candidate.end);
          return {
            detector: "secret",
            category: "secret",
            rule: candidate.format.id,
            start: candidate.start,
            end: candidate.end,
            score: candidate.score,
            severity: candidate.format.severityOf?.(value) ?? candidate.format.severity,
            excerpt: maskValue(value),
            message: candidate.format.description,
          };
        },
      );
    },
  };
}

/** Credentials in the original text: a catalogue of named formats, entropy checks and allowlists. */
export const secretDetector: Detector<SecretOptions> = {
  id: "secret",
  category: "secret",
  appliesTo: ["input", "output"],
  description:
    "Credentials: cloud keys, VCS and registry tokens, chat and webhook tokens, payment and LLM provider keys, JWTs, PEM private keys, connection strings with passwords and generic secret assignments.",
  optionsSchema: secretOptionsSchema,
  create: (options) => createSecretInstance(secretOptionsSchema.parse(options)),
};
