import type { DecisionEvent } from "../core/index.js";
import type { NewAlert } from "../store/repositories/alert-repository.js";
import { EwmaBaseline } from "./ewma-baseline.js";
import type { BaselineRule, CategoryCountRule, MonitorRule } from "./monitor-rules.js";

/** Where a decision event sits in the audit trail, when the monitor is fed by the trail. */
export interface EventPosition {
  node: string;
  seq: number;
}

export interface AnomalyMonitor {
  /** evaluates every rule on one event; returns the alerts it raises (already deduplicated) */
  observe(event: DecisionEvent, position?: EventPosition): NewAlert[];
}

export interface AnomalyMonitorOptions {
  rules: readonly MonitorRule[];
  /** bound on the principals the monitor remembers per rule; the oldest is forgotten first */
  maxPrincipals?: number;
}

interface Hit {
  at: number;
  requestId: string;
  position: EventPosition | undefined;
}

interface BaselineState {
  baseline: EwmaBaseline;
  bucket: number;
  value: number;
}

interface HistoryState {
  events: number;
  models: Set<string>;
  hours: Set<number>;
}

/** `key:<id>` or `app:<name>`; null when the rule's scope is missing from the event. */
function principalOf(event: DecisionEvent, per: "key" | "app"): string | null {
  if (event.principal === null) return null;
  if (per === "key") return `key:${event.principal.keyId}`;
  return event.principal.app === null ? null : `app:${event.principal.app}`;
}

function metricValue(event: DecisionEvent, metric: BaselineRule["metric"]): number {
  if (metric === "requests") return 1;
  if (metric === "tokens") return (event.usage?.promptTokens ?? 0) + (event.usage?.completionTokens ?? 0);
  return event.verdict === "block" ? 1 : 0;
}

/** The most buckets of silence fed to a baseline at once; a longer gap counts as this many. */
const MAX_GAP_BUCKETS = 60;

