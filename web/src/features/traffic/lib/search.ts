import { type listAuditEvents, listAuditEventsQuerySchema } from "@core/api/audit";
import type { EndpointRequest } from "@core/api/contract";
import { z } from "zod";

/** Rows asked for per page of the event table. */
export const EVENTS_PAGE_SIZE = 200;

export const trafficRanges = ["15m", "1h", "24h", "7d", "30d"] as const;
export type TrafficRange = (typeof trafficRanges)[number];
const rangeMs: Record<TrafficRange, number> = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

const contract = listAuditEventsQuerySchema.shape;
type ListField =
  | typeof contract.app
  | typeof contract.verdict
  | typeof contract.kind
  | typeof contract.category;

/**
 * A list filter as the URL keeps it: comma-separated text. Each value is checked with the contract's
 * own schema for that parameter; values it refuses are dropped (so an edited link still opens), and
 * the result is undefined when none is left.
 */
function listFilter(field: ListField) {
  return z
    .string()
    .optional()
    .catch(undefined)
    .transform((text) => {
      if (text === undefined) return undefined;
      const kept = new Set<string>();
      for (const part of text.split(",")) {
        const parsed = field.safeParse(part);
        for (const value of parsed.success ? (parsed.data ?? []) : []) kept.add(value);
      }
      return kept.size === 0 ? undefined : [...kept].join(",");
    });
}

/**
 * The Traffic page's URL search: time (a recent range, or from/to), app, key, model, verdict, event
 * kind, category and a part of the request id. Filters survive a reload and travel in a shared link.
 */
export const trafficSearchSchema = z.object({
  range: z.enum(trafficRanges).optional().catch(undefined),
  from: contract.from.catch(undefined),
  to: contract.to.catch(undefined),
  kind: listFilter(contract.kind),
  app: listFilter(contract.app),
  keyId: listFilter(contract.keyId),
  model: listFilter(contract.model),
  verdict: listFilter(contract.verdict),
  category: listFilter(contract.category),
  q: contract.q.catch(undefined),
});
export type TrafficSearch = z.infer<typeof trafficSearchSchema>;

/** The start of the time filter: `from`, else the start of the recent range at `now`. */
export function searchFrom(search: TrafficSearch, now: number): string | undefined {
  if (search.from !== undefined) return search.from;
  return search.range === undefined ? undefined : new Date(now - rangeMs[search.range]).toISOString();
}

/** Whether any filter is set. */
export function isFiltered(search: TrafficSearch): boolean {
  return Object.values(search).some((value) => value !== undefined);
}

/** The list request of the events endpoint for the search (the page's `from` fixed at its first page). */
export function eventsRequest(
  search: TrafficSearch,
  from: string | undefined,
  cursor: string | undefined,
): NonNullable<EndpointRequest<typeof listAuditEvents>["query"]> {
  const query: NonNullable<EndpointRequest<typeof listAuditEvents>["query"]> = { limit: EVENTS_PAGE_SIZE };
  if (from !== undefined) query.from = from;
  if (search.to !== undefined) query.to = search.to;
  for (const key of ["kind", "app", "keyId", "model", "verdict", "category", "q"] as const) {
    const value = search[key];
    if (value !== undefined) query[key] = value;
  }
  if (cursor !== undefined) query.cursor = cursor;
  return query;
}
