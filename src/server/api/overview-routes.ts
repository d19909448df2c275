import type { FastifyInstance } from "fastify";
import { getOverview, type Overview, type OverviewWindow } from "../../core/api/index.js";
import { roleCan } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { Store } from "../../store/index.js";
import { createAuditEventQuery, type TimeGranularity } from "../../store/repositories/audit-event-query.js";
import {
  createIncidentRepository,
  type IncidentStatus,
} from "../../store/repositories/incident-repository.js";
import { createRedteamRunRepository } from "../../store/repositories/redteam-run-repository.js";
import { auditChainStatus } from "./audit-routes.js";
import { route } from "./contract-route.js";

export interface OverviewRoutesOptions {
  admins: Authenticator;
  store: Store;
  /** the node this server's audit trail writes */
  trail: { readonly node: string };
  now?: () => Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each window's length, its bucket size, and the slot the store counts in (a bucket holds whole slots). */
const windows: Readonly<Record<OverviewWindow, { length: number; bucket: number; slot: TimeGranularity }>> = {
  "1h": { length: HOUR, bucket: 5 * MINUTE, slot: "minute" },
  "24h": { length: DAY, bucket: HOUR, slot: "hour" },
  "7d": { length: 7 * DAY, bucket: 6 * HOUR, slot: "hour" },
  "30d": { length: 30 * DAY, bucket: DAY, slot: "day" },
};

/** A slot as the store cuts it (`2026-01-31`, `2026-01-31T09`, `2026-01-31T09:15`) back to a time. */
function slotTime(slot: string, granularity: TimeGranularity): number {
  const suffix = { minute: ":00.000Z", hour: ":00:00.000Z", day: "T00:00:00.000Z" }[granularity];
  return Date.parse(`${slot}${suffix}`);
}

/** Incidents that are not yet resolved. */
const unresolved: readonly IncidentStatus[] = ["open", "triaged", "contained"];
/** Per status; far more open incidents than this would be a different problem. */
const INCIDENT_LIMIT = 10_000;
const RUNS_SHOWN = 10;
/** Runs read to find each shown run's predecessor on the same target and model. */
const RUNS_READ = 100;
const TOP_CATEGORIES = 10;

type Traffic = NonNullable<Overview["traffic"]>;
type Counts = Traffic["totals"];
const zero = (): Counts => ({ requests: 0, allow: 0, flag: 0, redact: 0, block: 0 });

/** GET /api/v1/overview: traffic, blocked categories, open incidents, red-team results, audit chain. */
export async function overviewRoutes(app: FastifyInstance, options: OverviewRoutesOptions): Promise<void> {
  const { admins, store } = options;
  const now = options.now ?? (() => new Date());
  const events = createAuditEventQuery(store.db);
  const incidents = createIncidentRepository(store.db);
  const runs = createRedteamRunRepository(store.db);

  async function traffic(
    from: number,
    to: number,
    window: (typeof windows)[OverviewWindow],
  ): Promise<Traffic> {
    const first = await events.firstEventAt();
    const totals = zero();
    if (first === undefined) return { buckets: [], totals };
    // buckets begin where the trail has data: earlier time is unknown, not zero
    const start = Math.max(from, Math.floor(Date.parse(first) / window.bucket) * window.bucket);
    const buckets: Traffic["buckets"] = [];
    for (let at = start; at < to; at += window.bucket)
      buckets.push({ start: new Date(at).toISOString(), ...zero() });
    const counts = await events.verdictCounts(
      new Date(start).toISOString(),
      new Date(to).toISOString(),
      window.slot,
    );
    for (const { slot, verdict, count } of counts) {
      const bucket = buckets[Math.floor((slotTime(slot, window.slot) - start) / window.bucket)];
      if (bucket === undefined) continue;
      bucket.requests += count;
      totals.requests += count;
      if (verdict === "allow" || verdict === "flag" || verdict === "redact" || verdict === "block") {
        bucket[verdict] += count;
        totals[verdict] += count;
      }
    }
    return { buckets, totals };
  }

  async function openIncidents(): Promise<NonNullable<Overview["incidents"]>> {
    const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const status of unresolved) {
      for (const incident of await incidents.list({ status, limit: INCIDENT_LIMIT }))
        bySeverity[incident.severity] += 1;
    }
    return { open: bySeverity.critical + bySeverity.high + bySeverity.medium + bySeverity.low, bySeverity };
  }

  async function redteam(): Promise<NonNullable<Overview["redteam"]>> {
    const recent = await runs.list(RUNS_READ);
    const shown = recent.slice(0, RUNS_SHOWN).map((run, index) => {
      const previous = recent
        .slice(index + 1)
        .find((other) => other.target === run.target && other.model === run.model);
      return {
        id: run.id,
        target: run.target,
        model: run.model,
        finishedAt: run.finishedAt.toISOString(),
        cases: run.cases,
        asr: run.asr,
        previousAsr: previous?.asr ?? null,
        change: previous === undefined ? null : run.asr - previous.asr,
        gatePassed: run.gatePassed ?? null,
      };
    });
    const change = shown[0]?.change ?? null;
    return {
      runs: shown,
      trend: change === null ? null : Math.abs(change) < 1e-9 ? "flat" : change > 0 ? "up" : "down",
    };
  }

  route(app, admins, getOverview, async ({ query, admin }) => {
    const window = windows[query.window];
    const to = now().getTime();
    const from = Math.floor((to - window.length) / window.bucket) * window.bucket;
    const auditRead = roleCan(admin.role, "audit:read");
    if (auditRead) await events.sync();
    return {
      window: query.window,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      bucketSeconds: window.bucket / 1000,
      traffic: auditRead ? await traffic(from, to, window) : null,
      topBlockedCategories: auditRead
        ? await events.categoryCounts(
            new Date(from).toISOString(),
            new Date(to).toISOString(),
            "block",
            TOP_CATEGORIES,
          )
        : null,
      incidents: roleCan(admin.role, "incidents:read") ? await openIncidents() : null,
      redteam: roleCan(admin.role, "redteam:read") ? await redteam() : null,
      auditChain: auditRead ? await auditChainStatus(events, options.trail.node) : null,
    };
  });
}
