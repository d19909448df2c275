import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { fetch as undiciFetch } from "undici";
import { z } from "zod";
import type { AuditPayload } from "../../audit/event-schema.js";
import type { AuditActor, ManagementChange } from "../../audit/index.js";
import type { UpstreamConfig } from "../../config/index.js";
import {
  diffRedteamRuns,
  getRedteamRun,
  listRedteamRuns,
  listRedteamTargets,
  type RedteamFinding,
  type RedteamRate,
  type RedteamRunDetail,
  type RedteamRunSummary,
  type RedteamTarget,
  redteamReportDownload,
  redteamRunIdSchema,
  type StartRedteamRunBody,
  startRedteamRun,
} from "../../core/api/redteam.js";
import { errorMessage, isRampartError, newId, RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { Principal } from "../../gateway/principal.js";
import { allBaseCases, loadProbePacks, selectBaseCases } from "../../redteam/probes/load-probes.js";
import { isReportFormat, reportFormats } from "../../redteam/report/formats.js";
import { formatRunReport, readRunReport } from "../../redteam/report/read-run-report.js";
import { diffRuns } from "../../redteam/report/run-diff.js";
import type { RunReport } from "../../redteam/report/run-report.js";
import { wilsonInterval } from "../../redteam/report/wilson-interval.js";
import { renderCases } from "../../redteam/runner/render-cases.js";
import { runRedteam } from "../../redteam/runner/run-redteam.js";
import { DEFAULT_STRATEGIES, resolveStrategies, strategies } from "../../redteam/strategies/index.js";
import type { ChatTarget, TargetFetch } from "../../redteam/targets/openai-target.js";
import { createOpenAiTarget } from "../../redteam/targets/openai-target.js";
import type { ApiKeyRepository, Store } from "../../store/index.js";
import { issueApiKey } from "../../store/index.js";
import type {
  RedteamRunRecord,
  RedteamRunRepository,
} from "../../store/repositories/redteam-run-repository.js";
import { redteamRunPayload } from "../redteam-run-event.js";
import { route } from "./contract-route.js";
import { requireScope } from "./management-auth.js";
import { publicUrl } from "./settings-routes.js";

export interface RedteamRoutesDependencies {
  readonly admins: Authenticator;
  /** where the gateway target's temporary keys are issued */
  readonly keys: ApiKeyRepository;
  /** the gateway's authenticator, whose cache is cleared when a run's key is revoked */
  readonly gateway?: Authenticator | undefined;
  readonly runs: RedteamRunRepository;
  /** the gateway's upstreams (with the demo simulator under --demo) */
  readonly upstreams: readonly UpstreamConfig[];
  /** the folder that holds one run directory per run started through the API */
  readonly runsDirectory: string;
  readonly recordChange: (change: ManagementChange) => Promise<unknown>;
  /** records a finished run as a `redteam.run` audit event (as `rampart redteam --config` does) */
  readonly recordRun?: (payload: AuditPayload<"redteam.run">, actor: AuditActor) => Promise<unknown>;
  /** runs executing at once on this server (default 2) */
  readonly maxActiveRuns?: number;
  /** how long shutdown waits for cancelled runs to wind down (default 5 s) */
  readonly shutdownWaitMs?: number;
  /** the HTTP client of the runs (tests) */
  readonly fetch?: TargetFetch;
}

/** The run folder next to the SQLite file, or in the configuration's folder (like the audit signing key). */
export function redteamRunsDirectory(store: Store, baseDir: string): string {
  const sqliteFile = store.dialect === "sqlite" && isAbsolute(store.location) ? store.location : undefined;
  return join(sqliteFile === undefined ? baseDir : dirname(sqliteFile), "redteam-runs");
}

const REPORT_FILE = "report.json";
/** What the API knows about a run besides its report: written at start into the run directory. */
const API_RUN_FILE = "api-run.json";
const apiRunFileSchema = z.object({
  id: z.string(),
  targetId: z.string(),
  startedBy: z.object({ keyId: z.string(), role: z.string() }).nullable(),
});

/** Finished runs kept in memory besides the store (the newest); running ones are always kept. */
const FINISHED_KEPT = 50;
/** Parsed reports kept for detail, diff and download requests. */
const REPORTS_CACHED = 4;
/** The temporary gateway key of a run expires after this, even if the run never ends. */
const RUN_KEY_LIFETIME_MS = 24 * 3_600_000;

interface LiveRun {
  readonly id: string;
  readonly targetId: string;
  readonly targetUrl: string;
  readonly model: string;
  readonly seed: number;
  readonly startedAt: Date;
  readonly startedBy: { keyId: string; role: string };
  readonly controller: AbortController;
  status: "running" | "finished" | "failed";
  progress: { done: number; total: number };
  finishedAt: Date | null;
  error: string | null;
  report: RunReport | null;
  done: Promise<void>;
}

function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../../package.json", import.meta.url), "utf8");
    return /"version":\s*"([^"]+)"/.exec(text)?.[1] ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

