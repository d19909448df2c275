import { describe, expect, it } from "vitest";
import { prepareStatusCounts } from "./status";

describe("prepareStatusCounts", () => {
  it("lists every status best first with its count and share of all requirements", () => {
    const counts = prepareStatusCounts({
      met: 1,
      partial: 5,
      "not-met": 4,
      "not-applicable": 0,
      attested: 0,
    });
    expect(counts.total).toBe(10);
    expect(counts.entries.map((entry) => [entry.status, entry.count, entry.percent, entry.tone])).toEqual([
      ["met", 1, 10, "good"],
      ["attested", 0, 0, "info"],
      ["partial", 5, 50, "warn"],
      ["not-met", 4, 40, "bad"],
      ["not-applicable", 0, 0, "neutral"],
    ]);
    expect(counts.text).toBe("1 met, 0 attested, 5 partial, 4 not met, 0 not applicable");
  });

  it("counts a status the report leaves out as 0, and an empty framework as 0% everywhere", () => {
    const counts = prepareStatusCounts({ met: 2 });
    expect(counts.total).toBe(2);
    expect(counts.entries.find((entry) => entry.status === "partial")?.count).toBe(0);
    expect(prepareStatusCounts({}).entries.every((entry) => entry.percent === 0)).toBe(true);
  });

  it("rounds shares to one decimal", () => {
    const counts = prepareStatusCounts({ met: 1, partial: 2 });
    expect(counts.entries.map((entry) => entry.percent)).toEqual([33.3, 0, 66.7, 0, 0]);
  });
});
