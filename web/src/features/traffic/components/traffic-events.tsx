import type { AuditEventRow } from "@core/api/audit";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import { VirtualDataTable } from "@/components/data-table/virtual-data-table";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { ForbiddenState } from "@/components/states/forbidden-state";
import { LoadingState } from "@/components/states/loading-state";
import { ApiError } from "@/lib/api-client";
import { formatCount } from "@/lib/format";
import { auditEventsQuery } from "../api/queries";
import { useLiveEvents } from "../api/use-live-events";
import { isFiltered, type TrafficSearch } from "../lib/search";
import { auditEventColumns } from "./audit-event-columns";
import { LiveControls } from "./live-controls";

const NO_ROWS: AuditEventRow[] = [];
const ROW_HEIGHT = 40;
const getRowId = (row: AuditEventRow) => row.id;

/**
 * The event table: pages from the server (newest first, more as the reader scrolls), with events
 * from the live stream above them. Mounted once per search (the page keys it), so a new filter starts
 * a new list, a new stream and a new live store.
 */
export function TrafficEvents({ search }: { search: TrafficSearch }) {
  const query = useInfiniteQuery(auditEventsQuery(search));
  const pages = query.data?.pages;
  const fetched = useMemo(() => pages?.flatMap((page) => page.data) ?? NO_ROWS, [pages]);
  const fetchedIds = useMemo(() => new Set(fetched.map((row) => row.id)), [fetched]);
  const live = useLiveEvents(search, pages?.[0]?.from, (row) => fetchedIds.has(row.id));
  const rows = useMemo(() => {
    const fresh = live.rows.filter((row) => !fetchedIds.has(row.id));
    return fresh.length === 0 ? fetched : [...fresh, ...fetched];
  }, [live.rows, fetched, fetchedIds]);

  const announcer = (
    <p role="status" className="sr-only">
      {live.announcement}
    </p>
  );
  if (query.isPending) return <LoadingState rows={10} label="Loading audit events" />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 403)
      return <ForbiddenState scope="audit:read" />;
    return (
      <ErrorState
        error={query.error}
        title="The audit events could not be loaded"
        retry={() => void query.refetch()}
      />
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <LiveControls live={live} />
        <p className="text-sm text-muted-foreground">
          {formatCount(rows.length)} events shown{query.hasNextPage ? "; older ones load as you scroll" : ""}
        </p>
      </div>
      {announcer}
      {rows.length === 0 && !isFiltered(search) ? (
        <EmptyState title="No traffic yet">
          Send a request through the gateway (<code>POST /v1/chat/completions</code> with a gateway key); it
          appears here as it happens.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No events match these filters">
          New matching events appear here as they happen.{" "}
          <Link to="/traffic" className="text-primary underline">
            Clear the filters
          </Link>
        </EmptyState>
      ) : (
        <VirtualDataTable
          caption="Audit events, newest first"
          columns={auditEventColumns}
          data={rows}
          getRowId={getRowId}
          rowHeight={ROW_HEIGHT}
          height={Math.min(600, ROW_HEIGHT * (rows.length + 1) + 2 + (query.hasNextPage ? 48 : 0))}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
          loadMoreLabel="Load older events"
          minWidth="60rem"
        />
      )}
    </div>
  );
}
