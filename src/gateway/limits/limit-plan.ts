import { RampartError } from "../../core/errors.js";
import type { Counter } from "./counter-store.js";
import {
  type LimitName,
  type LimitScope,
  type Limits,
  limitScopes,
  type ScopedLimits,
  windowedLimits,
} from "./limits-schema.js";

export interface LimitsPrincipal {
  keyId: string;
  app?: string | undefined;
  team?: string | undefined;
  limits: ScopedLimits;
}

export interface LimitsRequest {
  /** prompt tokens as counted by src/gateway/tokens (exact or estimated) */
  promptTokens: number;
  /** the caller's `max_tokens` (or `max_completion_tokens`); undefined when absent */
  maxTokens?: number | undefined;
}

export interface LimitRejection {
  readonly allowed: false;
  readonly limit: LimitName;
  readonly scope: LimitScope;
  /** seconds until the window that refused has room again; 0 when waiting cannot help */
  readonly retryAfterSeconds: number;
  /** false when the request can never pass this limit as it is (too many tokens for the limit) */
  readonly retryable: boolean;
  /** a one-line explanation, safe to show to the caller */
  readonly message: string;
}

/** One counter to take from, with the points this request takes from it. */
export interface PlannedTake {
  readonly scope: LimitScope;
  readonly counter: Counter;
  readonly points: number;
  readonly counts: "requests" | "tokens";
}

export interface LimitPlan {
  /** the `max_tokens` to send upstream: the caller's, clamped; the clamp when absent; or undefined */
  readonly maxTokens: number | undefined;
  /** prompt tokens + the completion tokens reserved */
  readonly reservedTokens: number;
  readonly takes: readonly PlannedTake[];
}

/**
 * Works out, without touching any store, what a request must take: the clamp of `max_tokens`, the
 * prompt-size check, and the counters of every scope that has limits. Returns a rejection when the
 * request can never pass (prompt too long, or more tokens than a window holds).
 */
export function planLimits(
  principal: LimitsPrincipal,
  request: LimitsRequest,
  defaultCompletionReservation: number,
): LimitPlan | LimitRejection {
  const counted = {
    promptTokens: wholeTokens(request.promptTokens, "promptTokens"),
    maxTokens: optionalTokens(request.maxTokens),
  };
  const scoped = scopesOf(principal);
  for (const { scope, limits } of scoped) {
    if (limits.maxPromptTokens !== undefined && counted.promptTokens > limits.maxPromptTokens) {
      return permanentRejection(
        "max-prompt-tokens",
        scope,
        `the prompt has ${counted.promptTokens} tokens, more than the ${scope} limit of ${limits.maxPromptTokens}`,
      );
    }
  }
  const clamps = scoped.flatMap(({ limits }) =>
    limits.maxCompletionTokens === undefined ? [] : [limits.maxCompletionTokens],
  );
  const clamp = clamps.length === 0 ? undefined : Math.min(...clamps);
  const requested = counted.maxTokens;
  const maxTokens =
    requested === undefined ? clamp : clamp === undefined ? requested : Math.min(requested, clamp);
  const reservedTokens = counted.promptTokens + (maxTokens ?? defaultCompletionReservation);

  const takes: PlannedTake[] = [];
  for (const { scope, subject, limits } of scoped) {
    for (const limit of windowedLimits) {
      const capacity = limits[limit.field];
      if (capacity === undefined) continue;
      const points = limit.counts === "requests" ? 1 : reservedTokens;
      if (points > capacity) {
        return permanentRejection(
          limit.name,
          scope,
          `the request needs ${points} tokens (prompt + max_tokens), more than the ${scope} ${limit.name} limit of ${capacity}`,
        );
      }
      if (points === 0) continue;
      const counter = { limit: limit.name, subject, capacity, windowSeconds: limit.windowSeconds };
      takes.push({ scope, counter, points, counts: limit.counts });
    }
  }
  return { maxTokens, reservedTokens, takes };
}

/**
 * Counters hold whole tokens (rate-limiter-flexible refuses fractions): estimates are rounded up.
 * A count that is not a finite number is a bug in the caller, reported as such.
 */
function wholeTokens(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RampartError("internal", `limits: ${name} must be a finite number >= 0, got ${value}`);
  }
  return Math.ceil(value);
}

function optionalTokens(value: number | undefined): number | undefined {
  return value === undefined ? undefined : wholeTokens(value, "maxTokens");
}

export function isRejection(value: LimitPlan | LimitRejection): value is LimitRejection {
  return "allowed" in value && value.allowed === false;
}

export function windowRejection(take: PlannedTake, retryAfterMs: number): LimitRejection {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    allowed: false,
    limit: take.counter.limit,
    scope: take.scope,
    retryAfterSeconds,
    retryable: true,
    message: `${take.scope} ${take.counter.limit} limit reached; retry after ${retryAfterSeconds} s`,
  };
}

function permanentRejection(limit: LimitName, scope: LimitScope, message: string): LimitRejection {
  return { allowed: false, limit, scope, retryAfterSeconds: 0, retryable: false, message };
}

interface ScopeLimits {
  scope: LimitScope;
  subject: string;
  limits: Limits;
}

/** the scopes that apply: key always, app and team when the principal has one and limits are set */
function scopesOf(principal: LimitsPrincipal): ScopeLimits[] {
  const ids: Record<LimitScope, string | undefined> = {
    key: principal.keyId,
    app: principal.app,
    team: principal.team,
  };
  const result: ScopeLimits[] = [];
  for (const scope of limitScopes) {
    const limits = principal.limits[scope];
    const id = ids[scope];
    if (limits === undefined || id === undefined || id === "") continue;
    result.push({ scope, subject: `${scope}:${id}`, limits });
  }
  return result;
}

/**
 * The smallest `maxPromptTokens` of the scopes (key, app, team), or undefined: the number to give
 * `countPromptTokens` so that it tokenises near whichever prompt limit binds.
 */
export function strictestPromptLimit(limits: ScopedLimits): number | undefined {
  const values = limitScopes.flatMap((scope) => {
    const value = limits[scope]?.maxPromptTokens;
    return value === undefined ? [] : [value];
  });
  return values.length === 0 ? undefined : Math.min(...values);
}
