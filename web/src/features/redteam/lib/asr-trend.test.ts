import { describe, expect, it } from "vitest";
import { runFixture } from "../testing/fixtures";
import { MAX_TREND_SERIES, prepareAsrTrend } from "./asr-trend";

describe("prepareAsrTrend", () => {
  it("draws one line per target and model, oldest run first, with each run's interval", () => {
    const data = prepareAsrTrend([
      runFixture({ id: "rt_b", startedAt: "2026-11-21T10:00:00.000Z", asr: 0.1, asrCi95: [0.05, 0.2] }),
      runFixture({ id: "rt_a", startedAt: "2026-11-20T10:00:00.000Z" }),
      runFixture({ id: "rt_c", targetId: "upstream:demo", startedAt: "2026-11-22T10:00:00.000Z" }),
    ]);
    expect(data.series.map((line) => line.label)).toEqual([
      "upstream:demo · demo-model",
      "gateway · demo-model",
    ]);
    const gateway = data.series[1];
    expect(gateway?.points.map((point) => point.y)).toEqual([0.2167, 0.1]);
    expect(gateway?.points[1]?.interval).toEqual([0.05, 0.2]);
    expect(data.xDomain).toEqual([
      Date.parse("2026-11-20T10:00:00.000Z"),
      Date.parse("2026-11-22T10:00:00.000Z"),
    ]);
    expect(data.unavailable).toBeNull();
    expect(data.formatX(Date.parse("2026-11-21T10:00:00.000Z"))).toBe("21 Nov, 10:00");
  });

  it("shows seconds on the time axis when the runs are less than an hour apart", () => {
    const data = prepareAsrTrend([
      runFixture({ id: "rt_a", startedAt: "2026-11-20T10:00:05.000Z" }),
      runFixture({ id: "rt_b", startedAt: "2026-11-20T10:00:40.000Z" }),
    ]);
    expect(data.formatX(Date.parse("2026-11-20T10:00:40.000Z"))).toBe("10:00:40");
  });

  it("leaves running runs out and shows a failed run as a gap", () => {
    const data = prepareAsrTrend([
      runFixture({ id: "rt_a", startedAt: "2026-11-20T10:00:00.000Z" }),
      runFixture({
        id: "rt_b",
        startedAt: "2026-11-21T10:00:00.000Z",
        status: "failed",
        asr: null,
        asrCi95: null,
      }),
      runFixture({ id: "rt_c", startedAt: "2026-11-22T10:00:00.000Z" }),
      runFixture({
        id: "rt_d",
        startedAt: "2026-11-23T10:00:00.000Z",
        status: "running",
        asr: null,
        asrCi95: null,
      }),
    ]);
    expect(data.series[0]?.points.map((point) => point.y)).toEqual([0.2167, null, 0.2167]);
    expect(data.table.rows.map((row) => row.id)).toEqual(["rt_a", "rt_b", "rt_c"]);
    expect(data.table.rows[1]?.cells.asr).toBe("failed");
  });

  it(`caps the drawing at ${MAX_TREND_SERIES} lines (the newest) and says so in the table`, () => {
    const runs = Array.from({ length: 7 }, (_, index) =>
      runFixture({
        id: `rt_${index}`,
        targetId: `upstream:u${index}`,
        startedAt: `2026-11-2${index}T10:00:00.000Z`,
      }),
    );
    const data = prepareAsrTrend(runs);
    expect(data.series).toHaveLength(MAX_TREND_SERIES);
    expect(data.series[0]?.id).toBe("upstream:u6 · demo-model");
    expect(data.table.rows).toHaveLength(7);
    expect(data.table.caption).toContain("2 targets with older runs are not drawn");
  });

  it("cannot draw without ended runs, or with a single measured run", () => {
    expect(prepareAsrTrend([]).unavailable).toMatch(/no run has ended yet/);
    expect(
      prepareAsrTrend([runFixture({ status: "running", asr: null, asrCi95: null })]).unavailable,
    ).toMatch(/no run has ended yet/);
    const one = prepareAsrTrend([runFixture()]);
    expect(one.unavailable).toMatch(/at least two finished runs/);
    expect(one.table.rows).toHaveLength(1);
  });

  it("marks runs with few cases as less certain", () => {
    const data = prepareAsrTrend([
      runFixture({ id: "rt_a", cases: 10, startedAt: "2026-11-20T10:00:00.000Z" }),
      runFixture({ id: "rt_b", startedAt: "2026-11-21T10:00:00.000Z" }),
    ]);
    expect(data.series[0]?.points.map((point) => point.uncertain)).toEqual([true, false]);
    expect(data.uncertainNote).not.toBeNull();
  });
});
