import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DecisionEvent } from "../core/index.js";
import { createAlertRepository } from "../store/repositories/alert-repository.js";
import { type TestStore, testDatabases } from "../store/test-support/test-databases.js";
import { createAnomalyMonitor } from "./anomaly-monitor.js";
import { parseMonitorRules } from "./monitor-rules.js";
import { createAlertDispatcher, createMonitorPipeline, withMonitor } from "./with-monitor.js";

const rules = parseMonitorRules(
  "version: 1\nrules:\n  - {id: leak, kind: category-count, categories: [secret], direction: output, threshold: 1, windowSeconds: 60, severity: critical, playbook: secret-leak, openIncident: true}",
  "leak.yaml",
);

const leak: DecisionEvent = {
  type: "gateway.decision",
  requestId: "req_1",
  at: "2026-11-27T10:00:00.000Z",
  endpoint: "/v1/chat/completions",
  principal: { keyId: "key_a", role: "app", app: null, team: null },
  model: "demo",
  upstream: "demo",
  stream: false,
  status: 200,
  verdict: "redact",
  inputVerdict: "allow",
  outputVerdict: "redact",
  categories: ["secret"],
  findings: [
    { detector: "secrets", category: "secret", rule: "aws", score: 1, direction: "output", start: 0, end: 4 },
  ],
  skipped: [],
  errorCode: null,
  usage: null,
  timings: { totalMs: 1, overheadMs: 1, upstreamMs: 0 },
};

describe("withMonitor", () => {
  let testStore: TestStore;
  const bodies: string[] = [];
  const webhook = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      bodies.push(body);
      response.writeHead(200).end("ok");
    });
  });

  beforeEach(async () => {
    testStore = await (testDatabases()[0]?.open() ?? Promise.reject(new Error("no sqlite")));
    await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => webhook.close(() => resolve()));
    await testStore.dispose();
  });

  it("records first, then stores the alert, posts Slack-style JSON and hands it on", async () => {
    const recorded: string[] = [];
    const handed: string[] = [];
    const alerts = createAlertRepository(testStore.store.db);
    const port = (webhook.address() as AddressInfo).port;
    const pipeline = createMonitorPipeline(
      createAnomalyMonitor({ rules }),
      createAlertDispatcher({
        alerts,
        webhooks: [{ url: `http://127.0.0.1:${port}/hook` }],
        onAlert: async (alert) => {
          handed.push(alert.id);
        },
      }),
    );
    const sink = withMonitor({ record: (event) => void recorded.push(event.requestId) }, pipeline);
    await sink.record(leak);
    await pipeline.settled();
    expect(recorded).toEqual(["req_1"]);
    const stored = await alerts.list();
    expect(stored.map((alert) => [alert.rule, alert.principal, alert.playbook])).toEqual([
      ["leak", "key:key_a", "secret-leak"],
    ]);
    expect(handed).toEqual([stored[0]?.id]);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('"text":"[CRITICAL] Rampart alert leak');
    expect(bodies[0]).toContain('"blocks"');
  });

  it("keeps the gateway going when the webhook fails", async () => {
    const errors: string[] = [];
    const alerts = createAlertRepository(testStore.store.db);
    const pipeline = createMonitorPipeline(
      createAnomalyMonitor({ rules }),
      createAlertDispatcher({
        alerts,
        webhooks: [{ url: "http://127.0.0.1:1/closed", timeoutMs: 2000 }],
        onError: (_error, where) => errors.push(where),
      }),
    );
    await withMonitor({ record: async () => undefined }, pipeline).record(leak);
    await pipeline.settled();
    expect(errors).toEqual(["alert webhook http://127.0.0.1:1/closed"]);
    expect(await alerts.list()).toHaveLength(1);
  });
});