function bucket(value: {
  cases: number;
  successes: number;
  asr: number;
  ci95?: [number, number];
}): RedteamRate {
  return {
    cases: value.cases,
    successes: value.successes,
    asr: value.asr,
    ci95: value.ci95 ?? wilsonInterval(value.successes, value.cases),
  };
}

function buckets(
  record: Readonly<
    Record<string, { cases: number; successes: number; asr: number; ci95?: [number, number] } | undefined>
  >,
): Record<string, RedteamRate> {
  const out: Record<string, RedteamRate> = {};
  for (const [name, value] of Object.entries(record)) if (value !== undefined) out[name] = bucket(value);
  return out;
}

/** The part of a stored run summary the API reads (it is report.summary for runs Rampart saved). */
const storedBucketSchema = z.looseObject({
  cases: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  asr: z.number().min(0).max(1),
  ci95: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).optional(),
});
const storedSummarySchema = z.looseObject({
  asrCi95: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).optional(),
  errors: z.number().int().nonnegative().optional(),
  byCategory: z.record(z.string(), storedBucketSchema).catch({}).default({}),
  byStrategy: z.record(z.string(), storedBucketSchema).catch({}).default({}),
  byProbeClass: z.record(z.string(), storedBucketSchema).catch({}).default({}),
});

function cancelled(): RampartError {
  return new RampartError("upstream_unavailable", "the run was cancelled: the server is shutting down");
}

/** Rejects as soon as the signal aborts, without waiting for the target's retries and backoff. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function invalid(param: string, message: string): RampartError {
  return new RampartError("invalid_request", message, { details: { param } });
}

const contentTypes: Record<string, string> = {
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  sarif: "application/sarif+json; charset=utf-8",
  junit: "application/xml; charset=utf-8",
};

/**
 * /api/v1/redteam: runs (list, detail with findings, diff, report download) under redteam:read, and
 * starting a run under redteam:run. A run executes in this process in the background with the
 * red-team runner, writes its run directory under `runsDirectory`, is saved to the store as
 * governance evidence when it finishes, and is recorded in the audit trail (start and end, with the
 * admin who started it). Shutdown cancels running runs.
 */
