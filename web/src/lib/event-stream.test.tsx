import { AUDIT_STREAM_EVENT, type AuditEventRow, streamAuditEvents } from "@core/api/audit";
import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type EventSourceLike, openEventStream, useEventStream } from "./event-stream";

/** A stand-in for the browser's EventSource: the test opens, sends, fails and closes it. */
class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = 2;
    this.closed = true;
  }
  private dispatch(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  open(): void {
    this.readyState = 1;
    this.dispatch("open", new Event("open"));
  }
  send(data: string, id: string, event = AUDIT_STREAM_EVENT): void {
    this.dispatch(event, new MessageEvent(event, { data, lastEventId: id }));
  }
  /** a dropped connection: the browser reconnects by itself (CONNECTING) or gives up (CLOSED) */
  fail(givesUp: boolean): void {
    this.readyState = givesUp ? 2 : 0;
    this.dispatch("error", new Event("error"));
  }
}

const create = (url: string) => new FakeEventSource(url);
const last = () => FakeEventSource.opened.at(-1) as FakeEventSource;

function row(seq: number): AuditEventRow {
  return {
    id: `node-a:${seq}`,
    node: "node-a",
    seq,
    at: "2026-11-20T10:00:00.000Z",
    kind: "gateway.decision",
    requestId: `req_${seq}`,
    principal: null,
    app: null,
    model: "rampart-demo",
    upstream: null,
    status: 200,
    verdict: "allow",
    categories: [],
    latencyMs: 3,
    action: null,
  };
}

describe("openEventStream", () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("opens the endpoint's path on the same origin and parses each event with the contract", () => {
    const onEvent = vi.fn();
    const onInvalid = vi.fn();
    const states: string[] = [];
    const stream = openEventStream({
      endpoint: streamAuditEvents,
      event: AUDIT_STREAM_EVENT,
      onEvent,
      onInvalid,
      onStateChange: (state) => states.push(state),
      createEventSource: create,
    });
    expect(last().url).toBe("/api/v1/audit/stream");
    last().open();
    last().send(JSON.stringify(row(7)), "node-a:7");
    last().send("{not json", "node-a:8");
    last().send(JSON.stringify({ id: "node-a:9" }), "node-a:9");
    last().send(JSON.stringify(row(10)), "node-a:10", "other");
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(onEvent).toHaveBeenCalledWith(row(7), "node-a:7");
    expect(onInvalid).toHaveBeenCalledTimes(2);
    expect(states).toEqual(["connecting", "open"]);
    // the last id is the position of the last event received, valid or not
    expect(stream.lastEventId()).toBe("node-a:9");
    stream.close();
    expect(last().closed).toBe(true);
    expect(states.at(-1)).toBe("closed");
  });

  it("leaves a dropped connection to the browser, which resumes with Last-Event-ID", () => {
    const onOpen = vi.fn();
    openEventStream({
      endpoint: streamAuditEvents,
      event: AUDIT_STREAM_EVENT,
      onEvent: vi.fn(),
      onOpen,
      createEventSource: create,
    });
    last().open();
    last().send(JSON.stringify(row(1)), "node-a:1");
    last().fail(false);
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(last().closed).toBe(false);
    last().open();
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it("reopens a stream the browser gave up on after a delay, from the last event id", () => {
    const onEvent = vi.fn();
    openEventStream({
      endpoint: streamAuditEvents,
      event: AUDIT_STREAM_EVENT,
      onEvent,
      createEventSource: create,
      reopenDelaysMs: [1000, 5000],
    });
    last().open();
    last().send(JSON.stringify(row(41)), "node-a:41,node-b:3");
    last().fail(true);
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(last().url).toBe("/api/v1/audit/stream?lastEventId=node-a%3A41%2Cnode-b%3A3");
    // fails again before opening: the next delay is longer
    last().fail(true);
    vi.advanceTimersByTime(4999);
    expect(FakeEventSource.opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.opened).toHaveLength(3);
    last().open();
    last().send(JSON.stringify(row(42)), "node-a:42,node-b:3");
    expect(onEvent).toHaveBeenLastCalledWith(row(42), "node-a:42,node-b:3");
    // after a successful open the delays start again from the first
    last().fail(true);
    vi.advanceTimersByTime(1000);
    expect(FakeEventSource.opened).toHaveLength(4);
    expect(last().url).toBe("/api/v1/audit/stream?lastEventId=node-a%3A42%2Cnode-b%3A3");
  });

  it("starts after a given position, and a close cancels a pending reopen", () => {
    const stream = openEventStream({
      endpoint: streamAuditEvents,
      event: AUDIT_STREAM_EVENT,
      lastEventId: "node-a:5",
      onEvent: vi.fn(),
      createEventSource: create,
    });
    expect(last().url).toBe("/api/v1/audit/stream?lastEventId=node-a%3A5");
    last().fail(true);
    stream.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});

function Live({ enabled }: { enabled: boolean }) {
  const state = useEventStream({
    endpoint: streamAuditEvents,
    event: AUDIT_STREAM_EVENT,
    enabled,
    onEvent: () => undefined,
    createEventSource: create,
  });
  return <p>stream {state}</p>;
}

describe("useEventStream", () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
  });

  it("keeps one stream open while mounted and enabled, and closes it on unmount", () => {
    const view = render(<Live enabled />);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(screen.getByText("stream connecting")).toBeInTheDocument();
    act(() => last().open());
    expect(screen.getByText("stream open")).toBeInTheDocument();
    view.rerender(<Live enabled />);
    expect(FakeEventSource.opened).toHaveLength(1);
    view.rerender(<Live enabled={false} />);
    expect(last().closed).toBe(true);
    expect(screen.getByText("stream closed")).toBeInTheDocument();
    view.rerender(<Live enabled />);
    expect(FakeEventSource.opened).toHaveLength(2);
    view.unmount();
    expect(last().closed).toBe(true);
  });
});
