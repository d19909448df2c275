import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { finished, Readable } from "node:stream";
import type { Context, Span, Tracer } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter, TracerProviderOptions } from "@opentelemetry/sdk-trace";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { TracingConfig } from "../config/index.js";
import type { DecisionContent, DecisionEvent, DecisionSink } from "../core/index.js";
import type { ContentGuard } from "../gateway/guard.js";
import type { UpstreamClient } from "../gateway/upstream-client.js";

/** The instrumentation scope of Rampart's spans. */
export const TRACER_NAME = "rampart.gateway";
/** Routes traced: the gateway's, nothing else. */
const GATEWAY_PREFIX = "/v1/";
/** After the response, how long a request span waits for a decision event that has not started. */
const DECISION_GRACE_MS = 250;
/** After the response, the longest a request span waits for its decision's commit. */
const COMMIT_WAIT_MS = 10_000;
/** W3C trace context: version 00, trace id, parent id, flags. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * What serve.ts wraps when tracing is on. Each wrapper adds spans and otherwise passes everything
 * through untouched. When tracing is off, `startTracing` returns undefined: nothing of
 * OpenTelemetry is loaded and no hook is registered.
 */
export interface Tracing {
  /** scans become the request's `rampart.input_scan` and `rampart.output_scan` spans */
  guard(guard: ContentGuard): ContentGuard;
  /** the upstream call becomes a `rampart.upstream` span, until its body is read */
  client(client: UpstreamClient): UpstreamClient;
  /** the decision names the request span's model, upstream and verdict; its commit is `rampart.audit_commit` */
  decisions(sink: DecisionSink): DecisionSink;
  /** exports what is buffered and stops */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  logger?: Logger | undefined;
  /** the exporter to use instead of OTLP/HTTP (tests: an InMemorySpanExporter); spans go out at once */
  exporter?: SpanExporter | undefined;
}

/** A scan phase: one span from the first scan's start to the last one's end. */
interface ScanPhase {
  span: Span;
  scans: number;
  findings: number;
  lastEnd: number;
}

/** One traced gateway request. */
interface RequestTrace {
  span: Span;
  context: Context;
  input: ScanPhase | undefined;
  output: ScanPhase | undefined;
  responded: boolean;
  /** none: no decision yet; pending: being committed; done */
  decision: "none" | "pending" | "done";
  timer: NodeJS.Timeout | undefined;
  ended: boolean;
}

/**
 * Starts OpenTelemetry tracing of gateway requests when `tracing.enabled` (docs/observability.md):
 * a SERVER span per request under /v1 (route, model, upstream, verdict, status) with child spans
 * for the input scan, the upstream call, the output scan and the audit commit. Spans go to the
 * OTLP/HTTP endpoint in batches; a caller's W3C `traceparent` makes the request span its child.
 */
