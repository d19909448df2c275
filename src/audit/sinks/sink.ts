import type { AuditEnvelope } from "../event-schema.js";

/** An event as sinks see it: the envelope and its hash. */
export interface SinkEvent {
  readonly envelope: AuditEnvelope;
  readonly hash: string;
}

/**
 * Where audit events go besides the store. `deliver` resolves once the batch is handed over (a 2xx
 * answer, a written file, a sent datagram) and rejects otherwise; the dispatcher retries the same
 * batch with backoff, so a sink may see an event more than once and never misses one.
 */
export interface AuditSink {
  readonly name: string;
  deliver(events: readonly SinkEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** The `rampart` format of an event: the same object as an export line. */
export function rampartRecord(event: SinkEvent): Record<string, unknown> {
  return { kind: "event", hash: event.hash, envelope: event.envelope };
}
