import { incidentStatuses, incidentTransitions } from "@core/api/incidents";
import { describe, expect, it } from "vitest";
import { statusMoves, workflowSteps } from "./status-workflow";

describe("statusMoves", () => {
  it("offers exactly the moves of the contract's workflow table from every status", () => {
    for (const status of incidentStatuses)
      expect(statusMoves(status).map((move) => move.to)).toEqual(incidentTransitions[status]);
  });

  it("labels the moves, marks closing as final and offers nothing once closed", () => {
    expect(statusMoves("open")).toEqual([{ to: "triaged", label: "Mark triaged", final: false }]);
    expect(statusMoves("triaged").map((move) => move.label)).toEqual(["Mark contained", "Mark resolved"]);
    expect(statusMoves("resolved")).toEqual([
      { to: "closed", label: "Close incident", final: true },
      { to: "triaged", label: "Reopen (triaged)", final: false },
    ]);
    expect(statusMoves("closed")).toEqual([]);
  });
});

describe("workflowSteps", () => {
  it("marks the steps before the current status done and after it to do", () => {
    expect(workflowSteps("contained").map((step) => step.state)).toEqual([
      "done",
      "done",
      "current",
      "todo",
      "todo",
    ]);
  });
});
