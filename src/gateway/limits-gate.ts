import type { LimitsConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import {
  type LimitReservation,
  type LimitsService,
  type ScopedLimits,
  strictestPromptLimit,
} from "./limits/index.js";
import type { Principal } from "./principal.js";
import { type CountableMessage, countPromptTokens } from "./tokens/index.js";

/** The limits that apply to a principal: the configured key defaults with the key's own on top, its app's and its team's. */
export function scopedLimitsFor(principal: Principal, config: LimitsConfig): ScopedLimits {
  const key = { ...config.key, ...(principal.limits ?? {}) };
  const app = principal.app === null ? undefined : config.apps[principal.app];
  const team = principal.team === null ? undefined : config.teams[principal.team];
  return { key, ...(app ? { app } : {}), ...(team ? { team } : {}) };
}

/**
 * Counts the prompt, checks every limit of the principal, and reserves prompt + max_tokens on all of
 * them at once. A refusal is a 429 with Retry-After (or a 400 when the prompt can never fit); the
 * reservation is settled with the real usage after the call, or released when the call fails.
 */
export async function reserveLimits(
  service: LimitsService,
  config: LimitsConfig,
  principal: Principal,
  model: string,
  messages: readonly CountableMessage[],
  maxTokens: number | undefined,
): Promise<{ reservation: LimitReservation; promptTokens: number }> {
  const limits = scopedLimitsFor(principal, config);
  const count = countPromptTokens(messages, model, { maxPromptTokens: strictestPromptLimit(limits) });
  const decision = await service.check(
    {
      keyId: principal.keyId,
      app: principal.app ?? undefined,
      team: principal.team ?? undefined,
      limits,
    },
    { promptTokens: count.tokens, maxTokens },
  );
  if (decision.allowed === false) {
    if (!decision.retryable)
      throw new RampartError("invalid_request", decision.message, { details: { param: "messages" } });
    throw new RampartError("rate_limited", decision.message, {
      details: {
        retryAfterSeconds: Math.max(1, decision.retryAfterSeconds),
        limit: decision.limit,
        scope: decision.scope,
      },
    });
  }
  return { reservation: decision, promptTokens: count.tokens };
}
