import type { AuditEventRow } from "@core/api/audit";
import { createStore, type StoreApi } from "zustand/vanilla";

/** Live rows kept above the fetched pages at most; more means the page reloads its list. */
export const LIVE_ROW_LIMIT = 1000;
/** The live region says how many events arrived at most this often. */
export const ANNOUNCE_EVERY_MS = 3000;

export interface LiveState {
  /** rows that arrived over the stream, newest first, shown above the fetched pages */
  rows: AuditEventRow[];
  /** rows that arrived while paused, newest first */
  held: AuditEventRow[];
  paused: boolean;
  /** events received since the page opened (shown or held) */
  received: number;
  /** what the polite live region says: counts, never rows */
  announcement: string;
}

export interface LiveStore extends StoreApi<LiveState> {
  /** queues a row; queued rows are flushed into the state at most once per animation frame */
  add(row: AuditEventRow): void;
  pause(): void;
  resume(): void;
  /** drops every live row (after the list was reloaded) */
  clear(): void;
  dispose(): void;
}

export interface LiveStoreOptions {
  limit?: number;
  /** more rows than `limit` arrived: rows were dropped, so the list must be reloaded to stay whole */
  onOverflow?: () => void;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
  announceEveryMs?: number;
}

/** Newest first: by time, then node, then seq (the server's order). */
function newestFirst(a: AuditEventRow, b: AuditEventRow): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.node !== b.node) return a.node < b.node ? 1 : -1;
  return b.seq - a.seq;
}

function merge(incoming: AuditEventRow[], existing: AuditEventRow[]): AuditEventRow[] {
  const seen = new Set(existing.map((row) => row.id));
  const fresh = incoming.filter((row) => !seen.has(row.id) && seen.add(row.id));
  return fresh.length === 0 ? existing : [...fresh, ...existing].sort(newestFirst);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * The Traffic page's live rows: a bounded store created per mount (never global). Rows from the
 * stream are queued and flushed once per animation frame, deduplicated by id and kept newest first;
 * while paused they are held and counted. The live region is told how many events arrived, at most
 * every `announceEveryMs`.
 */
export function createLiveStore(options: LiveStoreOptions = {}): LiveStore {
  const limit = options.limit ?? LIVE_ROW_LIMIT;
  const requestFrame = options.requestFrame ?? ((callback) => window.requestAnimationFrame(callback));
  const cancelFrame = options.cancelFrame ?? ((handle) => window.cancelAnimationFrame(handle));
  const announceEveryMs = options.announceEveryMs ?? ANNOUNCE_EVERY_MS;
  const store = createStore<LiveState>(() => ({
    rows: [],
    held: [],
    paused: false,
    received: 0,
    announcement: "",
  }));
  let queue: AuditEventRow[] = [];
  let frame: number | undefined;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let unannounced = 0;

  const announce = () => {
    announceTimer = undefined;
    const { paused, held } = store.getState();
    const count = unannounced;
    unannounced = 0;
    if (count === 0) return;
    store.setState({
      announcement: paused
        ? `${plural(count, "new event")} while paused; ${plural(held.length, "event")} waiting. Resume to show them.`
        : `${plural(count, "new event")} added to the top of the table.`,
    });
  };

  const overflow = () => {
    store.setState({ rows: [], held: [] });
    options.onOverflow?.();
  };

  const flush = () => {
    frame = undefined;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const state = store.getState();
    const target = state.paused ? state.held : state.rows;
    const merged = merge(batch, target);
    const added = merged.length - target.length;
    if (added === 0) return;
    unannounced += added;
    announceTimer ??= setTimeout(announce, announceEveryMs);
    if (merged.length > limit) {
      store.setState({ received: state.received + added });
      overflow();
      return;
    }
    store.setState(
      state.paused
        ? { held: merged, received: state.received + added }
        : { rows: merged, received: state.received + added },
    );
  };

  return Object.assign(store, {
    add(row: AuditEventRow) {
      queue.push(row);
      frame ??= requestFrame(flush);
    },
    pause() {
      unannounced = 0;
      store.setState({ paused: true, announcement: "Live updates paused." });
    },
    resume() {
      const { held, rows } = store.getState();
      const merged = merge(held, rows);
      unannounced = 0;
      store.setState({
        paused: false,
        held: [],
        announcement: `Live updates resumed; ${plural(held.length, "held event")} added to the top of the table.`,
      });
      if (merged.length > limit) overflow();
      else store.setState({ rows: merged });
    },
    clear() {
      queue = [];
      store.setState({ rows: [], held: [] });
    },
    dispose() {
      if (frame !== undefined) cancelFrame(frame);
      if (announceTimer !== undefined) clearTimeout(announceTimer);
      frame = undefined;
      announceTimer = undefined;
      queue = [];
    },
  });
}
