import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { type Counter, type CounterStore, counterKey, limiterId, type TakeOutcome } from "./counter-store.js";
import { windowRemainingMs } from "./memory-counter-store.js";
import { conditionalTakeScript } from "./redis-take-script.js";

export interface RedisCounterStoreOptions {
  redis: Redis;
  keyPrefix: string;
  /** an operation that takes longer fails like an unreachable Redis (default 1,000 ms) */
  operationTimeoutMs?: number;
  /** connection errors of the store's own connection (operations fail on their own as well) */
  onConnectionError?: (error: unknown) => void;
}

/**
 * A capacity no counter reaches: a charge runs the same conditional script through a limiter with
 * this capacity, which makes it an unconditional increment.
 */
const unboundedCapacity = Number.MAX_SAFE_INTEGER;

/**
 * Counters shared by every gateway process through Redis (rate-limiter-flexible's
 * RateLimiterRedis over ioredis). Every operation runs the conditional script
 * (redis-take-script.ts). The library registers its script on the ioredis client under one fixed
 * command name, so a second limiter with another script on the same client would replace ours:
 * the store therefore works on its own connection (`redis.duplicate()`), closed by `close()`.
 * Commands fail at once while that connection is down (`rejectIfRedisNotReady`) instead of
 * queueing, a connection that is still being set up is awaited, and every operation has a time
 * bound; failures are thrown as they are and the service decides (fail closed, or use memory).
 */
export class RedisCounterStore implements CounterStore {
  readonly backend = "redis" as const;
  readonly #takers = new Map<string, RateLimiterRedis>();
  readonly #chargers = new Map<string, RateLimiterRedis>();
  readonly #client: Redis;
  readonly #keyPrefix: string;
  readonly #timeoutMs: number;
  #readyWait: Promise<void> | undefined;

  constructor(options: RedisCounterStoreOptions) {
    this.#client = options.redis.duplicate();
    const onConnectionError = options.onConnectionError ?? (() => undefined);
    this.#client.on("error", (error: unknown) => onConnectionError(error));
    this.#keyPrefix = options.keyPrefix;
    this.#timeoutMs = options.operationTimeoutMs ?? 1_000;
  }

  async take(counter: Counter, points: number): Promise<TakeOutcome> {
    const limiter = this.#limiter(this.#takers, counter);
    await this.#ready();
    try {
      const result = await this.#bounded(limiter.consume(counterKey(counter), points));
      return { taken: true, windowEndsAt: Date.now() + windowRemainingMs(result, counter) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { taken: false, retryAfterMs: windowRemainingMs(rejection, counter) };
    }
  }

  async giveBack(counter: Counter, points: number, windowEndsAt: number): Promise<void> {
    if (points <= 0 || Date.now() >= windowEndsAt) return;
    const limiter = this.#limiter(this.#takers, counter);
    await this.#ready();
    await this.#bounded(limiter.reward(counterKey(counter), points));
  }

  async charge(counter: Counter, points: number): Promise<void> {
    if (points <= 0) return;
    const limiter = this.#limiter(this.#chargers, { ...counter, capacity: unboundedCapacity });
    await this.#ready();
    await this.#bounded(limiter.penalty(counterKey(counter), points));
  }

  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    return operation();
  }

  /** closes the store's own connection (the caller's Redis instance is left alone) */
  async close(): Promise<void> {
    await this.#client.quit().catch(() => this.#client.disconnect());
  }

  #limiter(cache: Map<string, RateLimiterRedis>, counter: Counter): RateLimiterRedis {
    const id = limiterId(counter);
    let limiter = cache.get(id);
    if (limiter === undefined) {
      limiter = new RateLimiterRedis({
        storeClient: this.#client,
        keyPrefix: `${this.#keyPrefix}:${counter.limit}`,
        points: counter.capacity,
        duration: counter.windowSeconds,
        rejectIfRedisNotReady: true,
        customIncrTtlLuaScript: conditionalTakeScript,
      });
      cache.set(id, limiter);
    }
    return limiter;
  }

  /**
   * Waits for a connection that is still being set up (one shared listener). A connection that is
   * reconnecting after a failure is not awaited: the limiter then fails at once.
   */
  async #ready(): Promise<void> {
    const status = this.#client.status;
    if (status === "ready") return;
    if (status === "wait") void this.#client.connect().catch(() => undefined);
    if (status !== "wait" && status !== "connecting" && status !== "connect") return;
    this.#readyWait ??= new Promise<void>((resolve) => {
      this.#client.once("ready", () => {
        this.#readyWait = undefined;
        resolve();
      });
    });
    await this.#bounded(this.#readyWait);
  }

  async #bounded<T>(operation: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`redis did not answer within ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([operation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
