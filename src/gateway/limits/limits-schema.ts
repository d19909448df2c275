import { z } from "zod";

/**
 * Limits for one scope (a key, an app or a team). Every field is optional: a missing field means
 * "no limit of that kind at this scope". The same shape is used at every scope; a request must pass
 * the limits of every scope that applies to it.
 */
const positiveCount = z.number().int().positive();

export const limitsSchema = z.strictObject({
  /** requests per 60-second window */
  requestsPerMinute: positiveCount.optional(),
  /** requests per 86,400-second window */
  requestsPerDay: positiveCount.optional(),
  /** prompt + completion tokens per 60-second window (reserved before the call, settled after) */
  tokensPerMinute: positiveCount.optional(),
  /** prompt + completion tokens per 86,400-second window */
  tokensPerDay: positiveCount.optional(),
  /** the largest prompt accepted, in tokens */
  maxPromptTokens: positiveCount.optional(),
  /** the largest `max_tokens` a caller may ask for; a request without `max_tokens` gets this value */
  maxCompletionTokens: positiveCount.optional(),
});

export type Limits = z.infer<typeof limitsSchema>;

export const limitScopes = ["key", "app", "team"] as const;
export type LimitScope = (typeof limitScopes)[number];

/** The limits that apply to one principal, per scope. */
export const scopedLimitsSchema = z.strictObject({
  key: limitsSchema.optional(),
  app: limitsSchema.optional(),
  team: limitsSchema.optional(),
});

export type ScopedLimits = z.infer<typeof scopedLimitsSchema>;

/** The names a rejection carries in `limit`; stable, used in error messages and metrics. */
export const limitNames = [
  "requests-per-minute",
  "requests-per-day",
  "tokens-per-minute",
  "tokens-per-day",
  "max-prompt-tokens",
] as const;
export type LimitName = (typeof limitNames)[number];

/** The windowed limits (counters) with their window length and the config field they read. */
export const windowedLimits = [
  { name: "requests-per-minute", field: "requestsPerMinute", windowSeconds: 60, counts: "requests" },
  { name: "requests-per-day", field: "requestsPerDay", windowSeconds: 86_400, counts: "requests" },
  { name: "tokens-per-minute", field: "tokensPerMinute", windowSeconds: 60, counts: "tokens" },
  { name: "tokens-per-day", field: "tokensPerDay", windowSeconds: 86_400, counts: "tokens" },
] as const satisfies ReadonlyArray<{
  name: LimitName;
  field: keyof Limits;
  windowSeconds: number;
  counts: "requests" | "tokens";
}>;

export type WindowedLimit = (typeof windowedLimits)[number];
