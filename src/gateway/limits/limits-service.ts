import type { Redis } from "ioredis";
import { RampartError } from "../../core/errors.js";
import type { CounterStore } from "./counter-store.js";
import {
  isRejection,
  type LimitRejection,
  type LimitsPrincipal,
  type LimitsRequest,
  type PlannedTake,
  planLimits,
  windowRejection,
} from "./limit-plan.js";
import { type HeldTake, LimitReservation } from "./limit-reservation.js";
import { MemoryCounterStore } from "./memory-counter-store.js";
import { RedisCounterStore } from "./redis-counter-store.js";

export interface LimitsServiceOptions {
  /** shared counters for every gateway process; without it, counters live in this process */
  redis?: Redis | undefined;
  /** prefix of every counter key, e.g. "rampart:limits" */
  keyPrefix: string;
  /**
   * What `check` does when Redis fails or does not answer in time: "closed" (default) throws
   * RampartError("redis_unreachable"), so the gateway answers 503; "memory" counts in this process
   * instead (limits then hold per process, not globally) and reports the failure to `onError`.
   */
  onRedisError?: "closed" | "memory";
  /** completion tokens reserved when the request has no max_tokens and no clamp applies (1,024) */
  defaultCompletionReservation?: number;
  /** time bound of one Redis operation in milliseconds (1,000) */
  redisTimeoutMs?: number;
  /** store failures that do not change a result (settle, release, the memory fallback) */
  onError?: (error: unknown) => void;
}

export type LimitDecision = LimitReservation | LimitRejection;

/**
 * Requests and tokens per minute and per day for each key, app and team, with an atomic
 * reservation of prompt + max_tokens before the upstream call. See docs in ./README.md.
 */
export class LimitsService {
  readonly #primary: CounterStore;
  readonly #fallback: MemoryCounterStore | undefined;
  readonly #redisStore: RedisCounterStore | undefined;
  readonly #defaultCompletionReservation: number;
  readonly #onError: (error: unknown) => void;

  constructor(options: LimitsServiceOptions) {
    this.#onError = options.onError ?? (() => undefined);
    const memory = new MemoryCounterStore({ keyPrefix: options.keyPrefix });
    if (options.redis === undefined) {
      this.#primary = memory;
    } else {
      this.#redisStore = new RedisCounterStore({
        redis: options.redis,
        keyPrefix: options.keyPrefix,
        operationTimeoutMs: options.redisTimeoutMs ?? 1_000,
        onConnectionError: (error) => this.#onError(error),
      });
      this.#primary = this.#redisStore;
      if (options.onRedisError === "memory") this.#fallback = memory;
    }
    this.#defaultCompletionReservation = options.defaultCompletionReservation ?? 1_024;
  }

  /** "redis" when counters are shared, "memory" when they are per process */
  get backend(): "memory" | "redis" {
    return this.#primary.backend;
  }

  /**
   * Decide whether a request may go upstream, and if so reserve it on every counter that applies
   * (all or none). Expected outcomes are values: a LimitRejection, or a LimitReservation to settle
   * or release. Throws RampartError("redis_unreachable") only when Redis fails in "closed" mode.
   */
  async check(principal: LimitsPrincipal, request: LimitsRequest): Promise<LimitDecision> {
    const plan = planLimits(principal, request, this.#defaultCompletionReservation);
    if (isRejection(plan)) return plan;
    const reserve = async (store: CounterStore): Promise<LimitDecision> => {
      const outcome = await store.exclusive(() => takeAll(store, plan.takes));
      if (outcome.rejection !== undefined) return outcome.rejection;
      return new LimitReservation({
        maxTokens: plan.maxTokens,
        reservedTokens: plan.reservedTokens,
        held: outcome.held,
        store,
        onError: this.#onError,
      });
    };
    try {
      return await reserve(this.#primary);
    } catch (error) {
      if (this.#primary.backend !== "redis") throw error;
      if (this.#fallback !== undefined) {
        this.#onError(error);
        return reserve(this.#fallback);
      }
      throw new RampartError("redis_unreachable", "the rate-limit store (Redis) is unreachable", {
        cause: error,
      });
    }
  }

  /** closes the Redis connection the service opened (not the caller's instance) */
  async close(): Promise<void> {
    await this.#redisStore?.close();
  }
}

interface TakeAllOutcome {
  held: HeldTake[];
  rejection?: LimitRejection;
}

/**
 * Take every planned counter; when one refuses or fails, give back the ones already taken.
 * A refusal becomes the rejection with the longest wait; a failure is rethrown after the give-back.
 */
async function takeAll(store: CounterStore, takes: readonly PlannedTake[]): Promise<TakeAllOutcome> {
  const results = await Promise.allSettled(takes.map((take) => store.take(take.counter, take.points)));
  const held: HeldTake[] = [];
  let failure: { error: unknown } | undefined;
  let refused: { take: PlannedTake; retryAfterMs: number } | undefined;
  results.forEach((result, index) => {
    const take = takes[index];
    if (take === undefined) return;
    if (result.status === "rejected") {
      failure ??= { error: result.reason };
    } else if (result.value.taken) {
      held.push({ take, windowEndsAt: result.value.windowEndsAt });
    } else if (refused === undefined || result.value.retryAfterMs > refused.retryAfterMs) {
      refused = { take, retryAfterMs: result.value.retryAfterMs };
    }
  });
  if (failure === undefined && refused === undefined) return { held };
  await Promise.allSettled(
    held.map((entry) => store.giveBack(entry.take.counter, entry.take.points, entry.windowEndsAt)),
  );
  if (failure !== undefined) throw failure.error;
  if (refused === undefined) return { held: [] };
  return { held: [], rejection: windowRejection(refused.take, refused.retryAfterMs) };
}
