import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ManagementChange } from "../../audit/audit-trail.js";
import type { AuditActor } from "../../audit/event-schema.js";
import {
  type ContainmentView,
  createIncident,
  getIncident,
  type IncidentView,
  incidentReportDownload,
  liftContainment,
  listContainments,
  listIncidents,
  listPlaybooks,
  runContainment,
  updateIncident,
} from "../../core/api/incidents.js";
import { RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { Principal } from "../../gateway/principal.js";
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
  playbookStepStates,
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
  createContainmentRepository,
} from "../../store/repositories/incident-containment-repository.js";
import {
  createIncidentRepository,
  type IncidentRecord,
} from "../../store/repositories/incident-repository.js";
import { route } from "./contract-route.js";
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

function actorOf(admin: Principal): AuditActor & { role: string } {
  return { kind: "admin", id: admin.keyId, role: admin.role };
}

export function incidentView(record: IncidentRecord, now = new Date()): IncidentView {
  return {
    ...record,
    awareAt: record.awareAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    art73: art73Clock(record.serious, record.awareAt, now) ?? null,
  };
}

function containmentView(record: ContainmentRecord): ContainmentView {
  return {
    ...record,
    createdAt: record.createdAt.toISOString(),
    liftedAt: record.liftedAt?.toISOString() ?? null,
  };
}

/** The store filters by status only: a severity filter looks at the newest 1,000 incidents of the status. */
const SEVERITY_SCAN = 1000;
const LIST_LIMIT = 200;

/** /api/v1/incidents, /api/v1/containments and /api/v1/playbooks (contract: src/core/api/incidents.ts). */
export async function incidentsRoutes(app: FastifyInstance, deps: IncidentsRouteDependencies): Promise<void> {
  const { admins, incidents } = deps;

  route(app, admins, listIncidents, async ({ query }) => {
    const records = await incidents.list({
      ...(query.status === undefined ? {} : { status: query.status }),
      limit: query.severity === undefined ? LIST_LIMIT : SEVERITY_SCAN,
    });
    const matching =
      query.severity === undefined ? records : records.filter((record) => record.severity === query.severity);
    return { data: matching.slice(0, LIST_LIMIT).map((record) => incidentView(record)) };
  });

  route(app, admins, getIncident, async ({ params }) => {
    const record = await incidents.get(params.id);
    const timeline = await incidents.timeline(params.id);
    const playbook = record.playbook === null ? undefined : deps.playbooks.get(record.playbook);
    return {
      ...incidentView(record),
      timeline: timeline.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      containments: (await deps.containments.listForIncident(params.id)).map(containmentView),
      steps: playbookStepStates(playbook, timeline).map((step) => ({
        ...step,
        changedAt: step.changedAt?.toISOString() ?? null,
      })),
    };
  });

  // the report is a file (Markdown or HTML), not a JSON answer
  app.get(
    incidentReportDownload.path,
    { preHandler: requireScope(admins, incidentReportDownload.scope) },
    async (request, reply) => {
      const { id } = parse(z.object({ id: z.string().min(1).max(100) }), request.params);
      const query = parse(
        z.looseObject({ format: z.enum(incidentReportDownload.formats).default("md") }),
        request.query,
      );
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
    },
  );

  route(app, admins, createIncident, async ({ body, admin }) => {
    const record = await incidents.create(
      { ...body, awareAt: body.awareAt === undefined ? undefined : new Date(body.awareAt) },
      actorOf(admin),
    );
    return incidentView(record);
  });

  route(app, admins, updateIncident, async ({ params, body, admin }) => {
    const { links, ...rest } = body;
    return incidentView(await incidents.update(params.id, { ...rest, addLinks: links }, actorOf(admin)));
  });

  route(app, admins, runContainment, async ({ body, admin }) => {
    const record = await executeContainment(deps.containment, actorOf(admin), {
      action: body.action,
      target: body.target,
      incidentId: body.incidentId ?? null,
      parameters: body.parameters ?? {},
    });
    deps.onContained?.(record);
    return containmentView(record);
  });

  route(app, admins, liftContainment, async ({ params, admin }) => {
    const lifted = await deps.containments.lift(params.id);
    if (!lifted) throw new RampartError("not_found", `no active containment ${params.id}`);
    await deps.containment.audit?.recordManagement({
      actor: actorOf(admin),
      action: "containment.lift",
      target: { kind: "containment", id: params.id },
    });
    deps.onContained?.();
    return { id: params.id, lifted: true as const };
  });

  route(app, admins, listContainments, async () => ({
    data: (await deps.containments.listActive()).map(containmentView),
  }));

  route(app, admins, listPlaybooks, async () => ({
    data: [...deps.playbooks.values()].map((playbook) => ({
      ...playbook,
      owners: [...playbook.owners],
      steps: playbook.steps.map((step) => ({ ...step })),
      containment: playbook.containment.map((entry) => ({ ...entry, roles: [...entry.roles] })),
    })),
  }));
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join(".") ?? "";
  throw new RampartError(
    "invalid_request",
    `${path === "" ? "query" : path}: ${issue?.message ?? "invalid"}`,
    {
      details: { param: path },
    },
  );
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
