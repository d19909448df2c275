import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  type AuditTrail,
  auditEnvelopeSchema,
  auditVerificationPayloadSchema,
  eventContentSchema,
  gatewayDecisionPayloadSchema,
  parsePublicKey,
  type VerificationReport,
  verifyStore,
} from "../../audit/index.js";
import {
  AUDIT_STREAM_EVENT,
  type AuditChainStatus,
  type AuditEventContent,
  type AuditEventFinding,
  type AuditEventRow,
  auditEventKindSchema,
  auditPrincipalSchema,
  auditVerdictSchema,
  getAuditEvent,
  getAuditStatus,
  listAuditEvents,
  streamAuditEvents,
  verifyAudit,
} from "../../core/api/index.js";
import { RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { Store } from "../../store/index.js";
import {
  type AuditEventCursor,
  type AuditEventQuery,
  type AuditEventSummary,
  createAuditEventQuery,
  type StoredEventText,
} from "../../store/repositories/audit-event-query.js";
import { route } from "./contract-route.js";

export interface AuditRoutesOptions {
  admins: Authenticator;
  store: Store;
  /** this server's audit trail: its node, public key, repository, and where verifications are recorded */
  trail: Pick<AuditTrail, "node" | "publicKey" | "repository" | "record">;
  /** how often the stream looks for new events; default 500 ms */
  streamPollMs?: number;
  /** a comment line after this long without anything sent; default 15 s */
  streamHeartbeatMs?: number;
  /** the reads; default: over `store` */
  events?: AuditEventQuery;
}

/** Events read per node per poll of the stream. */
const STREAM_BATCH = 200;
/** How long an EventSource waits before it reconnects (the SSE `retry` field). */
const STREAM_RETRY_MS = 2000;
/** Characters of the head hash shown in the status. */
const HASH_PREFIX = 12;

// ---------------------------------------------------------------------------------------------
// rows

export function auditRowOf(summary: AuditEventSummary): AuditEventRow {
  const kind = auditEventKindSchema.safeParse(summary.type);
  if (!kind.success)
    throw new RampartError("storage_error", `audit event ${summary.node}:${summary.seq} has an unknown type`);
  const actor = summary.actor;
  const principal =
    actor === null
      ? null
      : auditPrincipalSchema.safeParse({
          kind: actor.kind,
          id: actor.id,
          name: actor.id === summary.keyId ? summary.keyName : null,
          role: actor.role,
        });
  return {
    id: `${summary.node}:${summary.seq}`,
    node: summary.node,
    seq: summary.seq,
    at: summary.at,
    kind: kind.data,
    requestId: summary.requestId,
    principal: principal?.success ? principal.data : null,
    app: summary.app,
    model: summary.model,
    upstream: summary.upstream,
    status: summary.status,
    verdict: auditVerdictSchema.safeParse(summary.verdict).data ?? null,
    categories: summary.categories,
    latencyMs: summary.latencyMs,
    action: summary.action,
  };
}

const cursorSchema = z.tuple([z.string().min(1), z.string().min(1), z.number().int().positive()]);

function encodeCursor(cursor: AuditEventCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.node, cursor.seq])).toString("base64url");
}

function decodeCursor(text: string): AuditEventCursor {
  try {
    const [at, node, seq] = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { at, node, seq };
  } catch {
    throw new RampartError("invalid_request", "cursor: not a cursor this API returned (use nextCursor)", {
      details: { param: "cursor" },
    });
  }
}

/** An ISO time with any zone, as stored: UTC with milliseconds. */
function utc(text: string | undefined): string | undefined {
  return text === undefined ? undefined : new Date(text).toISOString();
}

// ---------------------------------------------------------------------------------------------
// one event

async function resolveEventId(events: AuditEventQuery, text: string): Promise<{ node: string; seq: number }> {
  const colon = text.indexOf(":");
  if (colon > 0) return { node: text.slice(0, colon), seq: Number(text.slice(colon + 1)) };
  const seq = Number(text);
  const nodes = await events.nodesWithSeq(seq);
  const [only] = nodes;
  if (only === undefined) throw new RampartError("not_found", `no audit event ${seq}`);
  if (nodes.length > 1) {
    throw new RampartError(
      "invalid_request",
      `several nodes have event ${seq} (${nodes.join(", ")}); ask for <node>:${seq}`,
      { details: { param: "seq" } },
    );
  }
  return { node: only, seq };
}

