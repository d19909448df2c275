import { isIP } from "node:net";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { type AuditTrail, createAuditTrail, type ManagementChange } from "../audit/index.js";
import type { LoadedConfig, UpstreamConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import { Authenticator } from "../gateway/authenticator.js";
import { DEMO_ADMIN_KEY, DEMO_API_KEY, demoAdminKeyRecord, demoKeyRecord } from "../gateway/demo-key.js";
import type { ContentGuard } from "../gateway/guard.js";
import { LimitsService } from "../gateway/limits/index.js";
import { gatewayPlugin } from "../gateway/plugin.js";
import { UpstreamClient } from "../gateway/upstream-client.js";
import { UpstreamRouter } from "../gateway/upstream-router.js";
import { monitoredTrailSink } from "../monitor/index.js";
import { createMetrics } from "../monitor/metrics.js";
import { registerMetricsRoute, withDecisionMetrics } from "../monitor/metrics-route.js";
import { type RunningSimulator, startSimulator } from "../simulator/index.js";
import { createApiKeyRepository, migrateToLatest, openDatabase, type Store } from "../store/index.js";
import { createRedteamRunRepository } from "../store/repositories/redteam-run-repository.js";
import { alertsRoutes } from "./api/alerts-routes.js";
import { auditRoutes } from "./api/audit-routes.js";
import { complianceRoutes } from "./api/compliance-routes.js";
import { DashboardSessions } from "./api/dashboard-sessions.js";
import { type ServeGovernanceOptions, serveGovernance } from "./api/governance-routes.js";
import { buildIncidentResponse, incidentsRoutes } from "./api/incidents-routes.js";
import { managementPlugin } from "./api/management-plugin.js";
import { overviewRoutes } from "./api/overview-routes.js";
import { redteamRoutes, redteamRunsDirectory } from "./api/redteam-routes.js";
import { sessionRoutes } from "./api/session-routes.js";
import { settingsRoutes } from "./api/settings-routes.js";
import { buildApp } from "./app.js";
import { dashboardPlugin } from "./dashboard.js";
import { createGuard } from "./guard-factory.js";
import { createLogger } from "./logger.js";
import { watchPolicy } from "./policy-reload.js";
import { connectRedis } from "./redis.js";
import { startTracing, type TracingOptions } from "./tracing.js";

export interface ServeOptions {
  loaded: LoadedConfig;
  /** start the model simulator in-process, route to it, and accept the demo key */
  demo?: boolean;
  /** overrides server.port */
  port?: number | undefined;
  logger?: Logger;
  /** the content guard; by default built from the configured policy */
  guard?: ContentGuard;
  /** timing of the scheduled audit checks (tests); by default a first look a minute after start, then hourly */
  auditSchedule?: ServeGovernanceOptions["schedule"];
  /** where spans go instead of the OTLP endpoint when tracing is on (tests) */
  tracingExporter?: TracingOptions["exporter"];
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly store: Store;
  readonly simulator: RunningSimulator | undefined;
  readonly demoKey: string | undefined;
  /** the in-memory admin key of a --demo server, for the dashboard and the management API */
  readonly demoAdminKey: string | undefined;
  /** stops accepting, lets in-flight requests finish within server.shutdownTimeoutMs, closes the store */
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || (isIP(host) !== 0 && (host.startsWith("127.") || host === "::1"));
}

function demoUpstream(simulator: RunningSimulator): UpstreamConfig {
  return {
    name: "demo",
    url: simulator.baseUrl,
    models: ["*"],
    aliases: {},
    timeoutMs: 60_000,
    connectTimeoutMs: 2_000,
    maxConnections: 64,
  };
}

/** Builds and starts `rampart serve`: store, upstreams, gateway, health; returns a handle to stop it. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { config, baseDir } = options.loaded;
  const logger = options.logger ?? createLogger(config.server.logLevel);
  const demo = options.demo === true;
  if (demo && !isLoopback(config.server.host)) {
    throw new RampartError(
      "usage",
      `--demo accepts a fixed, public key and listens only on a loopback address, not ${config.server.host}`,
    );
  }
  const store = await openDatabase(config.storage.url, { baseDir });
  let simulator: RunningSimulator | undefined;
  let audit: AuditTrail | undefined;
  try {
    await migrateToLatest(store);
    audit = await createAuditTrail({ store, config: config.audit, baseDir, logger });
    const trail = audit;
    const metrics = createMetrics({ auditStats: () => trail.stats() });
    simulator = demo ? await startSimulator({ host: "127.0.0.1", port: 0 }) : undefined;
    const upstreams =
      simulator === undefined ? [...config.upstreams] : [...config.upstreams, demoUpstream(simulator)];
    if (upstreams.length === 0)
      logger.warn("no upstreams are configured: every model request will answer 404 (see docs/gateway.md)");
    const keys = createApiKeyRepository(store.db);
    const staticKeys = demo ? new Map([[demoKeyRecord().hash, demoKeyRecord()]]) : new Map();
    const client = new UpstreamClient();
    const redis = config.redis.url === undefined ? undefined : await connectRedis(config.redis.url);
    const limits = new LimitsService({
      redis,
      keyPrefix: "rampart:limits",
      onRedisError: config.limits.onRedisError,
      onError: (error) => logger.warn({ err: error }, "rate-limit store problem"),
    });
    const app = buildApp({
      logger,
      bodyLimitBytes: config.server.bodyLimitBytes,
      trustProxy: config.server.trustProxy,
      readiness: [{ name: "storage", check: () => store.ping() }],
    });
    registerMetricsRoute(app, metrics);
    // undefined when tracing is off: then nothing below is wrapped and no hook is added
    const tracing = await startTracing(app, config.tracing, { logger, exporter: options.tracingExporter });
    const gatewayAuthenticator = new Authenticator(keys, "gateway", Date.now, staticKeys);
    const staticAdmins = demo ? new Map([[demoAdminKeyRecord().hash, demoAdminKeyRecord()]]) : new Map();
    const admins = new Authenticator(keys, "admin", Date.now, staticAdmins);
    const incidentResponse = buildIncidentResponse({
      store,
      admins,
      keys,
      audit: trail,
      onKeyRevoked: () => gatewayAuthenticator.invalidate(),
      onError: (error, where) => logger.warn({ err: error }, where),
    });
    const policyGuard = options.guard === undefined ? createGuard(options.loaded, redis) : undefined;
    const guard = options.guard ?? (policyGuard as ContentGuard);
    // asynchronous detectors (an onnx-classifier model) load here too: a model that cannot load stops start-up
    if (policyGuard !== undefined)
      logger.info({ ms: Math.round(await policyGuard.warmUpAsync()) }, "detectors loaded");
    const reloader =
      policyGuard === undefined
        ? undefined
        : watchPolicy(options.loaded, policyGuard, logger, undefined, (change) =>
            trail.recordManagement(change),
          );
    const decisions = withDecisionMetrics(monitoredTrailSink(trail, incidentResponse.pipeline), metrics);
    await gatewayPlugin(app, {
      router: new UpstreamRouter(upstreams),
      client: tracing?.client(client) ?? client,
      authenticator: gatewayAuthenticator,
      guard: tracing?.guard(guard) ?? guard,
      decisions: tracing?.decisions(decisions) ?? decisions,
      containments: incidentResponse.activeContainments,
      limits,
      limitsConfig: config.limits,
      logger,
    });
    await managementPlugin(app, {
      keys,
      admins,
      gateway: gatewayAuthenticator,
      effectivePolicy: () => guard.describe(),
      recordChange: (change) => trail.recordManagement(change),
    });
    await sessionRoutes(app, {
      admins,
      sessions: new DashboardSessions({
        idleTimeoutMs: config.dashboard.sessionIdleMinutes * 60_000,
        absoluteTimeoutMs: config.dashboard.sessionMaxHours * 3_600_000,
      }),
      recordChange: (change) => trail.recordManagement(change),
    });
    if (config.dashboard.enabled) await dashboardPlugin(app);
    await incidentsRoutes(app, incidentResponse.incidentsRoutes);
    await alertsRoutes(app, incidentResponse.alertsRoutes);
    await auditRoutes(app, { admins, store, trail });
    await overviewRoutes(app, { admins, store, trail });
    await serveGovernance(app, {
      admins,
      store,
      trail,
      loaded: options.loaded,
      policyGuard,
      reloader,
      logger,
      schedule: options.auditSchedule,
    });
    const recordChange = (change: ManagementChange) => trail.recordManagement(change);
    const runsDirectory = redteamRunsDirectory(store, baseDir);
    await redteamRoutes(app, {
      admins,
      keys,
      gateway: gatewayAuthenticator,
      runs: createRedteamRunRepository(store.db),
      upstreams,
      runsDirectory,
      recordChange,
      recordRun: (payload, actor) => trail.record({ type: "redteam.run", actor, payload }),
    });
    await complianceRoutes(app, {
      admins,
      loaded: options.loaded,
      store,
      audit: trail,
      recordChange,
      runsDirectory,
    });
    await settingsRoutes(app, { admins, upstreams, client });
    app.addHook("onClose", async () => {
      reloader?.close();
      await client.close();
      await limits.close();
      redis?.disconnect();
      await trail.close();
      await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, "tracing shutdown"));
    });
    const port = options.port ?? config.server.port;
    try {
      await app.listen({ host: config.server.host, port });
    } catch (error) {
      await app.close().catch(() => undefined);
      if (error !== null && typeof error === "object" && "code" in error && error.code === "EADDRINUSE") {
        throw new RampartError(
          "port_in_use",
          `port ${port} on ${config.server.host} is already in use; choose another with --port`,
        );
      }
      throw new RampartError("usage", `cannot listen on ${config.server.host}:${port}: ${String(error)}`, {
        cause: error,
      });
    }
    const address = app.server.address();
    const actualPort = typeof address === "object" && address !== null ? address.port : port;
    const host = config.server.host.includes(":") ? `[${config.server.host}]` : config.server.host;
    const running: RunningServer = {
      app,
      url: `http://${host}:${actualPort}`,
      store,
      simulator,
      demoKey: demo ? DEMO_API_KEY : undefined,
      demoAdminKey: demo ? DEMO_ADMIN_KEY : undefined,
      close: once(async () => {
        const deadline = setTimeout(() => app.server.closeAllConnections(), config.server.shutdownTimeoutMs);
        deadline.unref();
        try {
          await app.close();
        } finally {
          clearTimeout(deadline);
          await simulator?.close();
          await store.close();
        }
      }),
    };
    return running;
  } catch (error) {
    await audit?.close().catch(() => undefined);
    await simulator?.close();
    await store.close().catch(() => undefined);
    throw error;
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
