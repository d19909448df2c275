import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ManagementChange } from "../../audit/audit-trail.js";
import type { AuditActor } from "../../audit/event-schema.js";
import { RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import {
  art73Clock,
  type ContainmentDependencies,
  createActiveContainments,
  createIncidentService,
  createStoreContainmentPort,
  executeContainment,
  type IncidentService,
  incidentReportHtml,
  incidentReportMarkdown,
  loadPlaybooks,
  type Playbook,
} from "../../govern/incidents/index.js";
import {
  type AlertWebhook,
  createAlertDispatcher,
  createAnomalyMonitor,
  createMonitorPipeline,
  loadMonitorRules,
  type MonitorRule,
} from "../../monitor/index.js";
import type { ApiKeyRepository, Store } from "../../store/index.js";
import { createAlertRepository } from "../../store/repositories/alert-repository.js";
import {
  type ContainmentRecord,
  type ContainmentRepository,
  containmentActionSchema,
  createContainmentRepository,
} from "../../store/repositories/incident-containment-repository.js";
import {
  createIncidentRepository,
  type IncidentRecord,
  incidentSeveritySchema,
  incidentStatusSchema,
  seriousKindSchema,
} from "../../store/repositories/incident-repository.js";
import { requireScope } from "./management-auth.js";

export interface IncidentsRouteDependencies {
  admins: Authenticator;
  incidents: IncidentService;
  containments: ContainmentRepository;
  containment: ContainmentDependencies;
  playbooks: ReadonlyMap<string, Playbook>;
  /** after a containment action: the server drops its active-containments cache */
  onContained?: (record?: ContainmentRecord) => void;
}

const idList = z.array(z.string().min(1).max(200)).max(500);
const linksSchema = z.strictObject({
  alerts: idList.optional(),
  events: idList.optional(),
  assets: idList.optional(),
  risks: idList.optional(),
});

const createBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).optional(),
  severity: incidentSeveritySchema.optional(),
  playbook: z.string().max(64).nullable().optional(),
  serious: seriousKindSchema.nullable().optional(),
  awareAt: z.iso.datetime().optional(),
  links: linksSchema.optional(),
});

const updateBodySchema = z.strictObject({
  status: incidentStatusSchema.optional(),
  severity: incidentSeveritySchema.optional(),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(20_000).optional(),
  playbook: z.string().max(64).nullable().optional(),
  serious: seriousKindSchema.nullable().optional(),
  note: z.string().min(1).max(20_000).optional(),
  links: linksSchema.optional(),
});