export async function startTracing(
  app: FastifyInstance,
  config: TracingConfig,
  options: TracingOptions = {},
): Promise<Tracing | undefined> {
  if (!config.enabled) return undefined;
  const api = await import("@opentelemetry/api");
  const sdk = await import("@opentelemetry/sdk-trace");
  const exporter = withFailureLog(
    options.exporter ??
      new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter({
        url: config.endpoint,
        headers: { ...config.headers },
        timeoutMillis: config.exportTimeoutMs,
      }),
    options.logger,
  );
  const provider = new sdk.TracerProvider({
    resource: serviceResource(await import("@opentelemetry/resources"), config.serviceName),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [
      options.exporter === undefined
        ? new sdk.BatchSpanProcessor({ exporter, exportTimeoutMillis: config.exportTimeoutMs })
        : new sdk.SimpleSpanProcessor({ exporter }),
    ],
  });
  const tracer: Tracer = provider.getTracer(TRACER_NAME);
  const { SpanKind, SpanStatusCode, ROOT_CONTEXT, trace } = api;
  const requests = new Map<string, RequestTrace>();
  const current = new AsyncLocalStorage<RequestTrace>();

  const endRequest = (state: RequestTrace, requestId: string) => {
    if (state.ended) return;
    state.ended = true;
    requests.delete(requestId);
    clearTimeout(state.timer);
    for (const phase of [state.input, state.output]) {
      if (phase === undefined) continue;
      phase.span.setAttributes({ "rampart.scans": phase.scans, "rampart.findings": phase.findings });
      phase.span.end(phase.lastEnd);
    }
    state.span.end();
  };

  app.addHook("onRequest", (request, _reply, done) => {
    const route = request.routeOptions.url;
    if (route?.startsWith(GATEWAY_PREFIX)) {
      const parent = remoteParent(request, api) ?? ROOT_CONTEXT;
      const span = tracer.startSpan(
        `${request.method} ${route}`,
        {
          kind: SpanKind.SERVER,
          attributes: {
            "http.request.method": request.method,
            "http.route": route,
            "url.path": request.url.split("?")[0] ?? request.url,
            "rampart.request_id": request.id,
          },
        },
        parent,
      );
      requests.set(request.id, {
        span,
        context: trace.setSpan(parent, span),
        input: undefined,
        output: undefined,
        responded: false,
        decision: "none",
        timer: undefined,
        ended: false,
      });
    }
    done();
  });
  // the handler runs inside the request's context, so scans and the upstream call find their parent
  app.addHook("preHandler", (request, _reply, done) => {
    const state = requests.get(request.id);
    if (state === undefined) done();
    else current.run(state, done);
  });
  const finish = (request: FastifyRequest, status: number | undefined) => {
    const state = requests.get(request.id);
    if (state === undefined || state.responded) return;
    state.responded = true;
    if (status !== undefined) {
      state.span.setAttribute("http.response.status_code", status);
      if (status >= 500) state.span.setStatus({ code: SpanStatusCode.ERROR });
    }
    if (state.decision === "done") endRequest(state, request.id);
    else {
      // a streamed answer records its decision as the stream ends, around the response's end
      const wait = state.decision === "none" ? DECISION_GRACE_MS : COMMIT_WAIT_MS;
      state.timer = setTimeout(() => endRequest(state, request.id), wait);
      state.timer.unref();
    }
  };
  app.addHook("onResponse", (request, reply, done) => {
    finish(request, reply.statusCode);
    done();
  });
  app.addHook("onRequestAbort", (request, done) => {
    finish(request, undefined);
    done();
  });

  const scanPhase = (state: RequestTrace, direction: "input" | "output"): ScanPhase => {
    const existing = direction === "input" ? state.input : state.output;
    if (existing !== undefined) return existing;
    const phase: ScanPhase = {
      span: tracer.startSpan(`rampart.${direction}_scan`, { kind: SpanKind.INTERNAL }, state.context),
      scans: 0,
      findings: 0,
      lastEnd: performance.now(),
    };
    if (direction === "input") state.input = phase;
    else state.output = phase;
    return phase;
  };
  const traceScan = <Result extends { findings: readonly unknown[] }>(
    direction: "input" | "output",
    scan: () => Promise<Result> | Result,
  ): Promise<Result> | Result => {
    const state = current.getStore();
    if (state === undefined || state.ended) return scan();
    const phase = scanPhase(state, direction);
    const settle = (result: Result) => {
      phase.scans += 1;
      phase.findings += result.findings.length;
      phase.lastEnd = performance.now();
      return result;
    };
    const result = scan();
    return result instanceof Promise ? result.then(settle) : settle(result);
  };

  return {
    guard(guard) {
      return {
        begin: (context) => guard.begin(context),
        scanInput: (segment, context) => traceScan("input", () => guard.scanInput(segment, context)),
        scanOutput: (text, context) => traceScan("output", () => guard.scanOutput(text, context)),
        restore: (text, context) => guard.restore(text, context),
        wantsCanary: (context) => guard.wantsCanary(context),
        usePolicy: (context) => guard.usePolicy(context),
        describe: () => guard.describe(),
        streamSettings: (context) => guard.streamSettings(context),
      };
    },
    client(client) {
      const request: UpstreamClient["request"] = async (upstream, method, endpoint, body, signal) => {
        const state = current.getStore();
        if (state === undefined || state.ended)
          return client.request(upstream, method, endpoint, body, signal);
        const span = tracer.startSpan(
          "rampart.upstream",
          {
            kind: SpanKind.CLIENT,
            attributes: {
              "rampart.upstream": upstream.name,
              "http.request.method": method,
              "server.address": new URL(upstream.url).host,
              "rampart.upstream_endpoint": endpoint,
            },
          },
          state.context,
        );
        try {
          const response = await client.request(upstream, method, endpoint, body, signal);
          span.setAttribute("http.response.status_code", response.statusCode);
          // the call lasts until its body is read: the whole answer, or the whole stream
          const answer: unknown = response.body;
          if (answer instanceof Readable) {
            finished(answer, (error) => {
              if (error !== undefined && error !== null) span.setStatus({ code: SpanStatusCode.ERROR });
              span.end();
            });
          } else span.end();
          return response;
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode(error) });
          span.end();
          throw error;
        }
      };
      return new Proxy(client, {
        get: (target, property) => (property === "request" ? request : Reflect.get(target, property, target)),
      });
    },
    decisions(sink) {
      return {
        record(event: DecisionEvent, content?: DecisionContent) {
          const state = requests.get(event.requestId);
          if (state === undefined || state.ended) return sink.record(event, content);
          state.span.setAttributes(decisionAttributes(event));
          if (event.verdict === "block") state.span.setAttribute("rampart.blocked", true);
          state.decision = "pending";
          clearTimeout(state.timer);
          if (state.responded) {
            state.timer = setTimeout(() => endRequest(state, event.requestId), COMMIT_WAIT_MS);
            state.timer.unref();
          }
          const span = tracer.startSpan("rampart.audit_commit", { kind: SpanKind.INTERNAL }, state.context);
          const settled = (failed: boolean) => {
            if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            state.decision = "done";
            if (state.responded) endRequest(state, event.requestId);
          };
          const outcome = sink.record(event, content);
          if (outcome instanceof Promise) {
            outcome.then(
              () => settled(false),
              () => settled(true),
            );
          } else settled(false);
          return outcome;
        },
      };
    },
    async shutdown() {
      for (const [requestId, state] of [...requests]) endRequest(state, requestId);
      await provider.shutdown();
    },
  };
}

