import Fastify from "fastify";
import { request } from "undici";
import { describe, expect, it } from "vitest";
import { sampleDecision } from "../audit/test-support/audit-fixtures.js";
import type { DecisionEvent } from "../core/index.js";
import { createMetrics } from "./metrics.js";
import { registerMetricsRoute, withDecisionMetrics } from "./metrics-route.js";

/** The value of one sample line of the exposition, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("metrics", () => {
  it("derives requests, verdicts, findings, tokens, latencies, rejections and stream blocks from decisions", async () => {
    const metrics = createMetrics({
      processMetrics: false,
      auditStats: () => ({
        node: "n",
        queueDepth: 7,
        committedSeq: 10,
        sinks: [{ name: "siem", deliveredSeq: 4, attempts: 2, lastError: "down", lag: 6 }],
      }),
    });
    const recorded: DecisionEvent[] = [];
    const sink = withDecisionMetrics({ record: (event) => void recorded.push(event) }, metrics);
    sink.record(sampleDecision(1)); // allowed, 13 + 30 tokens
    sink.record(sampleDecision(5)); // blocked: prompt-injection
    sink.record(sampleDecision(2, { errorCode: "rate_limited", status: 429, usage: null }));
    sink.record(sampleDecision(4, { stream: true, outputVerdict: "block", verdict: "block" }));
    expect(recorded).toHaveLength(4);
    const text = await metrics.render();
    expect(
      sample(text, 'rampart_requests_total{endpoint="/v1/chat/completions",status="200",verdict="allow"}'),
    ).toBe(1);
    expect(sample(text, 'rampart_verdicts_total{category="prompt-injection",verdict="block"}')).toBe(1);
    expect(
      sample(
        text,
        'rampart_findings_total{detector="prompt-injection",category="prompt-injection",direction="input"}',
      ),
    ).toBe(1);
    expect(sample(text, 'rampart_tokens_total{model="llama-3-8b",direction="prompt"}')).toBe(13 + 16);
    expect(sample(text, 'rampart_limit_rejections_total{endpoint="/v1/chat/completions"}')).toBe(1);
    expect(sample(text, 'rampart_stream_blocks_total{endpoint="/v1/chat/completions"}')).toBe(1);
    expect(sample(text, 'rampart_upstream_duration_seconds_count{upstream="vllm"}')).toBe(4);
    expect(sample(text, "rampart_audit_queue_depth")).toBe(7);
    expect(sample(text, 'rampart_audit_sink_lag_events{sink="siem"}')).toBe(6);
    metrics.observeDetector("pii", 0.0004);
    expect(
      sample(await metrics.render(), 'rampart_detector_duration_seconds_bucket{le="0.0005",detector="pii"}'),
    ).toBe(1);
  });

  it("serves the exposition over HTTP at /metrics", async () => {
    const app = Fastify();
    const metrics = createMetrics();
    metrics.observeDecision(sampleDecision(1));
    registerMetricsRoute(app, metrics);
    await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const address = app.server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      const response = await request(`http://127.0.0.1:${port}/metrics`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toContain("text/plain");
      const body = await response.body.text();
      expect(body).toContain("rampart_requests_total");
      expect(body).toContain("rampart_process_cpu_seconds_total");
    } finally {
      await app.close();
    }
  });
});