function parseEnvelope(stored: StoredEventText) {
  let raw: unknown;
  try {
    raw = JSON.parse(stored.envelope);
  } catch (error) {
    throw new RampartError("storage_error", `audit event ${stored.node}:${stored.seq} is not JSON`, {
      cause: error,
    });
  }
  const parsed = auditEnvelopeSchema.safeParse(raw);
  if (!parsed.success)
    throw new RampartError(
      "storage_error",
      `audit event ${stored.node}:${stored.seq} does not match its schema`,
    );
  return parsed.data;
}

function findingsOf(type: string, payload: Record<string, unknown>): AuditEventFinding[] {
  if (type !== "gateway.decision") return [];
  const decision = gatewayDecisionPayloadSchema.safeParse(payload);
  if (!decision.success) return [];
  return decision.data.findings.map((finding) => ({
    detector: finding.detector,
    category: finding.category,
    rule: finding.rule,
    type: finding.type ?? null,
    score: finding.score,
    direction: finding.direction,
    start: finding.start,
    end: finding.end,
  }));
}

/** Content as stored: redacted text is shown; encrypted content is never decrypted here. */
async function contentOf(
  trail: AuditRoutesOptions["trail"],
  node: string,
  seq: number,
  reference: { mode: "redacted" | "encrypted" } | null,
): Promise<AuditEventContent> {
  if (reference === null) return null;
  const stored = await trail.repository.content(node, seq);
  if (stored === undefined) return { mode: "erased", storedAs: reference.mode };
  if (stored.mode !== "redacted") return { mode: "encrypted" };
  let raw: unknown;
  try {
    raw = JSON.parse(stored.body);
  } catch {
    raw = undefined;
  }
  const text = eventContentSchema.safeParse(raw);
  if (!text.success)
    throw new RampartError("storage_error", `stored content of audit event ${node}:${seq} is not readable`);
  return { mode: "redacted", prompt: text.data.prompt ?? null, response: text.data.response ?? null };
}

// ---------------------------------------------------------------------------------------------
// status

/** The chain's heads, checkpoints, size and last recorded verification. */
export async function auditChainStatus(events: AuditEventQuery, node: string): Promise<AuditChainStatus> {
  await events.sync();
  const nodes = (await events.chainStates()).map((state) => {
    const head = state.head;
    const checkpoint = state.lastCheckpoint;
    return {
      node: state.node,
      events: head === undefined || state.firstSeq === undefined ? 0 : head.seq - state.firstSeq + 1,
      head:
        head === undefined
          ? null
          : { seq: head.seq, hashPrefix: head.hash.slice(0, HASH_PREFIX), at: head.at },
      lastCheckpoint: checkpoint === undefined ? null : { seq: checkpoint.seq, at: checkpoint.at },
      uncheckpointed: head === undefined ? 0 : Math.max(0, head.seq - (checkpoint?.seq ?? 0)),
    };
  });
  return {
    node,
    events: nodes.reduce((sum, item) => sum + item.events, 0),
    nodes,
    lastVerification: await lastVerification(events),
  };
}

async function lastVerification(events: AuditEventQuery): Promise<AuditChainStatus["lastVerification"]> {
  const stored = await events.latestOfType("audit.verification");
  if (stored === undefined) return null;
  const envelope = parseEnvelope(stored);
  const payload = auditVerificationPayloadSchema.safeParse(envelope.payload);
  if (!payload.success) return null;
  return {
    id: `${stored.node}:${stored.seq}`,
    at: envelope.at,
    ok: payload.data.ok,
    events: payload.data.events,
    firstBreak: payload.data.firstBreak,
    by: envelope.actor === null ? null : { kind: envelope.actor.kind, id: envelope.actor.id },
  };
}

// ---------------------------------------------------------------------------------------------
// stream

