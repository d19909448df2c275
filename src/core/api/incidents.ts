import { z } from "zod";
import { managementRoleSchema } from "../roles.js";
import { endpoint } from "./contract.js";

/**
 * Incident response endpoints of the management API (docs/incidents.md), declared once: incidents
 * and their workflow, the playbooks, containment actions and the monitor's alerts. The server
 * registers them (src/server/api/incidents-routes.ts, alerts-routes.ts) and the dashboard parses
 * every answer with the same schemas. Reads need incidents:read, incident changes incidents:write,
 * containment containment:execute (and, when the incident's playbook lists the action, a role the
 * playbook names).
 */

const isoTime = z.iso.datetime();

/** open -> triaged -> contained -> resolved -> closed (the store keeps the same values) */
export const incidentStatuses = ["open", "triaged", "contained", "resolved", "closed"] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const incidentSeverities = ["low", "medium", "high", "critical"] as const;
export const incidentSeveritySchema = z.enum(incidentSeverities);
export type IncidentSeverity = z.infer<typeof incidentSeveritySchema>;

/**
 * The incident workflow: each status and where it may go next. An incident that needs no
 * containment may go triaged -> resolved; a resolved incident may be reopened to triaged; a closed
 * incident cannot change. The server refuses any other move (src/govern/incidents/status-workflow.ts
 * reads this table).
 */
export const incidentTransitions: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ["triaged"],
  triaged: ["contained", "resolved"],
  contained: ["resolved"],
  resolved: ["closed", "triaged"],
  closed: [],
};

/**
 * Kinds of serious incident (EU AI Act Art. 3(49)), which set the Art. 73 deadline: general 15 days
 * (Art. 73(2)), death 10 days (Art. 73(4)), widespread infringement and critical infrastructure
 * 2 days (Art. 73(3)).
 */
export const seriousKinds = [
  "general",
  "death",
  "widespread-infringement",
  "critical-infrastructure",
] as const;
export const seriousKindSchema = z.enum(seriousKinds);
export type SeriousKind = z.infer<typeof seriousKindSchema>;

/** What containment can do; the gateway reads the active records at admission. */
export const containmentActions = [
  "revoke-key",
  "block-principal",
  "raise-sensitivity",
  "route-to-fallback",
  "disable-model",
] as const;
export const containmentActionSchema = z.enum(containmentActions);
export type ContainmentAction = z.infer<typeof containmentActionSchema>;

/** What an incident points at: alerts, audit events (`node:seq` or `request:<id>`), assets, risks. */
export const incidentLinksSchema = z.object({
  alerts: z.array(z.string()),
  events: z.array(z.string()),
  assets: z.array(z.string()),
  risks: z.array(z.string()),
});
export type IncidentLinksView = z.infer<typeof incidentLinksSchema>;

/** The Art. 73 reporting clock of a serious incident. */
export const art73ClockSchema = z.object({
  kind: seriousKindSchema,
  awareAt: isoTime,
  days: z.number().int().positive(),
  dueAt: isoTime,
  /** whole hours left when the answer was made (negative when overdue) */
  hoursLeft: z.number().int(),
  overdue: z.boolean(),
  deadlines: z.array(z.object({ days: z.number().int(), dueAt: isoTime, applies: z.boolean() })),
});
export type Art73ClockView = z.infer<typeof art73ClockSchema>;

export const incidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: incidentSeveritySchema,
  status: incidentStatusSchema,
  playbook: z.string().nullable(),
  serious: seriousKindSchema.nullable(),
  /** when the organisation became aware (Art. 73 deadlines count from here) */
  awareAt: isoTime,
  links: incidentLinksSchema,
  createdBy: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  closedAt: isoTime.nullable(),
  /** null when the incident is not flagged serious */
  art73: art73ClockSchema.nullable(),
});
export type IncidentView = z.infer<typeof incidentSchema>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  at: isoTime,
  actor: z.string(),
  /** created, status, note, alert, containment, update, step */
  kind: z.string(),
  text: z.string(),
});
export type TimelineEntryView = z.infer<typeof timelineEntrySchema>;

export const containmentSchema = z.object({
  id: z.string(),
  incidentId: z.string().nullable(),
  action: containmentActionSchema,
  /** a key id, `app:<name>`, a model name, or a policy section */
  target: z.string(),
  /** `fallback` for route-to-fallback; e.g. `category` and `level` for raise-sensitivity */
  parameters: z.record(z.string(), z.string()),
  createdBy: z.string(),
  createdAt: isoTime,
  liftedAt: isoTime.nullable(),
});
export type ContainmentView = z.infer<typeof containmentSchema>;

/** One step of the incident's playbook and whether it was ticked (from the `step` timeline entries). */
export const playbookStepStateSchema = z.object({
  /** 0-based position in the playbook */
  index: z.number().int().nonnegative(),
  title: z.string(),
  role: managementRoleSchema,
  done: z.boolean(),
  /** the last tick or untick */
  changedAt: isoTime.nullable(),
  changedBy: z.string().nullable(),
});
export type PlaybookStepStateView = z.infer<typeof playbookStepStateSchema>;

