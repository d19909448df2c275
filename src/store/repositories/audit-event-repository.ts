import type { Kysely } from "kysely";
import { type AuditTables, auditDatabase } from "./audit-tables.js";

export interface StoredAuditEvent {
  node: string;
  seq: number;
  at: string;
  type: string;
  envelope: string;
  hash: string;
}

export interface StoredCheckpoint {
  node: string;
  seq: number;
  at: string;
  headHash: string;
  previousSeq: number;
  keyId: string;
  signature: string;
}

export interface StoredContent {
  node: string;
  seq: number;
  mode: string;
  salt: string;
  body: string;
}

/** An event as verification reads it: its node is known from the query. */
export interface ChainRow {
  seq: number;
  at: string;
  type: string;
  envelope: string;
  hash: string;
}

/** A content row as verification reads it: what its commitment covers. */
export interface ChainContent {
  seq: number;
  salt: string;
  body: string;
}

export interface AuditBatch {
  events: readonly StoredAuditEvent[];
  contents: readonly StoredContent[];
  checkpoints: readonly StoredCheckpoint[];
}

/** Rows per INSERT statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 500;

/** The hash-chained events, their checkpoints and their erasable content. */
export interface AuditRepository {
  /** writes a batch in one transaction: all of it or nothing */
  append(batch: AuditBatch): Promise<void>;
  /** the last event of a node */
  head(node: string): Promise<{ seq: number; hash: string } | undefined>;
  lastCheckpoint(node: string): Promise<StoredCheckpoint | undefined>;
  /** every node with events or checkpoints, sorted */
  nodes(): Promise<string[]>;
  /** events with seq > afterSeq, in seq order */
  events(node: string, afterSeq: number, limit: number): Promise<StoredAuditEvent[]>;
  /**
   * Events and content rows with afterSeq < seq <= throughSeq, each in seq order, read together
   * (for verification). A bounded seq range is answered from the primary key whatever the table's
   * statistics say; an open range with a LIMIT can get a plan that scans and sorts the whole rest
   * of the table on every page.
   */
  chainRange(
    node: string,
    afterSeq: number,
    throughSeq: number,
  ): Promise<{ events: ChainRow[]; contents: ChainContent[] }>;
  /** the smallest event seq above afterSeq, if any */
  nextEventSeq(node: string, afterSeq: number): Promise<number | undefined>;
  /** checkpoints with fromSeq <= seq <= toSeq, in seq order */
  checkpoints(node: string, fromSeq: number, toSeq: number): Promise<StoredCheckpoint[]>;
  checkpointAtOrBefore(node: string, seq: number): Promise<StoredCheckpoint | undefined>;
  checkpointAtOrAfter(node: string, seq: number): Promise<StoredCheckpoint | undefined>;
  /** the latest checkpoint taken at or before a time */
  checkpointAtOrBeforeTime(node: string, at: string): Promise<StoredCheckpoint | undefined>;
  /** content rows with seq > afterSeq, in seq order */
  contents(node: string, afterSeq: number, limit: number): Promise<StoredContent[]>;
  content(node: string, seq: number): Promise<StoredContent | undefined>;
  /** the first and last seq of a node's events within [from, to] (ISO times, both optional) */
  seqBounds(node: string, from?: string, to?: string): Promise<{ first: number; last: number } | undefined>;
  countEvents(): Promise<number>;
  /** removes events and content with seq <= throughSeq and checkpoints before it; returns events removed */
  prune(node: string, throughSeq: number): Promise<number>;
  /** erases one event's content (the chain keeps its commitment); true when there was some */
  eraseContent(node: string, seq: number): Promise<boolean>;
}

