import {
  type Endpoint,
  type EndpointRequest,
  type EndpointResponse,
  endpointPath,
  endpointQueryString,
} from "@core/api/contract";
import { useEffect, useEffectEvent, useState } from "react";

/**
 * Server-Sent Events from a contract endpoint (DESIGN-web.md §9). The only user of the browser's
 * `EventSource`: same origin, so the session cookie authenticates it; each message's data is parsed
 * with the endpoint's response schema; it resumes from the last event id.
 *
 * Resuming: while the browser reconnects by itself (a dropped connection, a server restart) it sends
 * the last id in `Last-Event-ID`. When the browser gives up (an answer that is not an event stream,
 * such as a 502 from a proxy) this module opens a new connection after a delay and passes the last id
 * it received as the `lastEventId` query parameter, which the server treats the same way.
 */

export type StreamState = "connecting" | "open" | "reconnecting" | "closed";

/** What this module needs of `EventSource` (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string> | Event) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

/** EventSource.CLOSED: the browser will not reconnect by itself. */
const CLOSED = 2;
/** Delays before reopening a stream the browser gave up on; the last repeats. */
export const REOPEN_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000];

export interface EventStreamOptions<E extends Endpoint> {
  endpoint: E;
  /** the SSE event name (`event:` line) whose data is the endpoint's response */
  event: string;
  request?: Pick<EndpointRequest<E>, "params" | "query">;
  /** start after this position (for example the id of the last event already shown) */
  lastEventId?: string | null;
  onEvent: (data: EndpointResponse<E>, id: string) => void;
  /** every (re)connection; a page refetches what it may have missed while not connected */
  onOpen?: () => void;
  onStateChange?: (state: StreamState) => void;
  /** a message that is not JSON or does not match the contract (it is skipped) */
  onInvalid?: (reason: string) => void;
  createEventSource?: EventSourceFactory;
  reopenDelaysMs?: readonly number[];
}

export interface EventStream {
  close(): void;
  /** the id of the last event received (the resume position), or the initial one */
  lastEventId(): string | null;
}

const browserEventSource: EventSourceFactory = (url) => new EventSource(url);

export function openEventStream<E extends Endpoint>(options: EventStreamOptions<E>): EventStream {
  const create = options.createEventSource ?? browserEventSource;
  const delays = options.reopenDelaysMs ?? REOPEN_DELAYS_MS;
  let lastId = options.lastEventId ?? null;
  let closed = false;
  let failures = 0;
  let source: EventSourceLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setState = (state: StreamState) => options.onStateChange?.(state);

  const connect = () => {
    const query = {
      ...(options.request?.query as Record<string, unknown> | undefined),
      ...(lastId === null ? {} : { lastEventId: lastId }),
    };
    const path = endpointPath(
      options.endpoint.path,
      options.request?.params as Record<string, unknown> | undefined,
    );
    const current = create(path + endpointQueryString(query));
    source = current;
    setState("connecting");
    current.addEventListener("open", () => {
      if (closed || source !== current) return;
      failures = 0;
      setState("open");
      options.onOpen?.();
    });
    current.addEventListener(options.event, (message) => {
      if (closed || source !== current || !(message instanceof MessageEvent)) return;
      if (message.lastEventId !== "") lastId = message.lastEventId;
      let raw: unknown;
      try {
        raw = JSON.parse(String(message.data));
      } catch {
        options.onInvalid?.(`an ${options.event} event that is not JSON`);
        return;
      }
      const parsed = options.endpoint.response.safeParse(raw);
      if (!parsed.success) {
        options.onInvalid?.(`an ${options.event} event that does not match the contract`);
        return;
      }
      options.onEvent(parsed.data as EndpointResponse<E>, message.lastEventId);
    });
    current.addEventListener("error", () => {
      if (closed || source !== current) return;
      setState("reconnecting");
      if (current.readyState !== CLOSED) return; // the browser reconnects with Last-Event-ID
      current.close();
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 30_000;
      failures += 1;
      timer = setTimeout(connect, delay);
    });
  };

  connect();
  return {
    close() {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      source?.close();
      setState("closed");
    },
    lastEventId: () => lastId,
  };
}

/**
 * Keeps one stream open while the component is mounted and `enabled` (closes it on unmount or when
 * disabled) and returns its state. Handlers may change on every render without reopening.
 */
export function useEventStream<E extends Endpoint>(
  options: Omit<EventStreamOptions<E>, "onStateChange"> & { enabled?: boolean },
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const enabled = options.enabled ?? true;
  const { endpoint, event, createEventSource, reopenDelaysMs } = options;
  const requestKey = JSON.stringify(options.request ?? {});
  const onEvent = useEffectEvent((data: EndpointResponse<E>, id: string) => options.onEvent(data, id));
  const onOpen = useEffectEvent(() => options.onOpen?.());
  const onInvalid = useEffectEvent((reason: string) => options.onInvalid?.(reason));
  const startAfter = useEffectEvent(() => options.lastEventId ?? null);

  useEffect(() => {
    if (!enabled) return;
    const stream = openEventStream({
      endpoint,
      event,
      request: JSON.parse(requestKey) as EventStreamOptions<E>["request"],
      lastEventId: startAfter(),
      onEvent: (data, id) => onEvent(data, id),
      onOpen: () => onOpen(),
      onInvalid: (reason) => onInvalid(reason),
      onStateChange: setState,
      ...(createEventSource ? { createEventSource } : {}),
      ...(reopenDelaysMs ? { reopenDelaysMs } : {}),
    });
    return () => stream.close();
  }, [endpoint, event, requestKey, enabled, createEventSource, reopenDelaysMs]);

  return enabled ? state : "closed";
}
