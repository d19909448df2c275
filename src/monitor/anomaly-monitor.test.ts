import { describe, expect, it } from "vitest";
import type { DecisionEvent } from "../core/index.js";
import { createAnomalyMonitor } from "./anomaly-monitor.js";
import { loadMonitorRules, parseMonitorRules } from "./monitor-rules.js";

const start = Date.parse("2026-11-27T10:00:00.000Z");

function event(overrides: Partial<DecisionEvent> & { offsetSeconds?: number } = {}): DecisionEvent {
  const { offsetSeconds = 0, ...rest } = overrides;
  return {
    type: "gateway.decision",
    requestId: `req_${offsetSeconds}_${Math.round(Math.random() * 1e9)}`,
    at: new Date(start + offsetSeconds * 1000).toISOString(),
    endpoint: "/v1/chat/completions",
    principal: { keyId: "key_a", role: "app", app: "support", team: null },
    model: "demo",
    upstream: "demo",
    stream: false,
    status: 200,
    verdict: "allow",
    inputVerdict: "allow",
    outputVerdict: "allow",
    categories: [],
    findings: [],
    skipped: [],
    errorCode: null,
    usage: { promptTokens: 10, completionTokens: 10 },
    timings: { totalMs: 5, overheadMs: 1, upstreamMs: 4 },
    ...rest,
  };
}

const injection = {
  detector: "prompt-injection",
  category: "prompt-injection" as const,
  rule: "ignore-previous",
  score: 0.99,
  direction: "input" as const,
  start: 0,
  end: 10,
};

describe("monitor rules", () => {
  it("loads the shipped rules file", () => {
    const rules = loadMonitorRules();
    expect(rules.map((rule) => rule.id)).toContain("repeated-injection");
    expect(rules.find((rule) => rule.id === "repeated-injection")?.playbook).toBe(
      "prompt-injection-campaign",
    );
  });

  it("refuses unknown keys and duplicate ids with the path", () => {
    expect(() =>
      parseMonitorRules(
        "version: 1\nrules:\n  - {id: a, kind: new-model, severity: low, bogus: 1}",
        "x.yaml",
      ),
    ).toThrow(/x\.yaml: rules\.0/);
    const twice =
      "version: 1\nrules:\n  - {id: a, kind: new-model, severity: low}\n  - {id: a, kind: unusual-hour, severity: low}";
    expect(() => parseMonitorRules(twice, "y.yaml")).toThrow(/'a' appears twice/);
  });
});

describe("anomaly monitor", () => {
  const rules = loadMonitorRules();

  it("raises one alert for repeated injections from one key, deduplicated in the window", () => {
    const monitor = createAnomalyMonitor({ rules });
    const raised = [0, 10, 20, 30, 40].map((offsetSeconds) =>
      monitor.observe(
        event({ offsetSeconds, verdict: "block", categories: ["prompt-injection"], findings: [injection] }),
        {
          node: "n1",
          seq: offsetSeconds,
        },
      ),
    );
    expect(raised.map((alerts) => alerts.length)).toEqual([0, 0, 1, 0, 0]);
    const alert = raised[2]?.[0];
    expect(alert?.rule).toBe("repeated-injection");
    expect(alert?.principal).toBe("key:key_a");
    expect(alert?.playbook).toBe("prompt-injection-campaign");
    expect(alert?.evidence.events).toEqual([
      { node: "n1", seq: 0 },
      { node: "n1", seq: 10 },
      { node: "n1", seq: 20 },
    ]);
  });

  it("counts injections per key, and forgets those outside the window", () => {
    const monitor = createAnomalyMonitor({ rules });
    const attempt = (keyId: string, offsetSeconds: number) =>
      monitor.observe(
        event({
          offsetSeconds,
          principal: { keyId, role: "app", app: null, team: null },
          findings: [injection],
        }),
      );
    expect(attempt("key_a", 0)).toEqual([]);
    expect(attempt("key_b", 1)).toEqual([]);
    expect(attempt("key_a", 400)).toEqual([]);
    expect(attempt("key_b", 401)).toEqual([]);
    expect(attempt("key_a", 402)).toEqual([]);
    expect(attempt("key_a", 403).map((alert) => alert.rule)).toEqual(["repeated-injection"]);
  });

  it("flags a secret in output at once, but not a secret in input", () => {
    const monitor = createAnomalyMonitor({ rules });
    const secret = { ...injection, detector: "secrets", category: "secret" as const, rule: "aws-key" };
    expect(monitor.observe(event({ findings: [secret] }))).toEqual([]);
    const alerts = monitor.observe(
      event({ offsetSeconds: 1, findings: [{ ...secret, direction: "output" }] }),
    );
    expect(alerts.map((alert) => [alert.rule, alert.severity, alert.playbook])).toEqual([
      ["output-secret-leak", "critical", "secret-leak"],
    ]);
  });

  it("learns a request-rate baseline and alerts on a spike far above it", () => {
    const rateOnly = parseMonitorRules(
      "version: 1\nrules:\n  - {id: rate, kind: baseline, metric: requests, bucketSeconds: 60, zScore: 4, minBuckets: 10, minValue: 10, severity: medium}",
      "rate.yaml",
    );
    const monitor = createAnomalyMonitor({ rules: rateOnly });
    const alerts = [];
    for (let minute = 0; minute < 20; minute += 1) {
      for (let request = 0; request < 3 + (minute % 2); request += 1)
        alerts.push(...monitor.observe(event({ offsetSeconds: minute * 60 + request })));
    }
    expect(alerts).toEqual([]);
    for (let request = 0; request < 40; request += 1)
      alerts.push(...monitor.observe(event({ offsetSeconds: 20 * 60 + request })));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toMatch(/requests \d+ in 60 s against a baseline of 3\.\d/);
  });

  it("alerts on a new model and a new hour only after the warm-up", () => {
    const history = parseMonitorRules(
      "version: 1\nrules:\n  - {id: model, kind: new-model, warmupEvents: 5, severity: low}\n  - {id: hour, kind: unusual-hour, warmupEvents: 5, severity: low}",
      "history.yaml",
    );
    const monitor = createAnomalyMonitor({ rules: history });
    expect(monitor.observe(event({ model: "other" }))).toEqual([]);
    for (let index = 1; index < 6; index += 1)
      expect(monitor.observe(event({ offsetSeconds: index }))).toEqual([]);
    expect(monitor.observe(event({ offsetSeconds: 10, model: "big" })).map((alert) => alert.rule)).toEqual([
      "model",
    ]);
    expect(monitor.observe(event({ offsetSeconds: 5 * 3600 })).map((alert) => alert.rule)).toEqual(["hour"]);
    expect(monitor.observe(event({ offsetSeconds: 5 * 3600 + 60 }))).toEqual([]);
    const night = monitor.observe(event({ offsetSeconds: 6 * 3600 }));
    expect(night.map((alert) => alert.evidence.observed.hour)).toEqual([16]);
  });
});
