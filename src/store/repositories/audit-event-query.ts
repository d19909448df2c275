import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { RampartDatabase } from "../database-schema.js";
import type { AuditTables } from "./audit-tables.js";

/** The derived index of migration 0101-audit-event-index: one row per audit event. */
export interface AuditEventIndexTable {
  node: string;
  seq: number;
  at: string;
  type: string;
  request_id: string | null;
  actor_kind: string | null;
  actor_id: string | null;
  actor_role: string | null;
  key_id: string | null;
  app: string | null;
  model: string | null;
  upstream: string | null;
  status: number | null;
  verdict: string | null;
  /** JSON array of category names */
  categories: string;
  latency_ms: number | null;
  action: string | null;
}

/** One row per (event, category), with the event's time and verdict, for category filters and counts. */
export interface AuditEventIndexCategoryTable {
  node: string;
  seq: number;
  category: string;
  at: string;
  verdict: string | null;
}

// a type alias, not an interface: Kysely's withTables needs an indexable record type
type QueryDatabase = {
  api_keys: RampartDatabase["api_keys"];
  audit_events: AuditTables["audit_events"];
  audit_checkpoints: AuditTables["audit_checkpoints"];
  audit_event_index: AuditEventIndexTable;
  audit_event_index_categories: AuditEventIndexCategoryTable;
};

/** An event as a table row shows it: no prompt or answer text, no findings, no hashes. */
export interface AuditEventSummary {
  node: string;
  seq: number;
  at: string;
  type: string;
  requestId: string | null;
  actor: { kind: string; id: string; role: string | null } | null;
  /** the gateway key of a decision, or the admin key of a change made with one */
  keyId: string | null;
  /** that key's name, when the key is in the store */
  keyName: string | null;
  app: string | null;
  model: string | null;
  upstream: string | null;
  /** the HTTP status the gateway answered */
  status: number | null;
  verdict: string | null;
  categories: string[];
  /** the gateway's total time for the request, in milliseconds */
  latencyMs: number | null;
  /** what a management change did, e.g. `key.revoke` */
  action: string | null;
}

/** Filters of `list`; every list matches any of its values, and all given filters must match. */
export interface AuditEventFilter {
  /** ISO 8601 UTC, inclusive */
  from?: string | undefined;
  /** ISO 8601 UTC, exclusive */
  to?: string | undefined;
  types?: readonly string[] | undefined;
  apps?: readonly string[] | undefined;
  keyIds?: readonly string[] | undefined;
  models?: readonly string[] | undefined;
  verdicts?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  /** a case-insensitive substring of the request id */
  requestIdContains?: string | undefined;
}

/** A position in the newest-first order: the last row of the previous page. */
export interface AuditEventCursor {
  at: string;
  node: string;
  seq: number;
}

export interface AuditEventPage {
  rows: AuditEventSummary[];
  /** the cursor of the next (older) page, or undefined on the last page */
  next: AuditEventCursor | undefined;
}

export interface StoredEventText {
  node: string;
  seq: number;
  at: string;
  type: string;
  envelope: string;
  hash: string;
}

export interface NodeChainState {
  node: string;
  /** the newest event, or undefined when the node has only checkpoints */
  head: { seq: number; hash: string; at: string } | undefined;
  /** the oldest event still kept (retention removes older ones) */
  firstSeq: number | undefined;
  lastCheckpoint: { seq: number; at: string } | undefined;
}

export type TimeGranularity = "minute" | "hour" | "day";

/** Decisions per time slot and verdict: `slot` is the time cut to the granularity (`2026-01-31T09`). */
export interface VerdictCount {
  slot: string;
  verdict: string;
  count: number;
}

/**
 * Reads the audit trail for the management API. Filtered, paged and counted queries go through a
 * derived index (migration 0101) that `sync()` brings up to date from `audit_events`; single events,
 * chain heads and the live stream read `audit_events` itself.
 */
