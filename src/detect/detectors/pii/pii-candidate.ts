import type { Severity } from "../../../core/index.js";

/** The built-in personal-data types. User-defined types from the options are plain strings. */
export const builtInPiiTypes = [
  "EMAIL",
  "PHONE",
  "CREDIT_CARD",
  "IBAN",
  "US_SSN",
  "IP_ADDRESS",
  "URL",
  "DATE_OF_BIRTH",
  "PASSPORT",
  "PERSON",
  "LOCATION",
] as const;
export type BuiltInPiiType = (typeof builtInPiiTypes)[number];

/** One recognised value before overlaps are resolved and the finding is built. */
export interface PiiCandidate {
  readonly type: string;
  /** recogniser id, reported as the finding's rule (for example `credit-card.luhn`) */
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** Severity per built-in type; user-defined types are `medium`. */
export const piiSeverity: Readonly<Record<BuiltInPiiType, Severity>> = {
  EMAIL: "medium",
  PHONE: "medium",
  CREDIT_CARD: "high",
  IBAN: "high",
  US_SSN: "high",
  IP_ADDRESS: "low",
  URL: "low",
  DATE_OF_BIRTH: "medium",
  PASSPORT: "high",
  PERSON: "medium",
  LOCATION: "low",
};

/** Upper bound of candidates one recogniser may return, so that a hostile input cannot explode memory. */
export const MAX_CANDIDATES_PER_RECOGNIZER = 5_000;

export function clampScore(score: number): number {
  return Math.max(0, Math.min(1, Math.round(score * 100) / 100));
}
