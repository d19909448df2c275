import { describe, expect, it } from "vitest";
import { formatAgo, formatCount, formatMs, formatPercent, formatTime } from "./format";

describe("format", () => {
  it("shows a missing value as a dash, never as zero", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
    expect(formatMs(Number.NaN)).toBe("—");
    expect(formatTime("not a date")).toBe("—");
  });
  it("formats counts, ratios and durations", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(2_500_000)).toBe("2.5M");
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(0.2985)).toBe("29.9%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatMs(3.04)).toBe("3.0 ms");
    expect(formatMs(250.4)).toBe("250 ms");
    expect(formatTime("2026-11-27T19:09:35Z")).toBe("27 Nov 2026, 19:09:35 UTC");
  });
  it("says how long ago, coarsely", () => {
    const now = Date.parse("2026-11-27T12:00:00Z");
    expect(formatAgo("2026-11-27T11:59:50Z", now)).toBe("just now");
    expect(formatAgo("2026-11-27T11:55:00Z", now)).toBe("5 min ago");
    expect(formatAgo("2026-11-27T09:00:00Z", now)).toBe("3 h ago");
    expect(formatAgo("2026-11-25T12:00:00Z", now)).toBe("2 d ago");
  });
});