export async function redteamRoutes(app: FastifyInstance, deps: RedteamRoutesDependencies): Promise<void> {
  const live = new Map<string, LiveRun>();
  const reports = new Map<string, { report: RunReport; mtimeMs: number }>();
  const maxActive = deps.maxActiveRuns ?? 2;
  const fetchFunction: TargetFetch = deps.fetch ?? (undiciFetch as unknown as TargetFetch);
  const rampartVersion = packageVersion();
  let closing = false;

  const runDirectory = (id: string) => join(deps.runsDirectory, id);

  function gatewayBaseUrl(): string {
    const address = app.server.address();
    if (address === null || typeof address === "string")
      throw new RampartError("upstream_unavailable", "the gateway is not listening yet");
    const host =
      address.address === "0.0.0.0" ? "127.0.0.1" : address.address === "::" ? "::1" : address.address;
    return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}/v1`;
  }

  function targets(): (RedteamTarget & { upstream?: UpstreamConfig })[] {
    const listed = new Set<string>();
    for (const upstream of deps.upstreams) {
      for (const model of upstream.models) if (!model.includes("*")) listed.add(model);
      for (const alias of Object.keys(upstream.aliases)) listed.add(alias);
    }
    const gatewayModels = [...listed];
    let gatewayUrl: string;
    try {
      gatewayUrl = gatewayBaseUrl();
    } catch {
      gatewayUrl = "(not listening)";
    }
    return [
      {
        id: "gateway",
        kind: "gateway",
        name: "through this gateway (the policy in front of the model)",
        url: gatewayUrl,
        models: gatewayModels,
        defaultModel: gatewayModels[0] ?? null,
      },
      ...deps.upstreams.map((upstream) => {
        const concrete = [
          ...upstream.models.filter((model) => !model.includes("*")),
          ...Object.keys(upstream.aliases),
        ];
        return {
          id: `upstream:${upstream.name}`,
          kind: "upstream" as const,
          name: `${upstream.name} (directly, no policy)`,
          url: publicUrl(upstream.url),
          models: [...upstream.models, ...Object.keys(upstream.aliases)],
          defaultModel: concrete[0] ?? null,
          upstream,
        };
      }),
    ];
  }

  function apiRunFile(id: string): z.infer<typeof apiRunFileSchema> | undefined {
    try {
      const parsed = apiRunFileSchema.safeParse(
        JSON.parse(readFileSync(join(runDirectory(id), API_RUN_FILE), "utf8")),
      );
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  function hasReportFile(id: string): boolean {
    return redteamRunIdSchema.safeParse(id).success && existsSync(join(runDirectory(id), REPORT_FILE));
  }

  /** The run's full report, from memory or its run directory; undefined when this server has none. */
  async function reportOf(id: string): Promise<RunReport | undefined> {
    const running = live.get(id);
    if (running?.report) return running.report;
    if (!hasReportFile(id)) return undefined;
    const path = join(runDirectory(id), REPORT_FILE);
    const mtimeMs = statSync(path).mtimeMs;
    const cached = reports.get(id);
    if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached.report;
    let report: RunReport;
    try {
      report = await readRunReport(path);
    } catch {
      return undefined;
    }
    reports.set(id, { report, mtimeMs });
    while (reports.size > REPORTS_CACHED) reports.delete(reports.keys().next().value as string);
    return report;
  }

  function liveSummary(run: LiveRun): RedteamRunSummary {
    const summary = run.report?.summary;
    return {
      id: run.id,
      status: run.status,
      target: run.targetUrl,
      targetId: run.targetId,
      model: run.model,
      seed: run.seed,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      cases: summary?.cases ?? 0,
      successes: summary?.successes ?? 0,
      asr: summary?.asr ?? null,
      asrCi95: summary?.asrCi95 ?? null,
      overRefusalRate: summary?.overRefusalRate ?? null,
      errors: summary?.errors ?? null,
      progress: { ...run.progress },
      error: run.error,
      startedBy: run.startedBy,
      gatePassed: run.report?.run.gatePassed ?? null,
      reportAvailable: run.report !== null,
    };
  }

  function storedSummary(record: RedteamRunRecord): RedteamRunSummary {
    const parsed = storedSummarySchema.safeParse(record.summary);
    const meta = redteamRunIdSchema.safeParse(record.id).success ? apiRunFile(record.id) : undefined;
    return {
      id: record.id,
      status: "finished",
      target: URL.canParse(record.target) ? publicUrl(record.target) : record.target,
      targetId: meta?.targetId ?? null,
      model: record.model,
      seed: record.seed,
      startedAt: record.startedAt.toISOString(),
      finishedAt: record.finishedAt.toISOString(),
      cases: record.cases,
      successes: record.successes,
      asr: record.asr,
      asrCi95:
        (parsed.success ? parsed.data.asrCi95 : undefined) ?? wilsonInterval(record.successes, record.cases),
      overRefusalRate: record.overRefusalRate,
      errors: parsed.success ? (parsed.data.errors ?? null) : null,
      progress: null,
      error: null,
      startedBy: meta?.startedBy ?? null,
      gatePassed: record.gatePassed ?? null,
      reportAvailable: hasReportFile(record.id),
    };
  }

  function forget(): void {
    const finished = [...live.values()]
      .filter((run) => run.status !== "running")
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    for (const run of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) live.delete(run.id);
  }

  async function record(run: LiveRun, action: string, changes: Record<string, unknown>): Promise<void> {
    await deps.recordChange({
      actor: { kind: "admin", id: run.startedBy.keyId, role: run.startedBy.role },
      action,
      target: { kind: "redteam-run", id: run.id },
      changes,
    });
  }

  interface Plan {
    readonly body: StartRedteamRunBody;
    readonly model: string;
    readonly seed: number;
    readonly probes: string[];
    readonly strategies: string[];
    readonly upstream: UpstreamConfig | undefined;
  }

  async function execute(run: LiveRun, plan: Plan): Promise<void> {
    const signal = run.controller.signal;
    let gatewayKeyId: string | undefined;
    try {
      let baseUrl: string;
      let apiKey: string | undefined;
      if (plan.upstream === undefined) {
        const issued = await issueApiKey(deps.keys, {
          name: `red team run ${run.id}`,
          kind: "gateway",
          app: plan.body.app ?? null,
          models: [plan.model],
          expiresAt: new Date(Date.now() + RUN_KEY_LIFETIME_MS),
        });
        gatewayKeyId = issued.record.id;
        apiKey = issued.key;
        baseUrl = gatewayBaseUrl();
        await record(run, "redteam.run.key", {
          gatewayKeyId,
          expiresAt: issued.record.expiresAt?.toISOString(),
        });
      } else {
        baseUrl = plan.upstream.url;
        apiKey = plan.upstream.apiKey;
      }
      const client = createOpenAiTarget({
        baseUrl,
        ...(apiKey === undefined ? {} : { apiKey }),
        retries: 2,
        fetch: (url, init) => fetchFunction(url, { ...init, signal: AbortSignal.any([init.signal, signal]) }),
      });
      const target: ChatTarget = {
        url: client.url,
        send: (request) => untilAborted(client.send(request), signal),
      };
      const { report } = await runRedteam({
        target,
        targetUrl: run.targetUrl,
        model: plan.model,
        seed: plan.seed,
        probes: plan.probes,
        strategies: plan.strategies,
        concurrency: plan.body.concurrency ?? 4,
        ...(plan.body.systemPrompt === undefined ? {} : { systemPrompt: plan.body.systemPrompt }),
        ...(plan.body.failOnAsr === undefined ? {} : { failOnAsr: plan.body.failOnAsr }),
        directory: runDirectory(run.id),
        rampartVersion,
        onProgress: (done, total) => {
          run.progress = { done, total };
        },
      });
      if (signal.aborted) throw cancelled();
      const answered = report.cases.filter((item) => item.error === undefined).length;
      if (report.cases.length > 0 && answered === 0) {
        const first = report.cases.find((item) => item.error !== undefined)?.error ?? "no answer";
        throw new RampartError("upstream_unavailable", `the target answered no case (${first})`);
      }
      // A run started through the API is its own run: its id is the API's, not the settings' hash.
      report.run.id = run.id;
      writeFileSync(join(runDirectory(run.id), REPORT_FILE), formatRunReport(report));
      await deps.runs.save({
        id: run.id,
        target: report.run.target,
        model: report.run.model,
        seed: report.run.seed,
        startedAt: new Date(report.run.started),
        finishedAt: new Date(report.run.finished),
        cases: report.summary.cases,
        successes: report.summary.successes,
        asr: report.summary.asr,
        overRefusalRate: report.summary.overRefusalRate,
        ...(report.run.gatePassed === undefined ? {} : { gatePassed: report.run.gatePassed }),
        summary: { ...report.summary },
      });
      run.report = report;
      run.status = "finished";
      run.finishedAt = new Date(report.run.finished);
      await deps.recordRun?.(redteamRunPayload(report, false), {
        kind: "admin",
        id: run.startedBy.keyId,
        role: run.startedBy.role,
      });
      await record(run, "redteam.run.finish", {
        status: "finished",
        cases: report.summary.cases,
        successes: report.summary.successes,
        asr: report.summary.asr,
        errors: report.summary.errors,
        ...(report.run.gatePassed === undefined ? {} : { gatePassed: report.run.gatePassed }),
      });
    } catch (error) {
      run.status = "failed";
      run.finishedAt = new Date();
      run.error = isRampartError(error) ? error.message : errorMessage(error);
      app.log.warn({ err: error, run: run.id }, "red-team run failed");
      await record(run, "redteam.run.fail", { status: "failed", error: run.error }).catch((recordError) =>
        app.log.error({ err: recordError, run: run.id }, "could not record the failed red-team run"),
      );
    } finally {
      if (gatewayKeyId !== undefined) {
        await deps.keys
          .revoke(gatewayKeyId)
          .then(() => deps.gateway?.invalidate())
          .catch((error) =>
            app.log.warn({ err: error, key: gatewayKeyId }, "could not revoke a red-team run key"),
          );
      }
      forget();
    }
  }

  route(app, deps.admins, listRedteamRuns, async ({ query }) => {
    const byId = new Map<string, RedteamRunSummary>();
    for (const run of live.values()) byId.set(run.id, liveSummary(run));
    for (const stored of await deps.runs.list(query.limit))
      if (!byId.has(stored.id)) byId.set(stored.id, storedSummary(stored));
    const data = [...byId.values()]
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
      .slice(0, query.limit);
    return { data };
  });

  route(app, deps.admins, listRedteamTargets, async () => {
    const packs = loadProbePacks();
    return {
      data: targets().map(({ upstream: _upstream, ...target }) => target),
      probePacks: packs.map((pack) => ({
        name: pack.pack,
        description: pack.description,
        probes: pack.probes.map((probe) => probe.id),
        baseCases: allBaseCases([pack]).length,
      })),
      strategies: [...strategies.values()].map((strategy) => ({
        id: strategy.id,
        description: strategy.description,
      })),
      defaultStrategies: [...DEFAULT_STRATEGIES],
    };
  });

  route(app, deps.admins, getRedteamRun, async ({ params, query }): Promise<RedteamRunDetail> => {
    const running = live.get(params.id);
    const stored = running === undefined ? await deps.runs.get(params.id) : undefined;
    if (running === undefined && stored === undefined)
      throw new RampartError("not_found", `no red-team run with id ${params.id}`);
    const summary = running === undefined ? storedSummary(stored as RedteamRunRecord) : liveSummary(running);
    const report = await reportOf(params.id);
    const page = { offset: query.offset, limit: query.limit };
    if (report === undefined) {
      const parsed = storedSummarySchema.safeParse(stored?.summary ?? {});
      const rates = parsed.success ? parsed.data : { byCategory: {}, byStrategy: {}, byProbeClass: {} };
      return {
        run: summary,
        probes: [],
        strategies: [],
        byCategory: buckets(rates.byCategory),
        byStrategy: buckets(rates.byStrategy),
        byProbeClass: buckets(rates.byProbeClass),
        findings: { total: 0, ...page, data: [] },
      };
    }
    const matching = report.findings.filter(
      (finding) =>
        (query.owasp === undefined || finding.owasp.some((id) => id === query.owasp)) &&
        (query.strategy === undefined || finding.strategy === query.strategy),
    );
    const data: RedteamFinding[] = matching
      .slice(query.offset, query.offset + query.limit)
      .map((finding) => ({
        id: finding.id,
        probe: finding.probe,
        probeClass: finding.probeClass,
        strategy: finding.strategy,
        owasp: [...finding.owasp],
        atlas: [...finding.atlas],
        severity: finding.severity,
        prompt: finding.prompt,
        response: finding.response,
        grader: finding.grader,
        verdict: "success",
        confidence: finding.confidence,
        reason: finding.evidence ?? null,
      }));
    return {
      run: summary,
      probes: [...report.run.probes],
      strategies: [...report.run.strategies],
      byCategory: buckets(report.summary.byCategory),
      byStrategy: buckets(report.summary.byStrategy),
      byProbeClass: buckets(report.summary.byProbeClass),
      findings: { total: matching.length, ...page, data },
    };
  });

  async function knownReport(id: string, param: string): Promise<RunReport> {
    const report = await reportOf(id);
    if (report !== undefined) return report;
    if (live.has(id) || (await deps.runs.get(id)) !== undefined) {
      throw invalid(
        param,
        `run ${id} has no report on this server (still running, failed, or saved by the CLI: diff its report.json with rampart redteam diff)`,
      );
    }
    throw new RampartError("not_found", `no red-team run with id ${id}`);
  }

  route(app, deps.admins, diffRedteamRuns, async ({ query }) => {
    const before = await knownReport(query.base, "base");
    const after = await knownReport(query.head, "head");
    const diff = diffRuns(before, after);
    return {
      base: query.base,
      head: query.head,
      regressions: diff.regressions.map((item) => ({ ...item, owasp: [...item.owasp] })),
      fixes: diff.fixes.map((item) => ({ ...item, owasp: [...item.owasp] })),
      added: diff.added,
      removed: diff.removed,
      asrBefore: diff.asrBefore,
      asrAfter: diff.asrAfter,
    };
  });

  route(app, deps.admins, startRedteamRun, async ({ body, admin, reply }) => {
    if (closing) throw new RampartError("upstream_unavailable", "the server is shutting down");
    const target = targets().find((candidate) => candidate.id === body.target);
    if (target === undefined) {
      throw invalid(
        "target",
        `unknown target '${body.target}' (known: ${targets()
          .map((candidate) => candidate.id)
          .join(", ")})`,
      );
    }
    const model = body.model ?? target.defaultModel;
    if (model === null)
      throw invalid("model", `target '${target.id}' serves model patterns only; name the model to attack`);
    const seed = body.seed ?? 1;
    let total: number;
    try {
      const chosen = resolveStrategies(body.strategies ?? []);
      const selected = selectBaseCases(allBaseCases(loadProbePacks()), body.probes ?? []);
      total = renderCases(selected, chosen, {
        seed,
        ...(body.systemPrompt === undefined ? {} : { systemPrompt: body.systemPrompt }),
      }).length;
    } catch (error) {
      if (isRampartError(error) && error.code === "usage") {
        const param = error.message.startsWith("--probes") ? "probes" : "strategies";
        throw invalid(param, `${param}: ${error.message.replace(/^--probes: /, "")}`);
      }
      throw error;
    }
    const running = [...live.values()].filter((run) => run.status === "running").length;
    if (running >= maxActive) {
      throw new RampartError(
        "rate_limited",
        `${running} red-team runs are running on this server (at most ${maxActive}); start this one when one ends`,
        { details: { retryAfterSeconds: 30 } },
      );
    }
    const startedBy = actorOf(admin);
    const run: LiveRun = {
      id: newId("rt"),
      targetId: target.id,
      targetUrl: target.url,
      model,
      seed,
      startedAt: new Date(),
      startedBy,
      controller: new AbortController(),
      status: "running",
      progress: { done: 0, total },
      finishedAt: null,
      error: null,
      report: null,
      done: Promise.resolve(),
    };
    mkdirSync(runDirectory(run.id), { recursive: true });
    writeFileSync(
      join(runDirectory(run.id), API_RUN_FILE),
      `${JSON.stringify({ id: run.id, targetId: run.targetId, startedBy }, null, 2)}\n`,
    );
    await record(run, "redteam.run.start", {
      target: target.id,
      url: target.url,
      model,
      seed,
      probes: body.probes ?? [],
      strategies: body.strategies ?? [...DEFAULT_STRATEGIES],
      cases: total,
      ...(body.concurrency === undefined ? {} : { concurrency: body.concurrency }),
      ...(body.failOnAsr === undefined ? {} : { failOnAsr: body.failOnAsr }),
      ...(body.app === undefined ? {} : { app: body.app }),
    });
    live.set(run.id, run);
    run.done = execute(run, {
      body,
      model,
      seed,
      probes: body.probes ?? [],
      strategies: body.strategies ?? [],
      upstream: target.upstream,
    });
    void reply.header("location", `/api/v1/redteam/runs/${run.id}`);
    return liveSummary(run);
  });

  const formatQuerySchema = z.object({
    format: z.enum(redteamReportDownload.formats).default("html"),
  });
  app.get(
    redteamReportDownload.path,
    { preHandler: requireScope(deps.admins, redteamReportDownload.scope) },
    async (request, reply: FastifyReply) => {
      const id = redteamRunIdSchema.safeParse((request.params as { id?: unknown }).id);
      if (!id.success) throw invalid("id", "id: must be a red-team run id");
      const format = formatQuerySchema.safeParse(request.query ?? {});
      if (!format.success)
        throw invalid("format", `format: must be one of ${redteamReportDownload.formats.join(", ")}`);
      const report = await knownReport(id.data, "id");
      const chosen = format.data.format;
      if (!isReportFormat(chosen)) throw invalid("format", `format: unknown format ${chosen}`);
      const writer = reportFormats[chosen];
      return reply
        .type(contentTypes[chosen] ?? "application/octet-stream")
        .header("content-disposition", `attachment; filename="${id.data}-${writer.file}"`)
        .send(writer.render(report));
    },
  );

  // Shutdown: running runs are cancelled (their pending requests fail at once) and given a short
  // while to record their end; shutdown never waits longer than that for them.
  app.addHook("preClose", async () => {
    closing = true;
    const running = [...live.values()].filter((run) => run.status === "running");
    for (const run of running) run.controller.abort();
    if (running.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deps.shutdownWaitMs ?? 5_000);
      timer.unref();
    });
    await Promise.race([Promise.allSettled(running.map((run) => run.done)), deadline]);
    clearTimeout(timer);
  });
}

function actorOf(admin: Principal): { keyId: string; role: string } {
  return { keyId: admin.keyId, role: admin.role };
}