export function createAuditRepository<Database>(database: Kysely<Database>): AuditRepository {
  const db = auditDatabase(database);
  return {
    async append(batch) {
      await db.transaction().execute(async (transaction) => {
        await insertChunks(transaction, "audit_events", batch.events.map(eventRow));
        await insertChunks(
          transaction,
          "audit_content",
          batch.contents.map((content) => ({ ...content })),
        );
        await insertChunks(transaction, "audit_checkpoints", batch.checkpoints.map(checkpointRow));
      });
    },
    async head(node) {
      return db
        .selectFrom("audit_events")
        .select(["seq", "hash"])
        .where("node", "=", node)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
    },
    async lastCheckpoint(node) {
      const row = await db
        .selectFrom("audit_checkpoints")
        .selectAll()
        .where("node", "=", node)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : fromCheckpointRow(row);
    },
    async nodes() {
      const events = await db.selectFrom("audit_events").select("node").distinct().execute();
      const checkpoints = await db.selectFrom("audit_checkpoints").select("node").distinct().execute();
      return [...new Set([...events, ...checkpoints].map((row) => row.node))].sort();
    },
    async events(node, afterSeq, limit) {
      return db
        .selectFrom("audit_events")
        .selectAll()
        .where("node", "=", node)
        .where("seq", ">", afterSeq)
        .orderBy("seq")
        .limit(limit)
        .execute();
    },
    async chainRange(node, afterSeq, throughSeq) {
      // two queries at once: on PostgreSQL they run on two pooled connections
      const [events, contents] = await Promise.all([
        db
          .selectFrom("audit_events")
          .select(["seq", "at", "type", "envelope", "hash"])
          .where("node", "=", node)
          .where("seq", ">", afterSeq)
          .where("seq", "<=", throughSeq)
          .orderBy("seq")
          .execute(),
        db
          .selectFrom("audit_content")
          .select(["seq", "salt", "body"])
          .where("node", "=", node)
          .where("seq", ">", afterSeq)
          .where("seq", "<=", throughSeq)
          .orderBy("seq")
          .execute(),
      ]);
      return { events, contents };
    },
    async nextEventSeq(node, afterSeq) {
      const row = await db
        .selectFrom("audit_events")
        .select("seq")
        .where("node", "=", node)
        .where("seq", ">", afterSeq)
        .orderBy("seq")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.seq);
    },
    async checkpoints(node, fromSeq, toSeq) {
      const rows = await db
        .selectFrom("audit_checkpoints")
        .selectAll()
        .where("node", "=", node)
        .where("seq", ">=", fromSeq)
        .where("seq", "<=", toSeq)
        .orderBy("seq")
        .execute();
      return rows.map(fromCheckpointRow);
    },
    async checkpointAtOrBefore(node, seq) {
      const row = await db
        .selectFrom("audit_checkpoints")
        .selectAll()
        .where("node", "=", node)
        .where("seq", "<=", seq)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : fromCheckpointRow(row);
    },
    async checkpointAtOrAfter(node, seq) {
      const row = await db
        .selectFrom("audit_checkpoints")
        .selectAll()
        .where("node", "=", node)
        .where("seq", ">=", seq)
        .orderBy("seq")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : fromCheckpointRow(row);
    },
    async checkpointAtOrBeforeTime(node, at) {
      const row = await db
        .selectFrom("audit_checkpoints")
        .selectAll()
        .where("node", "=", node)
        .where("at", "<=", at)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : fromCheckpointRow(row);
    },
    async contents(node, afterSeq, limit) {
      return db
        .selectFrom("audit_content")
        .selectAll()
        .where("node", "=", node)
        .where("seq", ">", afterSeq)
        .orderBy("seq")
        .limit(limit)
        .execute();
    },
    async content(node, seq) {
      return db
        .selectFrom("audit_content")
        .selectAll()
        .where("node", "=", node)
        .where("seq", "=", seq)
        .executeTakeFirst();
    },
    async seqBounds(node, from, to) {
      let query = db
        .selectFrom("audit_events")
        .select((builder) => [builder.fn.min("seq").as("first"), builder.fn.max("seq").as("last")])
        .where("node", "=", node);
      if (from !== undefined) query = query.where("at", ">=", from);
      if (to !== undefined) query = query.where("at", "<=", to);
      const row = await query.executeTakeFirst();
      if (row === undefined || row.first === null || row.last === null) return undefined;
      return { first: Number(row.first), last: Number(row.last) };
    },
    async countEvents() {
      const row = await db
        .selectFrom("audit_events")
        .select((builder) => builder.fn.countAll().as("count"))
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    async prune(node, throughSeq) {
      return db.transaction().execute(async (transaction) => {
        await transaction
          .deleteFrom("audit_content")
          .where("node", "=", node)
          .where("seq", "<=", throughSeq)
          .execute();
        await transaction
          .deleteFrom("audit_checkpoints")
          .where("node", "=", node)
          .where("seq", "<", throughSeq)
          .execute();
        const result = await transaction
          .deleteFrom("audit_events")
          .where("node", "=", node)
          .where("seq", "<=", throughSeq)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      });
    },
    async eraseContent(node, seq) {
      const result = await db
        .deleteFrom("audit_content")
        .where("node", "=", node)
        .where("seq", "=", seq)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

type TableName = "audit_events" | "audit_content" | "audit_checkpoints";

async function insertChunks<Name extends TableName>(
  db: Kysely<AuditTables>,
  table: Name,
  rows: readonly AuditTables[Name][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    // the row type matches the table by construction; Kysely cannot follow the generic here
    await db
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}

function eventRow(event: StoredAuditEvent): AuditTables["audit_events"] {
  return {
    node: event.node,
    seq: event.seq,
    at: event.at,
    type: event.type,
    envelope: event.envelope,
    hash: event.hash,
  };
}

function checkpointRow(checkpoint: StoredCheckpoint): AuditTables["audit_checkpoints"] {
  return {
    node: checkpoint.node,
    seq: checkpoint.seq,
    at: checkpoint.at,
    head_hash: checkpoint.headHash,
    previous_seq: checkpoint.previousSeq,
    key_id: checkpoint.keyId,
    signature: checkpoint.signature,
  };
}

function fromCheckpointRow(row: AuditTables["audit_checkpoints"]): StoredCheckpoint {
  return {
    node: row.node,
    seq: Number(row.seq),
    at: row.at,
    headHash: row.head_hash,
    previousSeq: Number(row.previous_seq),
    keyId: row.key_id,
    signature: row.signature,
  };
}
