import { getAuditEvent, listAuditEvents } from "@core/api/audit";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { call } from "@/lib/api-client";
import { eventsRequest, searchFrom, type TrafficSearch } from "../lib/search";

/** Hierarchical keys: ['audit'] covers the trail (lists, events, status). */
export const auditKeys = {
  all: ["audit"] as const,
  lists: () => ["audit", "events", "list"] as const,
  list: (search: TrafficSearch) => ["audit", "events", "list", search] as const,
  event: (id: string) => ["audit", "events", "detail", id] as const,
};

interface EventsPageParam {
  cursor: string | undefined;
  /** the time filter's start, fixed when the first page was asked for */
  from: string | undefined;
}

/**
 * The audit events of the Traffic page, newest first, cursor-paged by the server. A recent range
 * ("last hour") becomes a start time once, at the first page, so later pages continue the same list.
 */
export const auditEventsQuery = (search: TrafficSearch) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(search),
    initialPageParam: { cursor: undefined, from: undefined } as EventsPageParam,
    queryFn: async ({ pageParam }) => {
      const from = pageParam.cursor === undefined ? searchFrom(search, Date.now()) : pageParam.from;
      const page = await call(listAuditEvents, { query: eventsRequest(search, from, pageParam.cursor) });
      return { ...page, from };
    },
    getNextPageParam: (last): EventsPageParam | undefined =>
      last.nextCursor === null ? undefined : { cursor: last.nextCursor, from: last.from },
  });

/** One event with its findings and stored content. */
export const auditEventQuery = (id: string) =>
  queryOptions({
    queryKey: auditKeys.event(id),
    queryFn: () => call(getAuditEvent, { params: { seq: id } }),
  });
