import type { AuditCheckService, AuditRunOutcome } from "./audit-service.js";

/** The timers the scheduler uses; tests pass a fake clock. */
export interface SchedulerClock {
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Real timers, unref'd so that the scheduler never keeps the process alive. */
export const systemSchedulerClock: SchedulerClock = {
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  },
  clearTimer(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** How often the scheduler looks for due audit plans, and how long after start it first looks. */
export const AUDIT_SCHEDULER_INTERVAL_MS = 3_600_000;
export const AUDIT_SCHEDULER_FIRST_CHECK_MS = 60_000;

export interface AuditSchedulerOptions {
  readonly service: Pick<AuditCheckService, "runDue">;
  readonly intervalMs?: number | undefined;
  readonly firstCheckMs?: number | undefined;
  readonly clock?: SchedulerClock | undefined;
  /** a failed look (store unreachable...) is reported here; the scheduler keeps going */
  readonly onError?: ((error: unknown) => void) | undefined;
  readonly onRun?: ((outcome: AuditRunOutcome) => void) | undefined;
}

export interface AuditScheduler {
  start(): void;
  /** stops the timer and waits for a look in progress to finish */
  stop(): Promise<void>;
  /** looks for due plans now and runs them (what the timer calls) */
  tick(): Promise<void>;
}

/**
 * Runs audit plans' automated checks on their schedule inside `rampart serve`: one timer looks for
 * due plans every `intervalMs` (an hour by default; schedules are months long, so an hour late is on
 * time), never two looks at once. Which plans are due is read from the stored runs, so a restart
 * neither repeats nor skips a run.
 */
export function createAuditScheduler(options: AuditSchedulerOptions): AuditScheduler {
  const clock = options.clock ?? systemSchedulerClock;
  const interval = options.intervalMs ?? AUDIT_SCHEDULER_INTERVAL_MS;
  let timer: unknown;
  let stopped = true;
  let running: Promise<void> | undefined;

  const tick = (): Promise<void> => {
    running ??= (async () => {
      try {
        for (const outcome of await options.service.runDue()) options.onRun?.(outcome);
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const schedule = (ms: number): void => {
    if (stopped) return;
    timer = clock.setTimer(() => {
      timer = undefined;
      void tick().then(() => schedule(interval));
    }, ms);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(options.firstCheckMs ?? AUDIT_SCHEDULER_FIRST_CHECK_MS);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimer(timer);
      timer = undefined;
      await running;
    },
    tick,
  };
}
