import { AUDIT_STREAM_EVENT, type AuditEventRow, listAuditEvents, streamAuditEvents } from "@core/api/audit";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { call } from "@/lib/api-client";
import { type StreamState, useEventStream } from "@/lib/event-stream";
import { matchesSearch } from "../lib/live-filter";
import { createLiveStore, type LiveState } from "../lib/live-store";
import { eventsRequest, type TrafficSearch } from "../lib/search";
import { auditKeys } from "./queries";

export interface LiveEvents
  extends Pick<LiveState, "rows" | "held" | "paused" | "received" | "announcement"> {
  stream: StreamState;
  pause(): void;
  resume(): void;
}

/**
 * New audit events for the Traffic page: one stream per mount (closed on unmount), its rows filtered
 * like the list and kept in a bounded store of this mount. Each time the stream (re)opens, the newest
 * page is asked for once so events committed before the stream started are not missed; `isShown`
 * leaves out rows the table already has. When the store overflows, the list is reloaded.
 */
export function useLiveEvents(
  search: TrafficSearch,
  from: string | undefined,
  isShown: (row: AuditEventRow) => boolean,
): LiveEvents {
  const queryClient = useQueryClient();
  const [store] = useState(() =>
    createLiveStore({
      onOverflow: () => void queryClient.resetQueries({ queryKey: auditKeys.list(search) }),
    }),
  );
  useEffect(() => () => store.dispose(), [store]);

  const stream = useEventStream({
    endpoint: streamAuditEvents,
    event: AUDIT_STREAM_EVENT,
    onEvent: (row) => {
      if (matchesSearch(row, search, from)) store.add(row);
    },
    onOpen: () => {
      call(listAuditEvents, { query: { ...eventsRequest(search, from, undefined), limit: 100 } })
        .then((page) => {
          for (const row of page.data) if (!isShown(row)) store.add(row);
        })
        // the table stays as it is; the next event or a reload brings it up to date
        .catch(() => undefined);
    },
  });

  const state = useStore(store);
  return {
    rows: state.rows,
    held: state.held,
    paused: state.paused,
    received: state.received,
    announcement: state.announcement,
    stream,
    pause: store.pause,
    resume: store.resume,
  };
}
