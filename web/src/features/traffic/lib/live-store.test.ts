import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rowFixture } from "../testing/fixtures";
import { createLiveStore } from "./live-store";

/** A fake animation frame: callbacks run when the test says a frame passed. */
function frames() {
  let callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    requestFrame: (callback: () => void) => {
      callbacks.set(next, callback);
      next += 1;
      return next - 1;
    },
    cancelFrame: (handle: number) => void callbacks.delete(handle),
    pending: () => callbacks.size,
    tick() {
      const due = callbacks;
      callbacks = new Map();
      for (const callback of due.values()) callback();
    },
  };
}

const row = (seq: number, at = `2026-11-20T10:00:${String(seq).padStart(2, "0")}.000Z`) =>
  rowFixture({ seq, at });

describe("createLiveStore", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("flushes queued rows at most once per animation frame, newest first, without duplicates", () => {
    const frame = frames();
    const store = createLiveStore(frame);
    const updates = vi.fn();
    store.subscribe(updates);
    store.add(row(1));
    store.add(row(3));
    store.add(row(2));
    store.add(row(3));
    expect(frame.pending()).toBe(1);
    expect(store.getState().rows).toEqual([]);
    frame.tick();
    expect(updates).toHaveBeenCalledTimes(1);
    expect(store.getState().rows.map((item) => item.seq)).toEqual([3, 2, 1]);
    expect(store.getState().received).toBe(3);
    store.add(row(2));
    frame.tick();
    expect(store.getState().rows).toHaveLength(3);
    store.dispose();
  });

  it("announces counts, not rows, at most every few seconds", () => {
    const frame = frames();
    const store = createLiveStore({ ...frame, announceEveryMs: 3000 });
    store.add(row(1));
    frame.tick();
    store.add(row(2));
    frame.tick();
    expect(store.getState().announcement).toBe("");
    vi.advanceTimersByTime(3000);
    expect(store.getState().announcement).toBe("2 new events added to the top of the table.");
    store.add(row(3));
    frame.tick();
    vi.advanceTimersByTime(3000);
    expect(store.getState().announcement).toBe("1 new event added to the top of the table.");
    store.dispose();
  });

  it("holds rows while paused and shows them on resume", () => {
    const frame = frames();
    const store = createLiveStore(frame);
    store.add(row(1));
    frame.tick();
    store.pause();
    expect(store.getState().announcement).toBe("Live updates paused.");
    store.add(row(2));
    store.add(row(3));
    frame.tick();
    expect(store.getState().rows.map((item) => item.seq)).toEqual([1]);
    expect(store.getState().held.map((item) => item.seq)).toEqual([3, 2]);
    vi.advanceTimersByTime(3000);
    expect(store.getState().announcement).toBe(
      "2 new events while paused; 2 events waiting. Resume to show them.",
    );
    store.resume();
    expect(store.getState().announcement).toBe(
      "Live updates resumed; 2 held events added to the top of the table.",
    );
    expect(store.getState().paused).toBe(false);
    expect(store.getState().held).toEqual([]);
    expect(store.getState().rows.map((item) => item.seq)).toEqual([3, 2, 1]);
    store.dispose();
  });

  it("stays bounded: more rows than the limit empty it and ask for the list to be reloaded", () => {
    const frame = frames();
    const onOverflow = vi.fn();
    const store = createLiveStore({ ...frame, limit: 3, onOverflow });
    for (const seq of [1, 2, 3]) store.add(row(seq));
    frame.tick();
    expect(onOverflow).not.toHaveBeenCalled();
    store.add(row(4));
    frame.tick();
    expect(onOverflow).toHaveBeenCalledTimes(1);
    expect(store.getState().rows).toEqual([]);
    store.dispose();
  });

  it("cancels its frame and timer when disposed", () => {
    const frame = frames();
    const store = createLiveStore(frame);
    store.add(row(1));
    store.dispose();
    expect(frame.pending()).toBe(0);
    frame.tick();
    expect(store.getState().rows).toEqual([]);
  });
});
