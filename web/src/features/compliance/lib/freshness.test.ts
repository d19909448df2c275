import { describe, expect, it } from "vitest";
import { evidenceFreshness } from "./freshness";

const observed = { observedAt: "2026-11-20T10:00:00.000Z", outcome: "pass" as const };

describe("evidenceFreshness", () => {
  it("calls evidence never observed what it is", () => {
    expect(evidenceFreshness({ observedAt: null, ageDays: null, maxAgeDays: 30, outcome: "none" })).toEqual({
      state: "none",
      label: "Never observed",
      detail: "no evidence was found",
      tone: "neutral",
    });
  });

  it("is fresh well inside its maximum age", () => {
    expect(evidenceFreshness({ ...observed, ageDays: 2.4, maxAgeDays: 30 })).toEqual({
      state: "fresh",
      label: "Fresh",
      detail: "2 days old; stale after 30 days",
      tone: "good",
    });
    expect(evidenceFreshness({ ...observed, ageDays: 0.02, maxAgeDays: 1 }).detail).toBe(
      "less than a day old; stale after 1 day",
    );
  });

  it("is ageing past three quarters of its maximum age, with the days left", () => {
    expect(evidenceFreshness({ ...observed, ageDays: 23, maxAgeDays: 30 })).toMatchObject({
      state: "ageing",
      detail: "23 days old; stale in 7 days",
      tone: "warn",
    });
  });

  it("is stale past its maximum age, or when the engine judged it stale", () => {
    expect(evidenceFreshness({ ...observed, ageDays: 31, maxAgeDays: 30 })).toMatchObject({
      state: "stale",
      label: "Stale",
      detail: "31 days old; stale after 30 days",
    });
    expect(evidenceFreshness({ ...observed, outcome: "stale", ageDays: 1, maxAgeDays: 30 }).state).toBe(
      "stale",
    );
  });

  it("has no limit when the evidence has no maximum age (read as the report is made)", () => {
    expect(evidenceFreshness({ ...observed, ageDays: 0, maxAgeDays: null })).toEqual({
      state: "no-limit",
      label: "Current",
      detail: "less than a day old; no age limit",
      tone: "good",
    });
  });
});