export interface AuditEventQuery {
  /**
   * Indexes every event not yet indexed, page by page (memory stays flat), and drops index rows of
   * events that retention removed. Cheap when up to date: a few index seeks per node. Concurrent
   * calls share a run; several processes may sync at once (inserts of the same event are ignored).
   */
  sync(): Promise<void>;
  /** newest first: by time, then node, then seq */
  list(
    filter: AuditEventFilter,
    page: { limit: number; after?: AuditEventCursor | undefined },
  ): Promise<AuditEventPage>;
  /** every node with events, sorted (an index seek per node, not a scan) */
  nodes(): Promise<string[]>;
  /** one stored event */
  event(node: string, seq: number): Promise<StoredEventText | undefined>;
  /** the nodes that have an event with this seq */
  nodesWithSeq(seq: number): Promise<string[]>;
  /** summaries of the events with seq > position[node] on every node (0 for a node not named), at most `limit` per node, in (at, node, seq) order */
  eventsAfter(position: ReadonlyMap<string, number>, limit: number): Promise<AuditEventSummary[]>;
  /** head, first kept seq and last checkpoint of every node */
  chainStates(): Promise<NodeChainState[]>;
  /** the newest indexed event of a type, with its text */
  latestOfType(type: string): Promise<StoredEventText | undefined>;
  /** the time of the oldest indexed event */
  firstEventAt(): Promise<string | undefined>;
  /** gateway decisions in [from, to) counted per time slot and verdict */
  verdictCounts(from: string, to: string, granularity: TimeGranularity): Promise<VerdictCount[]>;
  /** categories of the decisions with this verdict in [from, to), most frequent first */
  categoryCounts(
    from: string,
    to: string,
    verdict: string,
    limit: number,
  ): Promise<{ category: string; count: number }[]>;
  /** summarises one stored event (for the detail view and the stream) */
  summarise(event: StoredEventText): Promise<AuditEventSummary>;
}

/** Events read from `audit_events` per page while indexing. */
const SYNC_PAGE = 1000;
/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 400;
const SLOT_LENGTH: Readonly<Record<TimeGranularity, number>> = { minute: 16, hour: 13, day: 10 };

/** The fields of a stored envelope that a row needs; the rest passes through. */
const envelopeSchema = z.object({
  actor: z.object({ kind: z.string(), id: z.string(), role: z.string().optional() }).nullable(),
  payload: z.record(z.string(), z.unknown()),
});
const decisionPayloadSchema = z.object({
  requestId: z.string(),
  principal: z.object({ keyId: z.string(), app: z.string().nullable().optional() }).nullable().optional(),
  model: z.string().nullable().optional(),
  upstream: z.string().nullable().optional(),
  status: z.number().int().optional(),
  verdict: z.string().optional(),
  categories: z.array(z.string()).optional(),
  timings: z.object({ totalMs: z.number() }).optional(),
});
const changePayloadSchema = z.object({ action: z.string() });
const categoriesSchema = z.array(z.string());

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The index row of one stored event. Text that does not parse still gets a row (from its columns). */
export function indexRowOf(event: StoredEventText): AuditEventIndexTable {
  const row: AuditEventIndexTable = {
    node: event.node,
    seq: Number(event.seq),
    at: event.at,
    type: event.type,
    request_id: null,
    actor_kind: null,
    actor_id: null,
    actor_role: null,
    key_id: null,
    app: null,
    model: null,
    upstream: null,
    status: null,
    verdict: null,
    categories: "[]",
    latency_ms: null,
    action: null,
  };
  const envelope = envelopeSchema.safeParse(parseJson(event.envelope));
  if (!envelope.success) return row;
  const { actor, payload } = envelope.data;
  if (actor !== null) {
    row.actor_kind = actor.kind;
    row.actor_id = actor.id;
    row.actor_role = actor.role ?? null;
    if (actor.kind === "key" || actor.kind === "admin") row.key_id = actor.id;
  }
  if (event.type === "gateway.decision") {
    const decision = decisionPayloadSchema.safeParse(payload);
    if (decision.success) {
      const value = decision.data;
      row.request_id = value.requestId;
      row.key_id = value.principal?.keyId ?? row.key_id;
      row.app = value.principal?.app ?? null;
      row.model = value.model ?? null;
      row.upstream = value.upstream ?? null;
      row.status = value.status ?? null;
      row.verdict = value.verdict ?? null;
      row.categories = JSON.stringify([...new Set(value.categories ?? [])]);
      row.latency_ms = value.timings?.totalMs ?? null;
    }
  } else if (event.type === "management.change") {
    const change = changePayloadSchema.safeParse(payload);
    if (change.success) row.action = change.data.action;
  }
  return row;
}

