import type { LimitName } from "./limits-schema.js";

/** One windowed counter: a limit of one subject (`key:<id>`, `app:<name>`, `team:<name>`). */
export interface Counter {
  readonly limit: LimitName;
  readonly subject: string;
  /** the most points the window may hold */
  readonly capacity: number;
  readonly windowSeconds: number;
}

export type TakeOutcome =
  /** the points were added; `windowEndsAt` (epoch ms) is when the window that holds them ends */
  | { readonly taken: true; readonly windowEndsAt: number }
  /** nothing was added: the window would go over capacity */
  | { readonly taken: false; readonly retryAfterMs: number };

/**
 * Where counters live. `take` is atomic per counter: it adds the points only if the counter stays
 * within capacity, so concurrent takes (in this process or, for Redis, in any process) never
 * overshoot. Taking from several counters all-or-none is the caller's job (see limits-service.ts).
 */
export interface CounterStore {
  readonly backend: "memory" | "redis";
  take(counter: Counter, points: number): Promise<TakeOutcome>;
  /** subtract points, never below zero; a no-op once the window that held them has ended */
  giveBack(counter: Counter, points: number, windowEndsAt: number): Promise<void>;
  /** add points unconditionally (usage beyond a reservation has already happened) */
  charge(counter: Counter, points: number): Promise<void>;
  /**
   * Run `operation` so that no other exclusive operation of this store in this process interleaves
   * with it. The memory store needs it (its take is consume-then-undo); Redis takes are atomic in
   * the server, so it runs the operation directly.
   */
  exclusive<T>(operation: () => Promise<T>): Promise<T>;
}

/** The storage key of a counter below the store's prefix: the limit name, then the subject. */
export function counterKey(counter: Counter): string {
  return counter.subject;
}

/** Which limiter instance serves a counter: one per limit name, capacity and window. */
export function limiterId(counter: Counter): string {
  return `${counter.limit}|${counter.capacity}|${counter.windowSeconds}`;
}