/** Builds the monitor: state is in memory, per rule and principal, bounded by `maxPrincipals`. */
export function createAnomalyMonitor(options: AnomalyMonitorOptions): AnomalyMonitor {
  const maxPrincipals = options.maxPrincipals ?? 10_000;
  const states = new Map<string, Map<string, unknown>>();
  const lastAlert = new Map<string, number>();

  function stateOf<State>(rule: string, principal: string, make: () => State): State {
    let perRule = states.get(rule);
    if (perRule === undefined) {
      perRule = new Map();
      states.set(rule, perRule);
    }
    let state = perRule.get(principal) as State | undefined;
    if (state === undefined) {
      state = make();
      perRule.set(principal, state);
      if (perRule.size > maxPrincipals) {
        const oldest = perRule.keys().next().value;
        if (oldest !== undefined) perRule.delete(oldest);
      }
    }
    return state;
  }

  function categoryCount(
    rule: CategoryCountRule,
    event: DecisionEvent,
    now: number,
    hit: Hit,
  ): NewAlert | null {
    const principal = principalOf(event, rule.per);
    if (principal === null) return null;
    const matching = new Set(
      event.findings
        .filter((finding) => rule.direction === "any" || finding.direction === rule.direction)
        .filter((finding) => rule.categories.length === 0 || rule.categories.includes(finding.category))
        .map((finding) => (rule.categories.length === 0 ? finding.category : "*")),
    );
    for (const group of matching) {
      const hits = stateOf<Hit[]>(rule.id, `${principal}|${group}`, () => []);
      hits.push(hit);
      while (hits.length > 0 && (hits[0]?.at ?? now) <= now - rule.windowSeconds * 1000) hits.shift();
      if (hits.length > rule.threshold * 4) hits.splice(0, hits.length - rule.threshold * 4);
      if (hits.length >= rule.threshold) {
        const what = group === "*" ? rule.categories.join(", ") : group;
        return alertOf(
          rule,
          event,
          principal,
          `${hits.length} ${what} findings in ${rule.windowSeconds} s`,
          hits,
          {
            count: hits.length,
            windowSeconds: rule.windowSeconds,
          },
        );
      }
    }
    return null;
  }

  function baseline(rule: BaselineRule, event: DecisionEvent, now: number, hit: Hit): NewAlert | null {
    const principal = principalOf(event, rule.per);
    if (principal === null) return null;
    const bucket = Math.floor(now / (rule.bucketSeconds * 1000));
    const state = stateOf<BaselineState>(rule.id, principal, () => ({
      baseline: new EwmaBaseline(rule.alpha),
      bucket,
      value: 0,
    }));
    if (bucket > state.bucket) {
      state.baseline.update(state.value);
      const gap = Math.min(bucket - state.bucket - 1, MAX_GAP_BUCKETS);
      for (let index = 0; index < gap; index += 1) state.baseline.update(0);
      state.bucket = bucket;
      state.value = 0;
    }
    state.value += metricValue(event, rule.metric);
    if (state.baseline.samples < rule.minBuckets || state.value < rule.minValue) return null;
    const score = state.baseline.score(state.value);
    if (score < rule.zScore) return null;
    return alertOf(
      rule,
      event,
      principal,
      `${rule.metric} ${state.value} in ${rule.bucketSeconds} s against a baseline of ${state.baseline.average.toFixed(1)} (z ${score.toFixed(1)})`,
      [hit],
      {
        value: state.value,
        baseline: Number(state.baseline.average.toFixed(3)),
        zScore: Number(score.toFixed(2)),
      },
    );
  }

  function history(
    rule: MonitorRule & { warmupEvents: number },
    event: DecisionEvent,
    now: number,
    hit: Hit,
  ) {
    const principal = principalOf(event, rule.per);
    if (principal === null) return null;
    const state = stateOf<HistoryState>(rule.id, principal, () => ({
      events: 0,
      models: new Set(),
      hours: new Set(),
    }));
    const warm = state.events >= rule.warmupEvents;
    state.events += 1;
    if (rule.kind === "new-model") {
      const model = event.model;
      if (model === null || state.models.has(model)) return null;
      state.models.add(model);
      return warm ? alertOf(rule, event, principal, `first use of model ${model}`, [hit], { model }) : null;
    }
    const hour = new Date(now).getUTCHours();
    if (state.hours.has(hour)) return null;
    state.hours.add(hour);
    return warm ? alertOf(rule, event, principal, `first use at ${hour}:00 UTC`, [hit], { hour }) : null;
  }

  function alertOf(
    rule: MonitorRule,
    event: DecisionEvent,
    principal: string,
    detail: string,
    hits: readonly Hit[],
    observed: Record<string, number | string>,
  ): NewAlert {
    return {
      rule: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      principal,
      keyId: event.principal?.keyId ?? null,
      app: event.principal?.app ?? null,
      message: `${rule.description === "" ? rule.id : rule.description}: ${detail} (${principal})`,
      playbook: rule.openIncident ? rule.playbook : null,
      evidence: {
        requestIds: hits.map((entry) => entry.requestId),
        events: hits.flatMap((entry) => (entry.position === undefined ? [] : [entry.position])),
        observed,
      },
      raisedAt: new Date(Date.parse(event.at)),
    };
  }

  return {
    observe(event, position) {
      const parsedAt = Date.parse(event.at);
      const now = Number.isNaN(parsedAt) ? Date.now() : parsedAt;
      const hit: Hit = { at: now, requestId: event.requestId, position };
      const alerts: NewAlert[] = [];
      for (const rule of options.rules) {
        const alert =
          rule.kind === "category-count"
            ? categoryCount(rule, event, now, hit)
            : rule.kind === "baseline"
              ? baseline(rule, event, now, hit)
              : history(rule, event, now, hit);
        if (alert === null) continue;
        const dedupKey = `${rule.id}|${alert.principal}`;
        const previous = lastAlert.get(dedupKey);
        if (previous !== undefined && now - previous < rule.dedupSeconds * 1000) continue;
        lastAlert.delete(dedupKey);
        lastAlert.set(dedupKey, now);
        if (lastAlert.size > maxPrincipals) {
          const oldest = lastAlert.keys().next().value;
          if (oldest !== undefined) lastAlert.delete(oldest);
        }
        alerts.push(alert);
      }
      return alerts;
    },
  };
}