/** `<node>:<seq>` for every node, comma-separated: the last seq streamed of each. */
function formatPosition(position: ReadonlyMap<string, number>): string {
  return [...position]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([node, seq]) => `${node}:${seq}`)
    .join(",");
}

const POSITION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}:\d{1,15}(,[A-Za-z0-9][A-Za-z0-9._-]{0,62}:\d{1,15})*$/;

/** The start of a stream: after a Last-Event-ID, or at the newest event of every node. */
async function startPosition(
  events: AuditEventQuery,
  ownNode: string,
  lastEventId: string | undefined,
): Promise<Map<string, number>> {
  const text = lastEventId?.trim();
  if (text !== undefined && text !== "" && POSITION.test(text)) {
    // nodes the id does not name had no events when it was issued: they stream from their first
    return new Map(
      text.split(",").map((part) => {
        const colon = part.lastIndexOf(":");
        return [part.slice(0, colon), Number(part.slice(colon + 1))] as const;
      }),
    );
  }
  if (text !== undefined && text !== "" && !/^\d{1,15}$/.test(text)) {
    throw new RampartError(
      "invalid_request",
      "Last-Event-ID: must be an id this stream sent (<node>:<seq>,...) or a seq of this server's node",
      { details: { param: "lastEventId" } },
    );
  }
  const heads = new Map<string, number>();
  for (const state of await events.chainStates()) heads.set(state.node, state.head?.seq ?? 0);
  if (text !== undefined && text !== "") heads.set(ownNode, Number(text));
  return heads;
}

/**
 * One client's stream: polls the store while the client reads (a slow client stops the polling, so
 * memory stays bounded by one batch), sends a comment when idle, and ends on `finish()` (shutdown) or
 * when the client goes (Fastify destroys the stream).
 */
class AuditEventStream extends Readable {
  private readonly controller = new AbortController();
  private readonly heartbeat: NodeJS.Timeout;
  private pumping = false;
  private finished = false;
  private lastSent = Date.now();

  constructor(
    private readonly events: AuditEventQuery,
    private readonly position: Map<string, number>,
    private readonly pollMs: number,
    heartbeatMs: number,
    private readonly onClose: () => void,
  ) {
    super({ highWaterMark: 64 * 1024 });
    const id = formatPosition(position);
    this.send(`: audit events\nretry: ${STREAM_RETRY_MS}\n${id === "" ? "" : `id: ${id}\n`}\n`);
    this.heartbeat = setInterval(
      () => {
        if (Date.now() - this.lastSent >= heartbeatMs && this.readableLength < this.readableHighWaterMark)
          this.send(": heartbeat\n\n");
      },
      Math.max(10, Math.floor(heartbeatMs / 3)),
    );
    this.heartbeat.unref();
  }

  override _read(): void {
    if (this.pumping || this.finished) return;
    this.pumping = true;
    void this.pump();
  }

  /** ends the stream cleanly (server shutdown) */
  finish(): void {
    if (this.finished) return;
    this.stop();
    this.push(null);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.stop();
    callback(error);
  }

  private stop(): void {
    this.finished = true;
    this.controller.abort();
    clearInterval(this.heartbeat);
    this.onClose();
  }

  private send(text: string): boolean {
    if (this.finished) return false;
    this.lastSent = Date.now();
    return this.push(text);
  }

