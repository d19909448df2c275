import { z } from "zod";
import { categorySchema, type DecisionEvent, verdictSchema } from "../core/index.js";

/**
 * The audit event schema, version 1 (docs/audit.md). An event is an ENVELOPE, hashed as canonical
 * JSON together with the hash of its predecessor, plus its own `hash`. Prompt and response text is
 * never inside the envelope: at most its salted commitment is (see content-protection.ts).
 */
export const AUDIT_SCHEMA_VERSION = 1;

/** The hash of "no predecessor": the `prevHash` of the first event of every node. */
export const GENESIS_HASH = "0".repeat(64);

/** A node id: the name of one writer (one process) of the chain; its events are numbered 1, 2, 3... */
export const NODE_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest");

export const auditEventTypes = [
  "gateway.decision",
  "management.change",
  "redteam.run",
  "audit.verification",
  "audit.pruned",
] as const;
export const auditEventTypeSchema = z.enum(auditEventTypes);
export type AuditEventType = z.infer<typeof auditEventTypeSchema>;

/** Who caused the event: an API key (gateway), an admin key (management), the CLI or Rampart itself. */
export const auditActorSchema = z.strictObject({
  kind: z.enum(["key", "admin", "cli", "system"]),
  id: z.string().min(1).max(200),
  role: z.string().min(1).max(100).optional(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

/** How content is kept outside the envelope; the envelope holds only its commitment. */
export const contentReferenceSchema = z.strictObject({
  mode: z.enum(["redacted", "encrypted"]),
  /** SHA-256 hex of salt || stored body (see content-protection.ts) */
  commitment: sha256Hex,
});
export type ContentReference = z.infer<typeof contentReferenceSchema>;

const directionSchema = z.enum(["input", "output"]);

/** `gateway.decision`: the DecisionEvent of src/core/decision-event.ts, without raw text. */
export const gatewayDecisionPayloadSchema = z.object({
  type: z.literal("gateway.decision"),
  requestId: z.string(),
  at: z.string(),
  endpoint: z.string(),
  principal: z
    .object({ keyId: z.string(), role: z.string(), app: z.string().nullable(), team: z.string().nullable() })
    .nullable(),
  model: z.string().nullable(),
  upstream: z.string().nullable(),
  stream: z.boolean(),
  status: z.number().int(),
  verdict: verdictSchema,
  inputVerdict: verdictSchema,
  outputVerdict: verdictSchema,
  categories: z.array(categorySchema),
  findings: z.array(
    z.object({
      detector: z.string(),
      category: categorySchema,
      rule: z.string(),
      type: z.string().optional(),
      score: z.number(),
      direction: directionSchema,
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
  skipped: z.array(z.object({ detector: z.string(), reason: z.string(), direction: directionSchema })),
  errorCode: z.string().nullable(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).nullable(),
  timings: z.object({ totalMs: z.number(), overheadMs: z.number(), upstreamMs: z.number() }),
});

/** `management.change`: a change made through the management API or the CLI. */
export const managementChangePayloadSchema = z.object({
  /** what was done, e.g. `key.create`, `key.revoke`, `policy.reload`, `incident.update` */
  action: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/),
  target: z.object({ kind: z.string().min(1), id: z.string().min(1) }),
  /** the changed fields, never secrets */
  changes: z.record(z.string(), z.unknown()).optional(),
});

/** `redteam.run`: one red-team run and its outcome. */
export const redteamRunPayloadSchema = z.object({
  runId: z.string().min(1),
  target: z.string().min(1),
  probes: z.number().int().nonnegative(),
  findings: z.number().int().nonnegative(),
  passed: z.boolean(),
  summary: z.record(z.string(), z.unknown()).optional(),
});

/** `audit.verification`: a verification of the chain and its result. */
export const auditVerificationPayloadSchema = z.object({
  ok: z.boolean(),
  events: z.number().int().nonnegative(),
  firstBreak: z.object({ node: z.string(), seq: z.number().int(), reason: z.string() }).nullable(),
});

/** `audit.pruned`: retention removed this node's events 1..throughSeq; a checkpoint at throughSeq anchors the rest. */
export const auditPrunedPayloadSchema = z.object({
  throughSeq: z.number().int().positive(),
  anchorHash: sha256Hex,
  cutoff: z.string(),
  removed: z.number().int().nonnegative(),
});

/** The payload schema of each event type; the writer checks every payload against it. */
export const auditPayloadSchemas = {
  "gateway.decision": gatewayDecisionPayloadSchema,
  "management.change": managementChangePayloadSchema,
  "redteam.run": redteamRunPayloadSchema,
  "audit.verification": auditVerificationPayloadSchema,
  "audit.pruned": auditPrunedPayloadSchema,
} as const satisfies Record<AuditEventType, z.ZodType>;

export type AuditPayload<Type extends AuditEventType> = z.infer<(typeof auditPayloadSchemas)[Type]>;

/** What a writer accepts as a payload: the gateway's own (read-only) DecisionEvent for decisions. */
export type AuditPayloadInput<Type extends AuditEventType> = Type extends "gateway.decision"
  ? DecisionEvent
  : AuditPayload<Type>;

/** The hashed part of an event. Its canonical JSON with a domain prefix gives `hash`. */
export const auditEnvelopeSchema = z.strictObject({
  schemaVersion: z.literal(AUDIT_SCHEMA_VERSION),
  node: z.string().regex(NODE_ID),
  seq: z.number().int().positive(),
  at: z.string(),
  type: auditEventTypeSchema,
  actor: auditActorSchema.nullable(),
  payload: z.record(z.string(), z.unknown()),
  content: contentReferenceSchema.nullable(),
  prevHash: sha256Hex,
});
export type AuditEnvelope = z.infer<typeof auditEnvelopeSchema>;

/** An event as stored and exported: the envelope and its hash. */
export interface AuditEvent {
  readonly envelope: AuditEnvelope;
  readonly hash: string;
}
