import { describe, expect, it } from "vitest";
import { prepareRateBars } from "./rate-bars";
import { FEW_CASES } from "./rates";

const rates = {
  LLM10: { cases: 12, successes: 6, asr: 0.5, ci95: [0.25, 0.75] as [number, number] },
  LLM01: { cases: 60, successes: 26, asr: 0.4333, ci95: [0.3157, 0.559] as [number, number] },
  LLM02: { cases: 0, successes: 0, asr: 0, ci95: [0, 0] as [number, number] },
};

describe("prepareRateBars", () => {
  it("sorts OWASP ids naturally, labels them with their 2025 titles and keeps the intervals", () => {
    const data = prepareRateBars(rates, "category", "finished");
    expect(data.bars.map((bar) => bar.id)).toEqual(["LLM01", "LLM02", "LLM10"]);
    expect(data.bars[0]).toMatchObject({
      label: "LLM01 Prompt Injection",
      value: 0.4333,
      valueText: "43.3%",
      interval: [0.3157, 0.559],
      uncertain: false,
    });
    expect(data.unavailable).toBeNull();
    expect(data.domain).toEqual([0, 1]);
  });

  it("draws a bucket without cases as a gap and shows it as a dash, never as 0%", () => {
    const data = prepareRateBars(rates, "category", "finished");
    const empty = data.bars.find((bar) => bar.id === "LLM02");
    expect(empty).toMatchObject({ value: null, valueText: "no rate", interval: null, uncertain: false });
    const row = data.table.rows.find((item) => item.id === "LLM02");
    expect(row?.cells).toMatchObject({ asr: "—", ci: "—", cases: "0" });
    expect(data.summary).toContain("LLM02 Sensitive Information Disclosure no rate");
  });

  it(`marks buckets with fewer than ${FEW_CASES} cases as less certain and explains the style`, () => {
    const data = prepareRateBars(rates, "category", "finished");
    expect(data.bars.find((bar) => bar.id === "LLM10")?.uncertain).toBe(true);
    expect(data.table.rows.find((row) => row.id === "LLM10")?.cells.cases).toBe("12 (few)");
    expect(data.uncertainNote).toMatch(/fewer than 20 cases/);
    const certain = prepareRateBars({ LLM01: rates.LLM01 }, "category", "finished");
    expect(certain.uncertainNote).toBeNull();
  });

  it("gives the table every figure as text, with the interval", () => {
    const data = prepareRateBars({ none: rates.LLM01 }, "strategy", "finished");
    expect(data.table.columns.map((column) => column.label)).toEqual([
      "Strategy",
      "Cases",
      "Successful attacks",
      "ASR",
      "95% CI",
    ]);
    expect(data.table.rows[0]?.cells).toEqual({
      name: "none",
      cases: "60",
      successes: "26",
      asr: "43.3%",
      ci: "31.6%–55.9%",
    });
  });

  it("says why it cannot draw: running, failed, nothing recorded, nothing answered", () => {
    expect(prepareRateBars({}, "category", "running").unavailable).toMatch(/still running/);
    expect(prepareRateBars({}, "category", "failed").unavailable).toMatch(/failed before any case/);
    expect(prepareRateBars({}, "strategy", "finished").unavailable).toMatch(/no rates by strategy/);
    expect(prepareRateBars({ LLM02: rates.LLM02 }, "category", "finished").unavailable).toMatch(
      /no case of this run was answered/,
    );
  });
});