  private async pump(): Promise<void> {
    const signal = this.controller.signal;
    try {
      while (!signal.aborted) {
        const rows = await this.events.eventsAfter(this.position, STREAM_BATCH);
        if (signal.aborted) return;
        if (rows.length === 0) {
          await sleep(this.pollMs, undefined, { signal }).catch(() => undefined);
          continue;
        }
        let more = true;
        for (const summary of rows) {
          this.position.set(summary.node, summary.seq);
          const data = JSON.stringify(auditRowOf(summary));
          more = this.send(
            `id: ${formatPosition(this.position)}\nevent: ${AUDIT_STREAM_EVENT}\ndata: ${data}\n\n`,
          );
        }
        // the client is behind: wait for it to read (Node calls _read again)
        if (!more) return;
      }
    } catch (error) {
      if (!signal.aborted) this.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.pumping = false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// routes

/** /api/v1/audit: events (list, one, stream), chain status, verification. */
export async function auditRoutes(app: FastifyInstance, options: AuditRoutesOptions): Promise<void> {
  const { admins, trail } = options;
  const events = options.events ?? createAuditEventQuery(options.store.db);
  const pollMs = options.streamPollMs ?? 500;
  const heartbeatMs = options.streamHeartbeatMs ?? 15_000;
  const streams = new Set<AuditEventStream>();
  // open streams end before the server waits for its connections, so they never hold up a shutdown
  app.addHook("preClose", async () => {
    for (const stream of [...streams]) stream.finish();
  });

  route(app, admins, listAuditEvents, async ({ query }) => {
    const from = utc(query.from);
    const to = utc(query.to);
    if (from !== undefined && to !== undefined && from >= to)
      throw new RampartError("invalid_request", "from: must be before to", { details: { param: "from" } });
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    await events.sync();
    const page = await events.list(
      {
        from,
        to,
        types: query.kind,
        apps: query.app,
        keyIds: query.keyId,
        models: query.model,
        verdicts: query.verdict,
        categories: query.category,
        requestIdContains: query.q,
      },
      { limit: query.limit, after },
    );
    return {
      data: page.rows.map(auditRowOf),
      nextCursor: page.next === undefined ? null : encodeCursor(page.next),
    };
  });

  route(app, admins, getAuditEvent, async ({ params }) => {
    const { node, seq } = await resolveEventId(events, params.seq);
    const stored = await events.event(node, seq);
    if (stored === undefined) throw new RampartError("not_found", `no audit event ${node}:${seq}`);
    const envelope = parseEnvelope(stored);
    return {
      event: auditRowOf(await events.summarise(stored)),
      hash: stored.hash,
      envelope,
      findings: findingsOf(envelope.type, envelope.payload),
      spanUnit: "utf16-code-unit" as const,
      content: await contentOf(trail, node, seq, envelope.content),
    };
  });

  route(app, admins, streamAuditEvents, async ({ query, request, reply }) => {
    const header = request.headers["last-event-id"];
    const lastEventId = (Array.isArray(header) ? header[0] : header) ?? query.lastEventId;
    const position = await startPosition(events, trail.node, lastEventId);
    const stream: AuditEventStream = new AuditEventStream(events, position, pollMs, heartbeatMs, () =>
      streams.delete(stream),
    );
    streams.add(stream);
    reply.headers({
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    });
    // an event stream, not JSON: Fastify pipes it and skips the response schema (see streamAuditEvents)
    return stream as unknown as AuditEventRow;
  });

  route(app, admins, getAuditStatus, async () => auditChainStatus(events, trail.node));

  const verifications = new Map<string, Promise<{ report: VerificationReport; at: string; id: string }>>();
  route(app, admins, verifyAudit, async ({ body, admin }) => {
    const node = body?.node;
    if (node !== undefined && !(await events.chainStates()).some((state) => state.node === node))
      throw new RampartError("not_found", `no audit chain for node ${node}`);
    const key = node ?? "";
    let pending = verifications.get(key);
    if (pending === undefined) {
      // one verification at a time per scope: callers meanwhile share its result and its record
      pending = (async () => {
        const report = await verifyStore(trail.repository, parsePublicKey(trail.publicKey), { node });
        const at = new Date().toISOString();
        const recorded = await trail.record({
          type: "audit.verification",
          actor: { kind: "admin", id: admin.keyId, role: admin.role },
          payload: { ok: report.ok, events: report.events, firstBreak: report.firstBreak },
        });
        return { report, at, id: `${recorded.node}:${recorded.seq}` };
      })().finally(() => verifications.delete(key));
      verifications.set(key, pending);
    }
    const { report, at, id } = await pending;
    return {
      ok: report.ok,
      verifiedAt: at,
      nodes: report.nodes,
      events: report.events,
      checkpoints: report.checkpoints,
      uncheckpointed: report.uncheckpointed,
      contents: report.contents,
      firstBreak: report.firstBreak,
      recordedAs: id,
    };
  });
}
