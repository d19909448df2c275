import { z } from "zod";
import { auditChainStatusSchema } from "./audit.js";
import { endpoint } from "./contract.js";

/** The dashboard's Overview page in one call (docs/management-api.md, "Overview"). */

export const overviewWindows = ["1h", "24h", "7d", "30d"] as const;
export const overviewWindowSchema = z.enum(overviewWindows);
export type OverviewWindow = z.infer<typeof overviewWindowSchema>;

const verdictCounts = {
  /** gateway decisions (requests) */
  requests: z.number().int(),
  allow: z.number().int(),
  flag: z.number().int(),
  redact: z.number().int(),
  block: z.number().int(),
};

export const overviewBucketSchema = z.object({
  /** ISO 8601 UTC start of the bucket; it lasts `bucketSeconds` */
  start: z.string(),
  ...verdictCounts,
});

export const overviewSchema = z.object({
  window: overviewWindowSchema,
  /** the start of the first bucket the window touches (UTC, aligned to the bucket size) */
  from: z.string(),
  /** now */
  to: z.string(),
  /** 300 for 1h, 3600 for 24h, 21600 for 7d, 86400 for 30d */
  bucketSeconds: z.number().int(),
  /**
   * Requests and verdicts per bucket, oldest first. Buckets begin where the audit trail has data
   * (its oldest kept event), so time before the trail began or before retention removed it is left
   * out rather than shown as zero. null when the caller lacks `audit:read`.
   */
  traffic: z
    .object({
      buckets: z.array(overviewBucketSchema),
      totals: z.object(verdictCounts),
    })
    .nullable(),
  /** categories found in blocked requests in the window, most frequent first (at most 10); null without `audit:read` */
  topBlockedCategories: z.array(z.object({ category: z.string(), count: z.number().int() })).nullable(),
  /** incidents not yet resolved (open, triaged or contained); null without `incidents:read` */
  incidents: z
    .object({
      open: z.number().int(),
      bySeverity: z.object({
        critical: z.number().int(),
        high: z.number().int(),
        medium: z.number().int(),
        low: z.number().int(),
      }),
    })
    .nullable(),
  /**
   * The newest saved red-team runs (at most 10, newest first) with their attack success rate and its
   * change against the previous run on the same target and model (lower is better); `trend` is that
   * change for the newest run. null without `redteam:read`.
   */
  redteam: z
    .object({
      runs: z.array(
        z.object({
          id: z.string(),
          target: z.string(),
          model: z.string(),
          finishedAt: z.string(),
          cases: z.number().int(),
          /** attack success rate, 0..1 */
          asr: z.number(),
          previousAsr: z.number().nullable(),
          /** asr - previousAsr */
          change: z.number().nullable(),
          gatePassed: z.boolean().nullable(),
        }),
      ),
      trend: z.enum(["up", "down", "flat"]).nullable(),
    })
    .nullable(),
  /** as `GET /api/v1/audit/status`; null without `audit:read` */
  auditChain: auditChainStatusSchema.nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;

/**
 * Any signed-in admin may call it; each section needs the read scope of its area and is null
 * without it.
 */
export const getOverview = endpoint({
  method: "GET",
  path: "/api/v1/overview",
  scope: null,
  query: z.object({ window: overviewWindowSchema.default("24h") }),
  response: overviewSchema,
});
