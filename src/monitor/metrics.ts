import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AuditStats } from "../audit/index.js";
import type { DecisionEvent } from "../core/index.js";

/** Buckets in seconds for in-process work (scans, detectors): 0.1 ms to 1 s. */
const SCAN_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
/** Buckets in seconds for upstream models: 10 ms to 2 minutes. */
const UPSTREAM_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export interface MetricsOptions {
  /** the audit trail's live numbers, read at every scrape */
  auditStats?: (() => AuditStats) | undefined;
  /** Node's process metrics (CPU, memory, event loop lag); default true */
  processMetrics?: boolean | undefined;
}

/** Rampart's Prometheus metrics on a registry of their own, with typed helpers. */
export interface Metrics {
  readonly registry: Registry;
  /** counts everything a gateway decision says: request, verdicts, findings, tokens, latencies, rejections */
  observeDecision(event: DecisionEvent): void;
  /** one detector's run time, for engines that time each detector */
  observeDetector(detector: string, seconds: number): void;
  /** the text exposition of every metric */
  render(): Promise<string>;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "rampart_" });
  const registers = [registry];
  const requests = new Counter({
    name: "rampart_requests_total",
    help: "Gateway requests by endpoint, HTTP status and verdict",
    labelNames: ["endpoint", "status", "verdict"],
    registers,
  });
  const verdicts = new Counter({
    name: "rampart_verdicts_total",
    help: "Verdicts by threat category (one per category a request touched)",
    labelNames: ["category", "verdict"],
    registers,
  });
  const findings = new Counter({
    name: "rampart_findings_total",
    help: "Detector findings by detector, category and direction",
    labelNames: ["detector", "category", "direction"],
    registers,
  });
  const skipped = new Counter({
    name: "rampart_scans_skipped_total",
    help: "Scans that did not run (timeout, error) by detector and reason",
    labelNames: ["detector", "reason"],
    registers,
  });
  const detectorDuration = new Histogram({
    name: "rampart_detector_duration_seconds",
    help: "Run time of one detector on one text",
    labelNames: ["detector"],
    buckets: SCAN_BUCKETS,
    registers,
  });
  const overhead = new Histogram({
    name: "rampart_gateway_overhead_seconds",
    help: "Time spent in Rampart per request (scans, policy, limits), upstream wait excluded",
    labelNames: ["endpoint"],
    buckets: SCAN_BUCKETS,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: "rampart_upstream_duration_seconds",
    help: "Time waiting for the upstream model per request",
    labelNames: ["upstream"],
    buckets: UPSTREAM_BUCKETS,
    registers,
  });
  const tokens = new Counter({
    name: "rampart_tokens_total",
    help: "Tokens by model and direction (prompt, completion)",
    labelNames: ["model", "direction"],
    registers,
  });
  const limitRejections = new Counter({
    name: "rampart_limit_rejections_total",
    help: "Requests refused by a rate, token or budget limit",
    labelNames: ["endpoint"],
    registers,
  });
  const streamBlocks = new Counter({
    name: "rampart_stream_blocks_total",
    help: "Streamed answers stopped by the output guard",
    labelNames: ["endpoint"],
    registers,
  });
  const auditStats = options.auditStats;
  new Gauge({
    name: "rampart_audit_queue_depth",
    help: "Audit events appended and not yet committed",
    registers,
    collect() {
      if (auditStats !== undefined) this.set(auditStats().queueDepth);
    },
  });
  new Gauge({
    name: "rampart_audit_sink_lag_events",
    help: "Committed audit events a sink has not acknowledged yet",
    labelNames: ["sink"],
    registers,
    collect() {
      if (auditStats === undefined) return;
      for (const sink of auditStats().sinks) this.set({ sink: sink.name }, sink.lag);
    },
  });
  new Gauge({
    name: "rampart_audit_sink_failed_attempts",
    help: "Failed deliveries of a sink since its last success",
    labelNames: ["sink"],
    registers,
    collect() {
      if (auditStats === undefined) return;
      for (const sink of auditStats().sinks) this.set({ sink: sink.name }, sink.attempts);
    },
  });

  return {
    registry,
    observeDecision(event) {
      requests.inc({ endpoint: event.endpoint, status: String(event.status), verdict: event.verdict });
      for (const category of event.categories) verdicts.inc({ category, verdict: event.verdict });
      for (const finding of event.findings) {
        findings.inc({
          detector: finding.detector,
          category: finding.category,
          direction: finding.direction,
        });
      }
      for (const skip of event.skipped) skipped.inc({ detector: skip.detector, reason: skip.reason });
      overhead.observe({ endpoint: event.endpoint }, event.timings.overheadMs / 1000);
      if (event.upstream !== null && event.timings.upstreamMs > 0) {
        upstreamDuration.observe({ upstream: event.upstream }, event.timings.upstreamMs / 1000);
      }
      if (event.usage !== null) {
        const model = event.model ?? "unknown";
        tokens.inc({ model, direction: "prompt" }, event.usage.promptTokens);
        tokens.inc({ model, direction: "completion" }, event.usage.completionTokens);
      }
      if (event.errorCode === "rate_limited") limitRejections.inc({ endpoint: event.endpoint });
      if (event.stream && event.outputVerdict === "block") streamBlocks.inc({ endpoint: event.endpoint });
    },
    observeDetector(detector, seconds) {
      detectorDuration.observe({ detector }, seconds);
    },
    render: () => registry.metrics(),
  };
}
