import type { Severity } from "../../../core/index.js";

/** One credential found by a format: the span of the secret value itself (UTF-16, original text). */
export interface SecretMatch {
  readonly start: number;
  readonly end: number;
  /** the whole match around the secret (key name, URL), for checks that need it */
  readonly whole?: string;
}

/**
 * One credential format of the catalogue. `pattern` is global with the `d` flag; a named group
 * `secret` marks the credential inside the match (the whole match otherwise). Formats that a regular
 * expression cannot find in linear time provide `find` instead.
 */
export interface SecretFormat {
  /** the finding's rule: a stable, kebab-case credential format id */
  readonly id: string;
  readonly description: string;
  readonly pattern?: RegExp;
  readonly find?: (text: string) => SecretMatch[];
  /** lower-case substrings; the format runs only when one occurs in the text (a cheap prefilter) */
  readonly keywords: readonly string[];
  /** minimum Shannon entropy (bits per character) of the secret value */
  readonly minEntropy?: number;
  readonly severity: Severity;
  /** 0..1; distinctive prefixes score high, keyword-and-entropy formats lower */
  readonly score: number;
  /** a generic format: hashes, UUIDs and commit ids are not secrets here */
  readonly generic?: boolean;
  /** a severity that depends on the value (test-mode keys are less severe than live ones) */
  readonly severityOf?: (value: string) => Severity;
  /** an extra check on the secret value; `whole` is the whole match (key name, URL...) */
  readonly validate?: (value: string, whole: string) => boolean;
  /** the format checks placeholders itself (PEM blocks), so the value allowlist is skipped */
  readonly ownPlaceholderCheck?: boolean;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  const length = [...value].length;
  for (const count of counts.values()) {
    const probability = count / length;
    entropy -= probability * Math.log2(probability);
  }
  return entropy;
}

/** How many of lower case, upper case, digits and other characters a value uses. */
export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

/** Keywords, value separator and optional quote between a key name and its value in an assignment. */
export const ASSIGNMENT = String.raw`["'\]]?\s{0,3}(?::=|=>|=|:)\s{0,3}["'\x60]?`;