/** The request span's attributes from its decision event; never text, only what the trail holds. */
function decisionAttributes(event: DecisionEvent): Record<string, string | number | boolean | string[]> {
  const attributes: Record<string, string | number | boolean | string[]> = {
    "rampart.verdict": event.verdict,
    "rampart.input_verdict": event.inputVerdict,
    "rampart.output_verdict": event.outputVerdict,
    "rampart.categories": [...event.categories],
    "rampart.stream": event.stream,
    "rampart.overhead_ms": event.timings.overheadMs,
  };
  if (event.model !== null) {
    attributes["rampart.model"] = event.model;
    attributes["gen_ai.request.model"] = event.model;
  }
  if (event.upstream !== null) attributes["rampart.upstream"] = event.upstream;
  if (event.principal !== null) {
    attributes["rampart.key_id"] = event.principal.keyId;
    attributes["rampart.role"] = event.principal.role;
    if (event.principal.app !== null) attributes["rampart.app"] = event.principal.app;
  }
  if (event.errorCode !== null) attributes["rampart.error_code"] = event.errorCode;
  if (event.usage !== null) {
    attributes["gen_ai.usage.input_tokens"] = event.usage.promptTokens;
    attributes["gen_ai.usage.output_tokens"] = event.usage.completionTokens;
  }
  return attributes;
}

/** The caller's span from a valid W3C traceparent header, as the parent context. */
function remoteParent(
  request: FastifyRequest,
  api: typeof import("@opentelemetry/api"),
): Context | undefined {
  const header = request.headers.traceparent;
  const match = typeof header === "string" ? TRACEPARENT.exec(header.trim()) : null;
  if (match === null) return undefined;
  const [, traceId = "", spanId = "", flags = "00"] = match;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return api.trace.setSpanContext(api.ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16) & api.TraceFlags.SAMPLED,
    isRemote: true,
  });
}

/** The `service.name` resource, over the SDK's defaults (loaded only when tracing is on). */
function serviceResource(
  resources: typeof import("@opentelemetry/resources"),
  serviceName: string,
): TracerProviderOptions["resource"] {
  return resources.defaultResource().merge(resources.resourceFromAttributes({ "service.name": serviceName }));
}

/** Logs failed exports (a collector that is down) instead of the SDK's silent default. */
function withFailureLog(exporter: SpanExporter, logger: Logger | undefined): SpanExporter {
  let lastLog = 0;
  return {
    export(spans: ReadableSpan[], done) {
      exporter.export(spans, (result) => {
        // 0 is ExportResultCode.SUCCESS; at most one warning a minute
        if (result.code !== 0 && Date.now() - lastLog > 60_000) {
          lastLog = Date.now();
          logger?.warn({ err: result.error, spans: spans.length }, "trace export failed; spans dropped");
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    ...(exporter.forceFlush === undefined
      ? {}
      : { forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve() }),
  };
}

function errorCode(error: unknown): string {
  return error !== null && typeof error === "object" && "code" in error ? String(error.code) : "error";
}
