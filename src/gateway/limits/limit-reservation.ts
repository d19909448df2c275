import type { CounterStore } from "./counter-store.js";
import type { PlannedTake } from "./limit-plan.js";

/** Real usage reported by the upstream (or counted by the gateway when it sent none). */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** A take that succeeded, with the end of the window that holds it. */
export interface HeldTake {
  readonly take: PlannedTake;
  readonly windowEndsAt: number;
}

/**
 * What `LimitsService.check` returns when the request may go upstream. Exactly one of `settle`
 * (after the upstream answered, with its usage) or `release` (when the call failed) should be
 * called; later calls are no-ops. Neither ever rejects: a store failure at that point is reported
 * to the service's `onError` and the reserved points simply expire with their window.
 */
export class LimitReservation {
  readonly allowed = true as const;
  /** the `max_tokens` to send upstream (the caller's, clamped), or undefined to send none */
  readonly maxTokens: number | undefined;
  /** prompt + completion tokens reserved on every token counter */
  readonly reservedTokens: number;
  /** where the counters were taken: "memory" also when Redis failed and the fallback was used */
  readonly backend: "memory" | "redis";
  readonly #held: readonly HeldTake[];
  readonly #store: CounterStore;
  readonly #onError: (error: unknown) => void;
  #done = false;

  constructor(options: {
    maxTokens: number | undefined;
    reservedTokens: number;
    held: readonly HeldTake[];
    store: CounterStore;
    onError: (error: unknown) => void;
  }) {
    this.maxTokens = options.maxTokens;
    this.reservedTokens = options.reservedTokens;
    this.backend = options.store.backend;
    this.#held = options.held;
    this.#store = options.store;
    this.#onError = options.onError;
  }

  /** true once settle or release ran */
  get finished(): boolean {
    return this.#done;
  }

  /**
   * Replace the reservation by the real usage on every token counter: give back what was not used,
   * or charge what went beyond it. Request counters keep their request.
   */
  async settle(usage: TokenUsage): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    const used =
      Math.max(0, Math.round(usage.promptTokens)) + Math.max(0, Math.round(usage.completionTokens));
    const difference = used - this.reservedTokens;
    if (difference === 0) return;
    await this.#adjust((held) =>
      difference < 0
        ? this.#store.giveBack(held.take.counter, -difference, held.windowEndsAt)
        : this.#store.charge(held.take.counter, difference),
    );
  }

  /** Give back every reserved token (the upstream call failed). Request counters keep the request. */
  async release(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    await this.#adjust((held) =>
      this.#store.giveBack(held.take.counter, held.take.points, held.windowEndsAt),
    );
  }

  async #adjust(operation: (held: HeldTake) => Promise<void>): Promise<void> {
    const tokenTakes = this.#held.filter((held) => held.take.counts === "tokens");
    if (tokenTakes.length === 0) return;
    try {
      await this.#store.exclusive(async () => {
        const results = await Promise.allSettled(tokenTakes.map(operation));
        for (const result of results) if (result.status === "rejected") this.#onError(result.reason);
      });
    } catch (error) {
      this.#onError(error);
    }
  }
}
