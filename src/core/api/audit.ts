import { z } from "zod";
import { endpoint, queryList } from "./contract.js";

/**
 * The audit trail through the management API (docs/management-api.md, "Audit trail"): the event
 * table of the Traffic page, one event with its findings and stored content, a live stream, the
 * chain's status and an on-demand verification.
 */

export const auditVerdictSchema = z.enum(["allow", "flag", "redact", "block"]);
export const auditEventKindSchema = z.enum([
  "gateway.decision",
  "management.change",
  "redteam.run",
  "audit.verification",
  "audit.pruned",
]);
export type AuditEventKind = z.infer<typeof auditEventKindSchema>;

/** An ISO 8601 time with a zone (`Z` or an offset); the server compares in UTC. */
const isoTime = z.iso.datetime({ offset: true });
const filterValue = z.string().trim().min(1).max(200);

/** Who caused an event: a gateway key, an admin key, the CLI or Rampart itself. */
export const auditPrincipalSchema = z.object({
  kind: z.enum(["key", "admin", "cli", "system"]),
  /** the key id for `key` and `admin` */
  id: z.string(),
  /** the key's name when the key is in the store */
  name: z.string().nullable(),
  role: z.string().nullable(),
});

/** One event as a table row: enough to list and filter, never prompt or answer text. */
export const auditEventRowSchema = z.object({
  /** `<node>:<seq>`, unique across nodes; what `GET /api/v1/audit/events/:seq` takes */
  id: z.string(),
  /** the writer (process) that numbered the event */
  node: z.string(),
  /** 1, 2, 3... per node, without gaps */
  seq: z.number().int().positive(),
  /** ISO 8601 UTC time the event was appended */
  at: z.string(),
  kind: auditEventKindSchema,
  /** the gateway request id (`x-rampart-request-id`) of a decision */
  requestId: z.string().nullable(),
  principal: auditPrincipalSchema.nullable(),
  app: z.string().nullable(),
  model: z.string().nullable(),
  upstream: z.string().nullable(),
  /** the HTTP status the gateway answered */
  status: z.number().int().nullable(),
  /** the decision's verdict; null for events other than decisions */
  verdict: auditVerdictSchema.nullable(),
  /** detector categories found in the request or the answer */
  categories: z.array(z.string()),
  /** the gateway's total time for the request, in milliseconds */
  latencyMs: z.number().nullable(),
  /** what a management change did, e.g. `key.revoke` */
  action: z.string().nullable(),
});
export type AuditEventRow = z.infer<typeof auditEventRowSchema>;

/** Every filter is optional; list filters take repeated keys or comma-separated values (any of them matches). */
export const listAuditEventsQuerySchema = z.object({
  /** inclusive */
  from: isoTime.optional(),
  /** exclusive */
  to: isoTime.optional(),
  kind: queryList(auditEventKindSchema).optional(),
  app: queryList(filterValue).optional(),
  keyId: queryList(filterValue).optional(),
  model: queryList(filterValue).optional(),
  verdict: queryList(auditVerdictSchema).optional(),
  /** a detector category, e.g. `prompt-injection` */
  category: queryList(
    z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, "must be a category such as prompt-injection"),
  ).optional(),
  /** a case-insensitive part of the request id */
  q: z.string().trim().min(1).max(200).optional(),
  /** `nextCursor` of the previous page */
  cursor: z.string().min(1).max(400).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Newest first (by time, then node, then seq). */
export const listAuditEvents = endpoint({
  method: "GET",
  path: "/api/v1/audit/events",
  scope: "audit:read",
  query: listAuditEventsQuerySchema,
  response: z.object({
    data: z.array(auditEventRowSchema),
    /** pass as `cursor` for the next (older) page; null on the last page */
    nextCursor: z.string().nullable(),
  }),
});

/**
 * A finding of a decision. `start` and `end` are offsets in UTF-16 code units (as JavaScript strings
 * index them), end exclusive, into the decision's scanned prompt (input findings) or answer (output
 * findings): the scanned texts joined with a blank line in scan order, which is what `audit.content`
 * stores (masked one character for one in redacted mode, so the offsets hold). Output findings of a
 * stream channel other than the first choice's content keep offsets relative to their scan window.
 */
export const auditEventFindingSchema = z.object({
  detector: z.string(),
  category: z.string(),
  rule: z.string(),
  /** the entity type of personal data or secrets, e.g. `EMAIL` */
  type: z.string().nullable(),
  score: z.number(),
  direction: z.enum(["input", "output"]),
  start: z.number().int().describe("UTF-16 code-unit offset into the scanned prompt or answer, inclusive"),
  end: z.number().int().describe("UTF-16 code-unit offset into the scanned prompt or answer, exclusive"),
});
export type AuditEventFinding = z.infer<typeof auditEventFindingSchema>;

/**
 * The prompt and answer text as `audit.content` stored it: `redacted` shows the text (its redacted
 * form); `encrypted` is not decrypted by the API; `erased` means the event committed to content that
 * was erased since. `null`: nothing was stored (`audit.content: none`, or an event without text).
 */
export const auditEventContentSchema = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("redacted"), prompt: z.string().nullable(), response: z.string().nullable() }),
    z.object({ mode: z.literal("encrypted") }),
    z.object({ mode: z.literal("erased"), storedAs: z.enum(["redacted", "encrypted"]) }),
  ])
  .nullable();
