import { describe, expect, it } from "vitest";
import { overviewFixture } from "../testing/fixtures";
import { prepareBlockedCategories } from "./blocked-categories";
import { prepareRunTrend, trendText } from "./redteam-trend";

const redteam = overviewFixture().redteam;
if (redteam === null) throw new Error("fixture has red-team runs");

describe("prepareRunTrend", () => {
  it("draws the runs on the newest run's target and model, oldest first; the table lists every run", () => {
    const chart = prepareRunTrend(redteam);
    expect(chart.series).toHaveLength(1);
    expect(chart.series[0]?.label).toBe("gateway · rampart-demo");
    expect(chart.series[0]?.points.map((point) => point.y)).toEqual([0.2, 0.25]);
    expect(chart.table.rows.map((row) => row.cells.asr)).toEqual(["25.0%", "50.0%", "20.0%"]);
    expect(chart.table.rows.map((row) => row.cells.change)).toEqual(["+5.0 points", "—", "—"]);
    expect(chart.unavailable).toBeNull();
  });

  it("cannot draw a trend from one run", () => {
    const one = { runs: redteam.runs.slice(0, 2), trend: null };
    expect(prepareRunTrend(one).unavailable).toBe(
      "a trend needs two runs on the same target and model; the table lists the runs so far.",
    );
    expect(prepareRunTrend({ runs: [], trend: null }).unavailable).toBe(
      "no red-team run has been saved yet.",
    );
  });
});

describe("trendText", () => {
  it("says up is worse and down is better, in points", () => {
    expect(trendText(redteam)).toBe("Up 5.0 points from 20.0% in the previous run: worse.");
    const down = {
      runs: [
        { ...redteam.runs[0], asr: 0.1, previousAsr: 0.2, change: -0.1 } as (typeof redteam.runs)[number],
      ],
      trend: "down" as const,
    };
    expect(trendText(down)).toBe("Down 10.0 points from 20.0% in the previous run: better.");
    expect(trendText({ runs: [], trend: null })).toBe("No red-team run yet.");
    expect(trendText({ runs: redteam.runs.slice(1, 2), trend: null })).toBe(
      "No earlier run on this target and model to compare with.",
    );
  });
});

describe("prepareBlockedCategories", () => {
  it("draws counts with their text beside the bars, and a table", () => {
    const chart = prepareBlockedCategories([
      { category: "prompt-injection", count: 4 },
      { category: "secrets", count: 1 },
    ]);
    expect(chart.bars.map((bar) => [bar.label, bar.value, bar.valueText])).toEqual([
      ["prompt-injection", 4, "4"],
      ["secrets", 1, "1"],
    ]);
    expect(chart.domain).toEqual([0, 4]);
    expect(chart.formatValue(2)).toBe("2");
    expect(chart.formatValue(0.5)).toBe("");
    expect(prepareBlockedCategories([{ category: "pii", count: 9 }]).domain).toEqual([0, 12]);
    expect(chart.table.rows[0]?.cells).toEqual({ category: "prompt-injection", count: "4" });
  });

  it("says nothing was blocked instead of drawing empty axes", () => {
    expect(prepareBlockedCategories([]).unavailable).toBe("nothing was blocked in this window.");
  });
});
