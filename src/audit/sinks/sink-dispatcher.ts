import { errorMessage } from "../../core/index.js";
import type { AuditRepository } from "../../store/repositories/audit-event-repository.js";
import type { AuditOutboxRepository } from "../../store/repositories/audit-outbox-repository.js";
import { auditEnvelopeSchema } from "../event-schema.js";
import type { AuditSink, SinkEvent } from "./sink.js";

/** Dispatcher defaults; docs/audit.md lists them. */
export const dispatcherDefaults = {
  /** events per delivery */
  batchSize: 100,
  /** how often an idle sink looks for events that another path committed */
  pollMs: 1_000,
  /** backoff after a failed delivery: first wait, doubled per failure up to the maximum, with jitter */
  retryInitialMs: 500,
  retryMaxMs: 30_000,
} as const;

export interface SinkStatus {
  name: string;
  deliveredSeq: number;
  attempts: number;
  lastError: string | null;
}

export interface SinkDispatcherOptions {
  sinks: readonly AuditSink[];
  node: string;
  events: AuditRepository;
  outbox: AuditOutboxRepository;
  /** where a new sink starts: events after this seq are delivered */
  startSeq: number;
  pollMs?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  onError?: (sink: string, error: unknown) => void;
}

/**
 * Delivers committed events to every sink, each in its own loop, at least once and in seq order.
 * Progress lives in the outbox table, so a restart resumes after the last delivered event. A sink
 * outage only delays that sink: the gateway never waits for it.
 */
export class SinkDispatcher {
  private readonly options: SinkDispatcherOptions;
  private readonly status = new Map<string, SinkStatus>();
  private readonly wakers = new Map<() => void, boolean>();
  private readonly loops: Promise<void>[] = [];
  private stopped = false;

  constructor(options: SinkDispatcherOptions) {
    this.options = options;
    for (const sink of options.sinks)
      this.status.set(sink.name, { name: sink.name, deliveredSeq: 0, attempts: 0, lastError: null });
  }

  start(): void {
    for (const sink of this.options.sinks) this.loops.push(this.run(sink));
  }

  /** New events are committed: idle sinks look now. */
  wake(): void {
    for (const [waker, wakeable] of [...this.wakers]) if (wakeable || this.stopped) waker();
  }

  statuses(): SinkStatus[] {
    return [...this.status.values()].map((status) => ({ ...status }));
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.loops);
    for (const sink of this.options.sinks) await sink.close().catch(() => undefined);
  }

  private async run(sink: AuditSink): Promise<void> {
    const { node, events, outbox } = this.options;
    const status = this.status.get(sink.name) ?? {
      name: sink.name,
      deliveredSeq: 0,
      attempts: 0,
      lastError: null,
    };
    let state: Awaited<ReturnType<AuditOutboxRepository["ensure"]>> | undefined;
    while (!this.stopped) {
      try {
        state ??= await outbox.ensure(sink.name, node, this.options.startSeq);
        status.deliveredSeq = state.deliveredSeq;
        const rows = await events.events(node, state.deliveredSeq, dispatcherDefaults.batchSize);
        if (rows.length === 0) {
          await this.idle(this.options.pollMs ?? dispatcherDefaults.pollMs);
          continue;
        }
        const batch: SinkEvent[] = rows.map((row) => ({
          envelope: auditEnvelopeSchema.parse(JSON.parse(row.envelope)),
          hash: row.hash,
        }));
        try {
          await sink.deliver(batch);
        } catch (error) {
          status.attempts += 1;
          status.lastError = errorMessage(error);
          this.options.onError?.(sink.name, error);
          const delay = this.backoff(status.attempts);
          await outbox.failed(
            sink.name,
            node,
            status.attempts,
            new Date(Date.now() + delay).toISOString(),
            status.lastError,
          );
          await this.idle(delay, false);
          continue;
        }
        const last = rows.at(-1)?.seq ?? state.deliveredSeq;
        await outbox.delivered(sink.name, node, last);
        state = { ...state, deliveredSeq: last, attempts: 0, lastError: null };
        status.deliveredSeq = last;
        status.attempts = 0;
        status.lastError = null;
      } catch (error) {
        // the store itself failed: wait and retry from the outbox state
        this.options.onError?.(sink.name, error);
        state = undefined;
        await this.idle(this.backoff(1));
      }
    }
  }

  private backoff(attempts: number): number {
    const initial = this.options.retryInitialMs ?? dispatcherDefaults.retryInitialMs;
    const maximum = this.options.retryMaxMs ?? dispatcherDefaults.retryMaxMs;
    const base = Math.min(maximum, initial * 2 ** Math.min(attempts - 1, 20));
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }

  /** Waits for the time to pass or for wake() (a backoff ignores wake(); close() ends any wait). */
  private idle(ms: number, wakeable = true): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.set(done, wakeable);
    });
  }
}