const containmentBodySchema = z.strictObject({
  action: containmentActionSchema,
  target: z.string().min(1).max(300),
  incidentId: z.string().min(1).max(100).nullable().optional(),
  parameters: z.record(z.string(), z.string().max(300)).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join(".") ?? "";
  throw new RampartError(
    "invalid_request",
    `${path === "" ? "body" : path}: ${issue?.message ?? "invalid"}`,
    {
      details: { param: path },
    },
  );
}

function actorOf(request: FastifyRequest): AuditActor & { role: string } {
  const admin = request.admin;
  if (admin === undefined) throw new RampartError("unauthorized", "no admin key");
  return { kind: "admin", id: admin.keyId, role: admin.role };
}

export function incidentView(record: IncidentRecord, now = new Date()) {
  return {
    ...record,
    awareAt: record.awareAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    art73: art73Clock(record.serious, record.awareAt, now) ?? null,
  };
}

function containmentView(record: ContainmentRecord) {
  return {
    ...record,
    createdAt: record.createdAt.toISOString(),
    liftedAt: record.liftedAt?.toISOString() ?? null,
  };
}

/** /api/v1/incidents, /api/v1/containments and /api/v1/playbooks. */
export async function incidentsRoutes(app: FastifyInstance, deps: IncidentsRouteDependencies): Promise<void> {
  const { admins, incidents } = deps;
  const read = { preHandler: requireScope(admins, "incidents:read") };
  const write = { preHandler: requireScope(admins, "incidents:write") };
  const idParams = z.object({ id: z.string().min(1).max(100) });

  app.get("/api/v1/incidents", read, async (request) => {
    const query = parse(z.looseObject({ status: incidentStatusSchema.optional() }), request.query);
    const records = await incidents.list(query.status === undefined ? {} : { status: query.status });
    return { data: records.map((record) => incidentView(record)) };
  });

  app.get("/api/v1/incidents/:id", read, async (request) => {
    const { id } = parse(idParams, request.params);
    const record = await incidents.get(id);
    return {
      ...incidentView(record),
      timeline: (await incidents.timeline(id)).map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      containments: (await deps.containments.listForIncident(id)).map(containmentView),
    };
  });

  app.get("/api/v1/incidents/:id/report", read, async (request, reply) => {
    const { id } = parse(idParams, request.params);
    const query = parse(z.looseObject({ format: z.enum(["md", "html"]).default("md") }), request.query);
    const incident = await incidents.get(id);
    const input = {
      incident,
      timeline: await incidents.timeline(id),
      containments: await deps.containments.listForIncident(id),
      playbook: incident.playbook === null ? undefined : deps.playbooks.get(incident.playbook),
    };
    if (query.format === "html")
      return reply.type("text/html; charset=utf-8").send(incidentReportHtml(input));
    return reply.type("text/markdown; charset=utf-8").send(incidentReportMarkdown(input));
  });

  app.post("/api/v1/incidents", write, async (request, reply) => {
    const body = parse(createBodySchema, request.body);
    const record = await incidents.create(
      { ...body, awareAt: body.awareAt === undefined ? undefined : new Date(body.awareAt) },
      actorOf(request),
    );
    return reply.code(201).send(incidentView(record));
  });

  app.patch("/api/v1/incidents/:id", write, async (request) => {
    const { id } = parse(idParams, request.params);
    const { links, ...body } = parse(updateBodySchema, request.body);
    return incidentView(await incidents.update(id, { ...body, addLinks: links }, actorOf(request)));
  });

  app.post(
    "/api/v1/containments",
    { preHandler: requireScope(admins, "containment:execute") },
    async (request, reply) => {
      const body = parse(containmentBodySchema, request.body);
      const record = await executeContainment(deps.containment, actorOf(request), {
        action: body.action,
        target: body.target,
        incidentId: body.incidentId ?? null,
        parameters: body.parameters ?? {},
      });
      deps.onContained?.(record);
      return reply.code(201).send(containmentView(record));
    },
  );

  app.post(
    "/api/v1/containments/:id/lift",
    { preHandler: requireScope(admins, "containment:execute") },
    async (request) => {
      const { id } = parse(idParams, request.params);
      const lifted = await deps.containments.lift(id);
      if (!lifted) throw new RampartError("not_found", `no active containment ${id}`);
      await deps.containment.audit?.recordManagement({
        actor: actorOf(request),
        action: "containment.lift",
        target: { kind: "containment", id },
      });
      deps.onContained?.();
      return { id, lifted: true };
    },
  );

  app.get("/api/v1/containments", read, async () => ({
    data: (await deps.containments.listActive()).map(containmentView),
  }));

  app.get("/api/v1/playbooks", read, async () => ({ data: [...deps.playbooks.values()] }));
}

/**
 * Everything the server needs for monitoring and incident response over one store, built once:
 * the monitor pipeline (wrap the decision sink with `withMonitor(sink, pipeline)`), the active
 * containments for the gateway's admission check, and the dependencies of both route plugins.
 */
export function buildIncidentResponse(options: {
  store: Store;
  admins: Authenticator;
  keys: ApiKeyRepository;
  audit?: { recordManagement(change: ManagementChange): Promise<unknown> } | undefined;
  rules?: readonly MonitorRule[];
  webhooks?: readonly AlertWebhook[];
  /** clears the gateway's key cache after a revocation */
  onKeyRevoked?: (keyId: string) => void;
  onError?: (error: unknown, where: string) => void;
}) {
  const playbooks = loadPlaybooks();
  const alerts = createAlertRepository(options.store.db);
  const incidentRepository = createIncidentRepository(options.store.db);
  const containments = createContainmentRepository(options.store.db);
  const incidents = createIncidentService({
    incidents: incidentRepository,
    alerts,
    playbooks,
    audit: options.audit,
  });
  const active = createActiveContainments(containments);
  const onError = options.onError ?? (() => undefined);
  const dispatcher = createAlertDispatcher({
    alerts,
    webhooks: options.webhooks ?? [],
    onAlert: async (alert) => {
      await incidents.fromAlert(alert);
    },
    onError,
  });
  const pipeline = createMonitorPipeline(
    createAnomalyMonitor({ rules: options.rules ?? loadMonitorRules() }),
    dispatcher,
    (error) => onError(error, "monitor"),
  );
  const port = createStoreContainmentPort({
    keys: options.keys,
    containments,
    ...(options.onKeyRevoked === undefined ? {} : { onKeyRevoked: options.onKeyRevoked }),
  });
  const routes: IncidentsRouteDependencies = {
    admins: options.admins,
    incidents,
    containments,
    containment: { port, incidents: incidentRepository, playbooks, audit: options.audit },
    playbooks,
    onContained: () => active.refresh(),
  };
  return {
    pipeline,
    activeContainments: active.activeContainments,
    incidentsRoutes: routes,
    alertsRoutes: { admins: options.admins, alerts },
  };
}
