import { describe, expect, it } from "vitest";
import { prepareReportingClock } from "./reporting-clock";

const aware = "2026-11-01T10:00:00.000Z";
const clock = (kind: "general" | "critical-infrastructure", days: number) => ({
  kind,
  awareAt: aware,
  days,
  dueAt: new Date(Date.parse(aware) + days * 86_400_000).toISOString(),
  hoursLeft: 0,
  overdue: false,
  deadlines: [],
});

describe("prepareReportingClock", () => {
  it("shows nothing for an incident that is not flagged serious", () => {
    expect(prepareReportingClock(null, new Date(aware))).toBeNull();
  });

  it("counts the time left against the browser's clock, not the answer's hoursLeft", () => {
    const prepared = prepareReportingClock(clock("general", 15), new Date("2026-11-05T07:30:00.000Z"));
    expect(prepared).toMatchObject({
      kind: "Serious incident",
      article: "Art. 73(2)",
      days: 15,
      deadline: "16 Nov 2026, 10:00:00 UTC",
      timeLeft: "11 d 2 h left",
      overdue: false,
      tone: "info",
    });
  });

  it("warns within two days and says when less than an hour is left", () => {
    const twoDay = clock("critical-infrastructure", 2);
    expect(prepareReportingClock(twoDay, new Date("2026-11-01T12:00:00.000Z"))).toMatchObject({
      article: "Art. 73(3)",
      timeLeft: "1 d 22 h left",
      tone: "warn",
    });
    expect(prepareReportingClock(twoDay, new Date("2026-11-03T09:30:00.000Z"))?.timeLeft).toBe(
      "less than 1 h left",
    );
  });

  it("marks an overdue report in the bad tone with how long overdue", () => {
    const prepared = prepareReportingClock(clock("general", 15), new Date("2026-11-17T15:00:00.000Z"));
    expect(prepared).toMatchObject({ overdue: true, timeLeft: "overdue by 1 d 5 h", tone: "bad" });
  });
});
