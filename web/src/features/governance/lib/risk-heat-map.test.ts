import { describe, expect, it } from "vitest";
import { heatMapRows, scoreBand } from "./risk-heat-map";

describe("heat map rows", () => {
  it("puts the most likely row first and impact rising left to right", () => {
    const grid = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
    (grid[3] as string[][])[4] = ["prompt-injection"];
    (grid[0] as string[][])[0] = ["a", "b"];
    const rows = heatMapRows(grid);
    expect(rows.map((row) => row.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[1]?.cells[4]).toMatchObject({ likelihood: 4, impact: 5, count: 1, band: "critical" });
    expect(rows[1]?.cells[4]?.risks).toEqual(["prompt-injection"]);
    expect(rows[4]?.cells[0]).toMatchObject({ count: 2, band: "low" });
    expect(rows[4]?.label).toBe("Rare");
  });

  it("counts a cell the server left out as empty", () => {
    const rows = heatMapRows([]);
    expect(rows.flatMap((row) => row.cells).every((cell) => cell.count === 0)).toBe(true);
    expect(rows.flatMap((row) => row.cells)).toHaveLength(25);
  });

  it("bands scores as the docs state: 20 critical, 12 high, 5 medium", () => {
    expect([1, 4, 5, 11, 12, 19, 20, 25].map(scoreBand)).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });
});