function summaryOf(row: AuditEventIndexTable, keyName: string | null): AuditEventSummary {
  const categories = categoriesSchema.safeParse(parseJson(row.categories));
  return {
    node: row.node,
    seq: Number(row.seq),
    at: row.at,
    type: row.type,
    requestId: row.request_id,
    actor:
      row.actor_kind === null || row.actor_id === null
        ? null
        : { kind: row.actor_kind, id: row.actor_id, role: row.actor_role },
    keyId: row.key_id,
    keyName,
    app: row.app,
    model: row.model,
    upstream: row.upstream,
    status: row.status === null ? null : Number(row.status),
    verdict: row.verdict,
    categories: categories.success ? categories.data : [],
    latencyMs: row.latency_ms === null ? null : Number(row.latency_ms),
    action: row.action,
  };
}

/** Escapes LIKE wildcards; the query names `\` as the escape character. */
function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

export function createAuditEventQuery<Database>(database: Kysely<Database>): AuditEventQuery {
  const db = database.withTables<QueryDatabase>() as unknown as Kysely<QueryDatabase>;

  async function keyNames(ids: Iterable<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await db.selectFrom("api_keys").select(["id", "name"]).where("id", "in", wanted).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async function summarise(rows: readonly AuditEventIndexTable[]): Promise<AuditEventSummary[]> {
    const names = await keyNames(rows.map((row) => row.key_id));
    return rows.map((row) => summaryOf(row, row.key_id === null ? null : (names.get(row.key_id) ?? null)));
  }

  async function nodes(table: "audit_events" | "audit_checkpoints" = "audit_events"): Promise<string[]> {
    // a loose index scan: one seek per node on the (node, seq) key instead of reading every row
    const result = await sql<{ node: string }>`
      with recursive found(node) as (
        select min(node) from ${sql.table(table)}
        union all
        select (select min(t.node) from ${sql.table(table)} t where t.node > found.node)
        from found where found.node is not null
      )
      select node from found where node is not null`.execute(db);
    return result.rows.map((row) => row.node);
  }

  async function edgeSeq(
    table: "audit_events" | "audit_event_index",
    node: string,
    direction: "asc" | "desc",
  ): Promise<number | undefined> {
    const row = await db
      .selectFrom(table)
      .select("seq")
      .where("node", "=", node)
      .orderBy("seq", direction)
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.seq);
  }

  async function insertIndexRows(rows: readonly AuditEventIndexTable[]): Promise<void> {
    const categoryRows: AuditEventIndexCategoryTable[] = [];
    for (const row of rows) {
      const categories = categoriesSchema.safeParse(parseJson(row.categories));
      for (const category of categories.success ? categories.data : [])
        categoryRows.push({ node: row.node, seq: row.seq, category, at: row.at, verdict: row.verdict });
    }
    await db.transaction().execute(async (transaction) => {
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        await transaction
          .insertInto("audit_event_index")
          .values(rows.slice(start, start + INSERT_CHUNK))
          .onConflict((conflict) => conflict.columns(["node", "seq"]).doNothing())
          .execute();
      }
      for (let start = 0; start < categoryRows.length; start += INSERT_CHUNK) {
        await transaction
          .insertInto("audit_event_index_categories")
          .values(categoryRows.slice(start, start + INSERT_CHUNK))
          .onConflict((conflict) => conflict.columns(["node", "seq", "category"]).doNothing())
          .execute();
      }
    });
  }

  async function syncNode(node: string): Promise<void> {
    const first = await edgeSeq("audit_events", node, "asc");
    const last = await edgeSeq("audit_events", node, "desc");
    if (first === undefined || last === undefined) return;
    const indexedFirst = await edgeSeq("audit_event_index", node, "asc");
    if (indexedFirst !== undefined && indexedFirst < first) {
      // retention removed events: their index rows go too
      await db.transaction().execute(async (transaction) => {
        await transaction
          .deleteFrom("audit_event_index_categories")
          .where("node", "=", node)
          .where("seq", "<", first)
          .execute();
        await transaction
          .deleteFrom("audit_event_index")
          .where("node", "=", node)
          .where("seq", "<", first)
          .execute();
      });
    }
    let after = (await edgeSeq("audit_event_index", node, "desc")) ?? first - 1;
    while (after < last) {
      const page = await db
        .selectFrom("audit_events")
        .selectAll()
        .where("node", "=", node)
        .where("seq", ">", after)
        .orderBy("seq")
        .limit(SYNC_PAGE)
        .execute();
      if (page.length === 0) break;
      await insertIndexRows(page.map(indexRowOf));
      after = Number(page.at(-1)?.seq ?? last);
    }
  }

  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const runSync = async () => {
    for (const node of await nodes()) await syncNode(node);
  };
  function sync(): Promise<void> {
    if (running === undefined) {
      running = runSync().finally(() => {
        running = undefined;
      });
      return running;
    }
    // a run is under way and may have read the heads before the caller's events: run once more after it
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return sync();
      });
    return queued;
  }

  return {
    sync,
    nodes: () => nodes(),
    async list(filter, page) {
      let query = db
        .selectFrom("audit_event_index as e")
        .leftJoin("api_keys as k", "k.id", "e.key_id")
        .selectAll("e")
        .select("k.name as key_name");
      if (filter.from !== undefined) query = query.where("e.at", ">=", filter.from);
      if (filter.to !== undefined) query = query.where("e.at", "<", filter.to);
      if (filter.types?.length) query = query.where("e.type", "in", [...filter.types]);
      if (filter.apps?.length) query = query.where("e.app", "in", [...filter.apps]);
      if (filter.keyIds?.length) query = query.where("e.key_id", "in", [...filter.keyIds]);
      if (filter.models?.length) query = query.where("e.model", "in", [...filter.models]);
      if (filter.verdicts?.length) query = query.where("e.verdict", "in", [...filter.verdicts]);
      const categories = filter.categories;
      if (categories?.length) {
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom("audit_event_index_categories as c")
              .select("c.seq")
              .whereRef("c.node", "=", "e.node")
              .whereRef("c.seq", "=", "e.seq")
              .where("c.category", "in", [...categories]),
          ),
        );
      }
      if (filter.requestIdContains !== undefined && filter.requestIdContains !== "") {
        query = query.where(
          sql<boolean>`lower(${sql.ref("e.request_id")}) like ${likeContains(filter.requestIdContains)} escape '\\'`,
        );
      }
      const after = page.after;
      if (after !== undefined) {
        query = query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple("e.at", "e.node", "e.seq"), "<", tuple(after.at, after.node, after.seq)),
        );
      }
      const rows = await query
        .orderBy("e.at", "desc")
        .orderBy("e.node", "desc")
        .orderBy("e.seq", "desc")
        .limit(page.limit + 1)
        .execute();
      const shown = rows.slice(0, page.limit);
      const last = shown.at(-1);
      return {
        rows: shown.map(({ key_name, ...row }) => summaryOf(row, key_name ?? null)),
        next:
          rows.length > page.limit && last !== undefined
            ? { at: last.at, node: last.node, seq: Number(last.seq) }
            : undefined,
      };
    },
    async event(node, seq) {
      const row = await db
        .selectFrom("audit_events")
        .selectAll()
        .where("node", "=", node)
        .where("seq", "=", seq)
        .executeTakeFirst();
      return row === undefined ? undefined : { ...row, seq: Number(row.seq) };
    },
    async nodesWithSeq(seq) {
      const found: string[] = [];
      for (const node of await nodes()) {
        const row = await db
          .selectFrom("audit_events")
          .select("seq")
          .where("node", "=", node)
          .where("seq", "=", seq)
          .executeTakeFirst();
        if (row !== undefined) found.push(node);
      }
      return found;
    },
    async eventsAfter(position, limit) {
      const rows: AuditEventIndexTable[] = [];
      for (const node of await nodes()) {
        const page = await db
          .selectFrom("audit_events")
          .selectAll()
          .where("node", "=", node)
          .where("seq", ">", position.get(node) ?? 0)
          .orderBy("seq")
          .limit(limit)
          .execute();
        rows.push(...page.map(indexRowOf));
      }
      rows.sort((a, b) =>
        a.at === b.at ? (a.node === b.node ? a.seq - b.seq : a.node < b.node ? -1 : 1) : a.at < b.at ? -1 : 1,
      );
      return summarise(rows);
    },
    async chainStates() {
      const all = [...new Set([...(await nodes()), ...(await nodes("audit_checkpoints"))])].sort();
      const states: NodeChainState[] = [];
      for (const node of all) {
        const head = await db
          .selectFrom("audit_events")
          .select(["seq", "hash", "at"])
          .where("node", "=", node)
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirst();
        const checkpoint = await db
          .selectFrom("audit_checkpoints")
          .select(["seq", "at"])
          .where("node", "=", node)
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirst();
        states.push({
          node,
          head: head === undefined ? undefined : { seq: Number(head.seq), hash: head.hash, at: head.at },
          firstSeq: await edgeSeq("audit_events", node, "asc"),
          lastCheckpoint:
            checkpoint === undefined ? undefined : { seq: Number(checkpoint.seq), at: checkpoint.at },
        });
      }
      return states;
    },
    async latestOfType(type) {
      const row = await db
        .selectFrom("audit_event_index as i")
        .innerJoin("audit_events as e", (join) =>
          join.onRef("e.node", "=", "i.node").onRef("e.seq", "=", "i.seq"),
        )
        .select(["e.node", "e.seq", "e.at", "e.type", "e.envelope", "e.hash"])
        .where("i.type", "=", type)
        .orderBy("i.at", "desc")
        .orderBy("i.node", "desc")
        .orderBy("i.seq", "desc")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : { ...row, seq: Number(row.seq) };
    },
    async firstEventAt() {
      const row = await db
        .selectFrom("audit_event_index")
        .select("at")
        .orderBy("at")
        .limit(1)
        .executeTakeFirst();
      return row?.at;
    },
    async verdictCounts(from, to, granularity) {
      const slot = sql<string>`substr(${sql.ref("at")}, 1, ${sql.lit(SLOT_LENGTH[granularity])})`;
      const rows = await db
        .selectFrom("audit_event_index")
        .select((builder) => [slot.as("slot"), "verdict", builder.fn.countAll().as("count")])
        .where("type", "=", "gateway.decision")
        .where("verdict", "is not", null)
        .where("at", ">=", from)
        .where("at", "<", to)
        .groupBy([slot, "verdict"])
        .execute();
      return rows.map((row) => ({ slot: row.slot, verdict: row.verdict ?? "", count: Number(row.count) }));
    },
    async categoryCounts(from, to, verdict, limit) {
      const count = sql<number>`count(*)`;
      const rows = await db
        .selectFrom("audit_event_index_categories")
        .select(["category", count.as("count")])
        .where("verdict", "=", verdict)
        .where("at", ">=", from)
        .where("at", "<", to)
        .groupBy("category")
        .orderBy(count, "desc")
        .orderBy("category")
        .limit(limit)
        .execute();
      return rows.map((row) => ({ category: row.category, count: Number(row.count) }));
    },
    async summarise(event) {
      const [summary] = await summarise([indexRowOf(event)]);
      if (summary === undefined) throw new Error("summarise lost its row");
      return summary;
    },
  };
}