export const incidentDetailSchema = incidentSchema.extend({
  /** oldest first */
  timeline: z.array(timelineEntrySchema),
  containments: z.array(containmentSchema),
  /** the playbook's steps as a checklist; empty without a playbook */
  steps: z.array(playbookStepStateSchema),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const playbookViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: incidentSeveritySchema,
  owners: z.array(managementRoleSchema),
  steps: z.array(z.object({ title: z.string(), role: managementRoleSchema })),
  /** the containment actions Rampart can carry out for this playbook, and who may run each */
  containment: z.array(z.object({ action: containmentActionSchema, roles: z.array(managementRoleSchema) })),
});
export type PlaybookView = z.infer<typeof playbookViewSchema>;

export const alertViewSchema = z.object({
  id: z.string(),
  rule: z.string(),
  kind: z.string(),
  severity: incidentSeveritySchema,
  /** `key:<id>` or `app:<name>` */
  principal: z.string(),
  keyId: z.string().nullable(),
  app: z.string().nullable(),
  message: z.string(),
  playbook: z.string().nullable(),
  evidence: z.object({
    requestIds: z.array(z.string()),
    events: z.array(z.object({ node: z.string(), seq: z.number().int() })),
    observed: z.record(z.string(), z.union([z.number(), z.string()])),
  }),
  raisedAt: isoTime,
  incidentId: z.string().nullable(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

const incidentIdParams = z.object({ id: z.string().min(1).max(100) });
const idList = z.array(z.string().min(1).max(200)).max(500);
const linksBodySchema = z.strictObject({
  alerts: idList.optional(),
  events: idList.optional(),
  assets: idList.optional(),
  risks: idList.optional(),
});

/** The newest incidents first (at most 200); `severity` narrows the newest 1,000 of the status. */
export const listIncidents = endpoint({
  method: "GET",
  path: "/api/v1/incidents",
  scope: "incidents:read",
  query: z.object({
    status: incidentStatusSchema.optional(),
    severity: incidentSeveritySchema.optional(),
  }),
  response: z.object({ data: z.array(incidentSchema) }),
});

/** One incident with its timeline, containment actions and playbook checklist. */
export const getIncident = endpoint({
  method: "GET",
  path: "/api/v1/incidents/:id",
  scope: "incidents:read",
  params: incidentIdParams,
  response: incidentDetailSchema,
});

export const createIncident = endpoint({
  method: "POST",
  path: "/api/v1/incidents",
  scope: "incidents:write",
  body: z.strictObject({
    title: z.string().trim().min(1).max(300),
    description: z.string().max(20_000).optional(),
    severity: incidentSeveritySchema.optional(),
    playbook: z.string().max(64).nullable().optional(),
    serious: seriousKindSchema.nullable().optional(),
    awareAt: isoTime.optional(),
    links: linksBodySchema.optional(),
  }),
  response: incidentSchema,
  status: 201,
});

/**
 * Changes an incident: a status move of the workflow, fields, a note for the timeline, more links,
 * or one playbook step ticked (`done: true`) or unticked. A closed incident cannot change.
 */
export const updateIncident = endpoint({
  method: "PATCH",
  path: "/api/v1/incidents/:id",
  scope: "incidents:write",
  params: incidentIdParams,
  body: z.strictObject({
    status: incidentStatusSchema.optional(),
    severity: incidentSeveritySchema.optional(),
    title: z.string().trim().min(1).max(300).optional(),
    description: z.string().max(20_000).optional(),
    playbook: z.string().max(64).nullable().optional(),
    serious: seriousKindSchema.nullable().optional(),
    note: z.string().min(1).max(20_000).optional(),
    links: linksBodySchema.optional(),
    step: z.strictObject({ index: z.number().int().min(0).max(99), done: z.boolean() }).optional(),
  }),
  response: incidentSchema,
});

/**
 * The post-incident report, a file rather than a JSON answer (GET, incidents:read):
 * `?format=md` (default, text/markdown) or `?format=html` (one standalone page).
 */
export const incidentReportDownload = {
  method: "GET",
  path: "/api/v1/incidents/:id/report",
  scope: "incidents:read",
  formats: ["md", "html"],
} as const;

/** Runs one containment action, optionally for an incident (recorded on its timeline). */
export const runContainment = endpoint({
  method: "POST",
  path: "/api/v1/containments",
  scope: "containment:execute",
  body: z.strictObject({
    action: containmentActionSchema,
    target: z.string().min(1).max(300),
    incidentId: z.string().min(1).max(100).nullable().optional(),
    parameters: z.record(z.string(), z.string().max(300)).optional(),
  }),
  response: containmentSchema,
  status: 201,
});

/** Lifts an active containment (a revoked key stays revoked). */
export const liftContainment = endpoint({
  method: "POST",
  path: "/api/v1/containments/:id/lift",
  scope: "containment:execute",
  params: z.object({ id: z.string().min(1).max(100) }),
  response: z.object({ id: z.string(), lifted: z.literal(true) }),
});

/** The containment actions in force, oldest first. */
export const listContainments = endpoint({
  method: "GET",
  path: "/api/v1/containments",
  scope: "incidents:read",
  response: z.object({ data: z.array(containmentSchema) }),
});

export const listPlaybooks = endpoint({
  method: "GET",
  path: "/api/v1/playbooks",
  scope: "incidents:read",
  response: z.object({ data: z.array(playbookViewSchema) }),
});

/** The monitor's alerts, newest first. */
export const listAlerts = endpoint({
  method: "GET",
  path: "/api/v1/alerts",
  scope: "incidents:read",
  query: z.object({
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    rule: z.string().max(64).optional(),
    principal: z.string().max(300).optional(),
  }),
  response: z.object({ data: z.array(alertViewSchema) }),
});
