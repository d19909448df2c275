import type { FastifyInstance } from "fastify";
import type { DecisionSink } from "../core/index.js";
import type { Metrics } from "./metrics.js";

/**
 * Serves the Prometheus text format at `path` (default /metrics). Mount it on the listener the
 * operators scrape; it carries no secrets but does show model and detector names.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics, path = "/metrics"): void {
  app.get(path, async (_request, reply) => {
    const body = await metrics.render();
    return reply.type(metrics.registry.contentType).send(body);
  });
}

/**
 * Wraps a decision sink so that every decision also feeds the metrics: the gateway makes no extra
 * call. The wrapped sink's result (the audit commit promise) is passed through unchanged.
 */
export function withDecisionMetrics(sink: DecisionSink, metrics: Metrics): DecisionSink {
  return {
    record(event, content) {
      metrics.observeDecision(event);
      return sink.record(event, content);
    },
  };
}
