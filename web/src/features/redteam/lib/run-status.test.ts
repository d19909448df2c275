import { describe, expect, it } from "vitest";
import { runFixture } from "../testing/fixtures";
import { anyRunning, previousComparableRun, reportMissingReason, runProgress } from "./run-status";

describe("run status", () => {
  it("states progress as cases done of the total", () => {
    expect(runProgress(runFixture({ status: "running", progress: { done: 12, total: 30 } }))).toEqual({
      done: 12,
      total: 30,
      percent: 40,
      text: "12 of 30 cases (40%)",
    });
    expect(runProgress(runFixture({ progress: { done: 0, total: 0 } }))?.percent).toBe(0);
    expect(runProgress(runFixture({ progress: null }))).toBeNull();
  });

  it("polls only while a run is running", () => {
    expect(anyRunning([runFixture(), runFixture({ status: "running" })])).toBe(true);
    expect(anyRunning([runFixture(), runFixture({ status: "failed" })])).toBe(false);
  });

  it("says why a run has no report here", () => {
    expect(reportMissingReason(runFixture())).toBeNull();
    expect(reportMissingReason(runFixture({ reportAvailable: false, status: "running" }))).toMatch(
      /still running/,
    );
    expect(reportMissingReason(runFixture({ reportAvailable: false, status: "failed" }))).toMatch(/failed/);
    expect(reportMissingReason(runFixture({ reportAvailable: false, startedBy: null }))).toMatch(
      /rampart redteam/,
    );
    expect(reportMissingReason(runFixture({ reportAvailable: false }))).toMatch(/server that ran it/);
  });

  it("proposes the newest earlier run against the same target and model as the base", () => {
    const head = runFixture({ id: "rt_head", startedAt: "2026-11-22T00:00:00.000Z" });
    const runs = [
      head,
      runFixture({ id: "rt_newer", startedAt: "2026-11-23T00:00:00.000Z" }),
      runFixture({ id: "rt_other_model", model: "other", startedAt: "2026-11-21T12:00:00.000Z" }),
      runFixture({ id: "rt_no_report", reportAvailable: false, startedAt: "2026-11-21T11:00:00.000Z" }),
      runFixture({ id: "rt_prev", startedAt: "2026-11-21T00:00:00.000Z" }),
      runFixture({ id: "rt_older", startedAt: "2026-11-20T00:00:00.000Z" }),
    ];
    expect(previousComparableRun(runs, head)?.id).toBe("rt_prev");
    expect(previousComparableRun([head], head)).toBeUndefined();
  });
});
