import { AUDIT_STREAM_EVENT, type AuditEventRow } from "@core/api/audit";
import { act } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

/** A stand-in for the browser's EventSource (jsdom has none): the test opens it and sends events. */
export class FakeEventSource {
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
    act(() => this.dispatch("open", new Event("open")));
  }
  send(row: AuditEventRow): void {
    act(() =>
      this.dispatch(
        AUDIT_STREAM_EVENT,
        new MessageEvent(AUDIT_STREAM_EVENT, { data: JSON.stringify(row), lastEventId: row.id }),
      ),
    );
  }
  /** the stream open now (the last one opened) */
  static current(): FakeEventSource {
    const source = FakeEventSource.opened.filter((item) => !item.closed).at(-1);
    if (!source) throw new Error("no event stream is open");
    return source;
  }
}

/** Installs the fake as the global EventSource for the tests of a file. */
export function useFakeEventSource(): void {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal("EventSource", FakeEventSource);
  });
  afterEach(() => vi.unstubAllGlobals());
}