export type AuditEventContent = z.infer<typeof auditEventContentSchema>;

/** The hashed envelope exactly as stored (docs/audit.md). */
export const auditEnvelopeViewSchema = z.object({
  schemaVersion: z.number().int(),
  node: z.string(),
  seq: z.number().int(),
  at: z.string(),
  type: z.string(),
  actor: z.object({ kind: z.string(), id: z.string(), role: z.string().optional() }).nullable(),
  payload: z.record(z.string(), z.unknown()),
  content: z.object({ mode: z.string(), commitment: z.string() }).nullable(),
  prevHash: z.string(),
});

export const auditEventDetailSchema = z.object({
  event: auditEventRowSchema,
  /** SHA-256 hex of the envelope, as chained */
  hash: z.string(),
  envelope: auditEnvelopeViewSchema,
  /** a decision's findings; empty for other events */
  findings: z.array(auditEventFindingSchema),
  /** the unit of `findings[].start` and `end` */
  spanUnit: z.literal("utf16-code-unit"),
  content: auditEventContentSchema,
});
export type AuditEventDetail = z.infer<typeof auditEventDetailSchema>;

/** One event: `:seq` is the row's `id` (`<node>:<seq>`), or a bare seq when only one node has it. */
export const getAuditEvent = endpoint({
  method: "GET",
  path: "/api/v1/audit/events/:seq",
  scope: "audit:read",
  params: z.object({
    seq: z
      .string()
      .regex(/^([A-Za-z0-9][A-Za-z0-9._-]{0,62}:)?[1-9][0-9]{0,14}$/, "must be <node>:<seq> or a seq"),
  }),
  response: auditEventDetailSchema,
});

/** The SSE event name of an audit event on the stream. */
export const AUDIT_STREAM_EVENT = "audit";
/** The data of each `event: audit` message: one table row. */
export const auditStreamEventSchema = auditEventRowSchema;

/**
 * Server-Sent Events (`text/event-stream`) of audit events committed after the position: each is
 * `event: audit`, `data:` the row as JSON (parse it with `auditStreamEventSchema`), and `id:` the
 * stream position `<node>:<seq>[,<node>:<seq>...]` (the last seq streamed of every node). Resume by
 * sending it back in the `Last-Event-ID` header (EventSource does this by itself) or as `lastEventId`;
 * a bare number is a seq of the server's own node. Without a position the stream starts at the newest
 * event. A comment line arrives every 15 s when nothing else does. `response` is the data schema;
 * the answer itself is a stream, not JSON.
 */
export const streamAuditEvents = endpoint({
  method: "GET",
  path: "/api/v1/audit/stream",
  scope: "audit:read",
  query: z.object({ lastEventId: z.string().min(1).max(4000).optional() }),
  response: auditStreamEventSchema,
});

export const chainBreakSchema = z.object({ node: z.string(), seq: z.number().int(), reason: z.string() });

export const auditVerificationSummarySchema = z.object({
  /** the `audit.verification` event that records it */
  id: z.string(),
  at: z.string(),
  ok: z.boolean(),
  events: z.number().int(),
  firstBreak: chainBreakSchema.nullable(),
  by: z.object({ kind: z.string(), id: z.string() }).nullable(),
});

export const auditNodeStatusSchema = z.object({
  node: z.string(),
  /** events kept: head seq minus the first kept seq plus one (seq has no gaps) */
  events: z.number().int(),
  head: z.object({ seq: z.number().int(), hashPrefix: z.string(), at: z.string() }).nullable(),
  lastCheckpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
  /** events after the last checkpoint: chained, not yet signed */
  uncheckpointed: z.number().int(),
});

export const auditChainStatusSchema = z.object({
  /** the node this server writes */
  node: z.string(),
  /** events kept on every node */
  events: z.number().int(),
  nodes: z.array(auditNodeStatusSchema),
  /** the newest recorded verification (`POST /api/v1/audit/verify` records one), or null */
  lastVerification: auditVerificationSummarySchema.nullable(),
});
export type AuditChainStatus = z.infer<typeof auditChainStatusSchema>;

export const getAuditStatus = endpoint({
  method: "GET",
  path: "/api/v1/audit/status",
  scope: "audit:read",
  response: auditChainStatusSchema,
});

/** Verifies the chains in the store (every node, or `node`) and records the result as an `audit.verification` event. */
export const verifyAudit = endpoint({
  method: "POST",
  path: "/api/v1/audit/verify",
  scope: "audit:read",
  // a POST without a body (no content type) arrives as null: accept it as "every node"
  body: z.strictObject({ node: z.string().min(1).max(63).optional() }).nullish(),
  response: z.object({
    ok: z.boolean(),
    verifiedAt: z.string(),
    nodes: z.number().int(),
    events: z.number().int(),
    checkpoints: z.number().int(),
    uncheckpointed: z.number().int(),
    /** stored content rows checked against their commitments */
    contents: z.number().int(),
    firstBreak: chainBreakSchema.nullable(),
    /** the id of the `audit.verification` event that records this result */
    recordedAs: z.string(),
  }),
});
