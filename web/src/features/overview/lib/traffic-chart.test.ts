import { describe, expect, it } from "vitest";
import { overviewFixture } from "../testing/fixtures";
import { prepareTrafficChart } from "./traffic-chart";

describe("prepareTrafficChart", () => {
  it("leaves the buckets before the trail began as gaps (null), never zeros", () => {
    const chart = prepareTrafficChart(overviewFixture());
    if (chart === null) throw new Error("expected a chart");
    // 11:00 yesterday to 08:00 today: 21 hourly buckets without data, then the 4 the server sent
    expect(chart.bars).toHaveLength(25);
    const gaps = chart.bars.slice(0, 21);
    for (const bar of gaps) expect(Object.values(bar.values)).toEqual([null, null, null, null]);
    expect(chart.bars[21]?.values).toEqual({ allow: 10, flag: 1, redact: 2, block: 3 });
    // inside the trail's range an empty bucket is a real zero
    expect(chart.bars[22]?.values).toEqual({ allow: 0, flag: 0, redact: 0, block: 0 });
    expect(chart.bars[21]?.label).toBe("08:00");
    expect(chart.unavailable).toBeNull();
  });

  it("lists the gap as one 'no data' row in the table, then every bucket with its counts", () => {
    const chart = prepareTrafficChart(overviewFixture());
    const rows = chart?.table.rows ?? [];
    expect(rows).toHaveLength(5);
    expect(rows[0]?.cells).toEqual({
      start: "11:00 to 08:00: no data (before the audit trail's first event)",
      requests: "—",
      allow: "—",
      flag: "—",
      redact: "—",
      block: "—",
    });
    expect(rows[1]?.cells).toEqual({
      start: "08:00",
      requests: "16",
      allow: "10",
      flag: "1",
      redact: "2",
      block: "3",
    });
    expect(rows[2]?.cells.requests).toBe("0");
    expect(chart?.table.columns.map((column) => column.label)).toEqual([
      "From (UTC)",
      "Requests",
      "Allowed",
      "Flagged",
      "Redacted",
      "Blocked",
    ]);
  });

  it("stacks allowed, flagged, redacted, blocked, with a tidy axis top and a spoken summary", () => {
    const chart = prepareTrafficChart(overviewFixture());
    expect(chart?.series.map((series) => series.id)).toEqual(["allow", "flag", "redact", "block"]);
    expect(chart?.domain).toEqual([0, 20]);
    expect(chart?.summary).toBe(
      "Gateway requests per hour: 23 in the window, 15 allowed, 1 flagged, 2 redacted, 5 blocked; the earliest part of the window has no data.",
    );
  });

  it("says why it cannot draw: no events at all, or no request in the window", () => {
    const empty = prepareTrafficChart(
      overviewFixture({
        traffic: { buckets: [], totals: { requests: 0, allow: 0, flag: 0, redact: 0, block: 0 } },
      }),
    );
    expect(empty?.unavailable).toBe("the audit trail has no events yet: send a request through the gateway.");
    expect(empty?.table.rows.every((row) => row.cells.requests === "—")).toBe(true);
    const quiet = prepareTrafficChart(
      overviewFixture({
        from: "2026-11-20T08:00:00.000Z",
        traffic: {
          buckets: [
            { start: "2026-11-20T08:00:00.000Z", requests: 0, allow: 0, flag: 0, redact: 0, block: 0 },
          ],
          totals: { requests: 0, allow: 0, flag: 0, redact: 0, block: 0 },
        },
      }),
    );
    expect(quiet?.unavailable).toBe("no gateway request in this window; the table shows the empty buckets.");
    expect(quiet?.table.rows).toHaveLength(1);
  });

  it("is null without audit:read (the section is null)", () => {
    expect(prepareTrafficChart(overviewFixture({ traffic: null }))).toBeNull();
  });

  it("labels days for the 30-day window", () => {
    const chart = prepareTrafficChart(
      overviewFixture({
        window: "30d",
        bucketSeconds: 86_400,
        from: "2026-11-19T00:00:00.000Z",
        traffic: {
          buckets: [
            { start: "2026-11-20T00:00:00.000Z", requests: 1, allow: 1, flag: 0, redact: 0, block: 0 },
          ],
          totals: { requests: 1, allow: 1, flag: 0, redact: 0, block: 0 },
        },
      }),
    );
    expect(chart?.bars.map((bar) => bar.label)).toEqual(["19 Nov", "20 Nov"]);
    expect(chart?.table.caption).toBe("Requests per day by verdict, oldest first");
  });
});
