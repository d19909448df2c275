import { type Overview, overviewSchema } from "@core/api/overview";

const bucket = (start: string, allow: number, flag: number, redact: number, block: number) => ({
  start,
  requests: allow + flag + redact + block,
  allow,
  flag,
  redact,
  block,
});

/**
 * A 24h overview whose trail began at 08:00: 08:00-11:00 have data (09:00 is an empty bucket); the
 * window's earlier buckets have none. Parsed by the contract's schema so it cannot drift.
 */
export function overviewFixture(overrides: Partial<Overview> = {}): Overview {
  return overviewSchema.parse({
    window: "24h",
    from: "2026-11-19T11:00:00.000Z",
    to: "2026-11-20T11:30:00.000Z",
    bucketSeconds: 3600,
    traffic: {
      buckets: [
        bucket("2026-11-20T08:00:00.000Z", 10, 1, 2, 3),
        bucket("2026-11-20T09:00:00.000Z", 0, 0, 0, 0),
        bucket("2026-11-20T10:00:00.000Z", 4, 0, 0, 2),
        bucket("2026-11-20T11:00:00.000Z", 1, 0, 0, 0),
      ],
      totals: { requests: 23, allow: 15, flag: 1, redact: 2, block: 5 },
    },
    topBlockedCategories: [
      { category: "prompt-injection", count: 4 },
      { category: "secrets", count: 1 },
    ],
    incidents: { open: 3, bySeverity: { critical: 1, high: 0, medium: 2, low: 0 } },
    redteam: {
      runs: [
        {
          id: "rt_3",
          target: "gateway",
          model: "rampart-demo",
          finishedAt: "2026-11-20T09:00:00.000Z",
          cases: 120,
          asr: 0.25,
          previousAsr: 0.2,
          change: 0.05,
          gatePassed: false,
        },
        {
          id: "rt_2",
          target: "upstream",
          model: "other",
          finishedAt: "2026-11-19T09:00:00.000Z",
          cases: 60,
          asr: 0.5,
          previousAsr: null,
          change: null,
          gatePassed: null,
        },
        {
          id: "rt_1",
          target: "gateway",
          model: "rampart-demo",
          finishedAt: "2026-11-18T09:00:00.000Z",
          cases: 120,
          asr: 0.2,
          previousAsr: null,
          change: null,
          gatePassed: true,
        },
      ],
      trend: "up",
    },
    auditChain: {
      node: "node-a",
      events: 1234,
      nodes: [
        {
          node: "node-a",
          events: 1234,
          head: { seq: 1234, hashPrefix: "0123456789ab", at: "2026-11-20T11:29:00.000Z" },
          lastCheckpoint: { seq: 1200, at: "2026-11-20T11:00:00.000Z" },
          uncheckpointed: 34,
        },
      ],
      lastVerification: {
        id: "node-a:1100",
        at: "2026-11-20T10:00:00.000Z",
        ok: true,
        events: 1100,
        firstBreak: null,
        by: { kind: "admin", id: "key_admin" },
      },
    },
    ...overrides,
  });
}
