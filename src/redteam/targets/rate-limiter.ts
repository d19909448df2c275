/**
 * Spaces request starts so that at most `perSecond` begin in any second (a simple scheduler:
 * each caller takes the next free slot). `perSecond` 0 or less: no limit.
 */
export interface RateLimiter {
  wait(): Promise<void>;
}

export function createRateLimiter(
  perSecond: number,
  now: () => number = () => performance.now(),
): RateLimiter {
  if (!(perSecond > 0)) return { wait: () => Promise.resolve() };
  const interval = 1000 / perSecond;
  let nextSlot = 0;
  return {
    wait() {
      const current = now();
      const slot = Math.max(current, nextSlot);
      nextSlot = slot + interval;
      const delay = slot - current;
      return delay <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, delay));
    },
  };
}
