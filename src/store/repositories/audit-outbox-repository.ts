import type { Kysely } from "kysely";
import { auditDatabase } from "./audit-tables.js";

/** The delivery state of one sink for one node's events: everything up to deliveredSeq went out. */
export interface OutboxState {
  sink: string;
  node: string;
  deliveredSeq: number;
  /** failed attempts since the last success */
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/**
 * The outbox of the audit sinks. The events table is the message log (an event is committed once,
 * in the chain's transaction); one row here per sink and node records how far delivery got, so a
 * restart resumes where it stopped and nothing committed is skipped (at-least-once).
 */
export interface AuditOutboxRepository {
  get(sink: string, node: string): Promise<OutboxState | undefined>;
  /** creates the row when missing (delivery starts after startSeq); returns the state either way */
  ensure(sink: string, node: string, startSeq: number): Promise<OutboxState>;
  delivered(sink: string, node: string, seq: number): Promise<void>;
  failed(sink: string, node: string, attempts: number, nextAttemptAt: string, error: string): Promise<void>;
  /** the lowest deliveredSeq of a node over every sink (retention keeps what is undelivered) */
  lowestDelivered(node: string): Promise<number | undefined>;
}

export function createAuditOutboxRepository<Database>(
  database: Kysely<Database>,
  now: () => Date = () => new Date(),
): AuditOutboxRepository {
  const db = auditDatabase(database);
  const get = async (sink: string, node: string): Promise<OutboxState | undefined> => {
    const row = await db
      .selectFrom("audit_outbox")
      .selectAll()
      .where("sink", "=", sink)
      .where("node", "=", node)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      sink: row.sink,
      node: row.node,
      deliveredSeq: Number(row.delivered_seq),
      attempts: Number(row.attempts),
      nextAttemptAt: row.next_attempt_at,
      lastError: row.last_error,
    };
  };
  return {
    get,
    async ensure(sink, node, startSeq) {
      await db
        .insertInto("audit_outbox")
        .values({
          sink,
          node,
          delivered_seq: startSeq,
          attempts: 0,
          next_attempt_at: null,
          last_error: null,
          updated_at: now().toISOString(),
        })
        .onConflict((conflict) => conflict.columns(["sink", "node"]).doNothing())
        .execute();
      const state = await get(sink, node);
      if (state === undefined) throw new Error(`outbox row ${sink}/${node} vanished`);
      return state;
    },
    async delivered(sink, node, seq) {
      await db
        .updateTable("audit_outbox")
        .set({
          delivered_seq: seq,
          attempts: 0,
          next_attempt_at: null,
          last_error: null,
          updated_at: now().toISOString(),
        })
        .where("sink", "=", sink)
        .where("node", "=", node)
        .where("delivered_seq", "<", seq)
        .execute();
    },
    async failed(sink, node, attempts, nextAttemptAt, error) {
      await db
        .updateTable("audit_outbox")
        .set({
          attempts,
          next_attempt_at: nextAttemptAt,
          last_error: error.slice(0, 500),
          updated_at: now().toISOString(),
        })
        .where("sink", "=", sink)
        .where("node", "=", node)
        .execute();
    },
    async lowestDelivered(node) {
      const row = await db
        .selectFrom("audit_outbox")
        .select((builder) => builder.fn.min("delivered_seq").as("lowest"))
        .where("node", "=", node)
        .executeTakeFirst();
      return row?.lowest === null || row?.lowest === undefined ? undefined : Number(row.lowest);
    },
  };
}
