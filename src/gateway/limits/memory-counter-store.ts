import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { type Counter, type CounterStore, counterKey, limiterId, type TakeOutcome } from "./counter-store.js";

/**
 * Counters in this process (rate-limiter-flexible's RateLimiterMemory). The default when no Redis
 * is configured, and the fallback when `onRedisError: "memory"`. Limits hold per process only.
 *
 * RateLimiterMemory.consume adds the points even when it rejects; `take` undoes a rejected consume
 * at once, inside `exclusive`, so no other take of this process sees the inflated counter.
 */
export class MemoryCounterStore implements CounterStore {
  readonly backend = "memory" as const;
  readonly #limiters = new Map<string, RateLimiterMemory>();
  readonly #keyPrefix: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: { keyPrefix: string }) {
    this.#keyPrefix = options.keyPrefix;
  }

  async take(counter: Counter, points: number): Promise<TakeOutcome> {
    const limiter = this.#limiter(counter);
    try {
      const result = await limiter.consume(counterKey(counter), points);
      return { taken: true, windowEndsAt: Date.now() + windowRemainingMs(result, counter) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await limiter.reward(counterKey(counter), points);
      return { taken: false, retryAfterMs: windowRemainingMs(rejection, counter) };
    }
  }

  async giveBack(counter: Counter, points: number, windowEndsAt: number): Promise<void> {
    if (Date.now() >= windowEndsAt) return;
    const limiter = this.#limiter(counter);
    const current = await limiter.get(counterKey(counter));
    const refundable = Math.min(points, current?.consumedPoints ?? 0);
    if (refundable > 0) await limiter.reward(counterKey(counter), refundable);
  }

  async charge(counter: Counter, points: number): Promise<void> {
    if (points > 0) await this.#limiter(counter).penalty(counterKey(counter), points);
  }

  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #limiter(counter: Counter): RateLimiterMemory {
    const id = limiterId(counter);
    let limiter = this.#limiters.get(id);
    if (limiter === undefined) {
      limiter = new RateLimiterMemory({
        keyPrefix: `${this.#keyPrefix}:${counter.limit}`,
        points: counter.capacity,
        duration: counter.windowSeconds,
      });
      this.#limiters.set(id, limiter);
    }
    return limiter;
  }
}

/** milliseconds left in the window of a limiter result; a full window when the store has no expiry */
export function windowRemainingMs(result: RateLimiterRes, counter: Counter): number {
  return result.msBeforeNext > 0 ? result.msBeforeNext : counter.windowSeconds * 1000;
}
