import { describe, expect, it } from "vitest";
import { requirementFixture } from "../testing/fixtures";
import { frameworkSearchSchema, groupRequirements } from "./requirements";

describe("groupRequirements", () => {
  const requirements = [
    requirementFixture({ id: "A1", group: "Govern", status: "met" }),
    requirementFixture({ id: "B1", group: "Map", status: "not-met" }),
    requirementFixture({ id: "A2", group: "Govern", status: "not-met" }),
    requirementFixture({ id: "X", status: "partial" }),
  ];

  it("groups by the order groups first appear, keeping catalogue order inside", () => {
    expect(
      groupRequirements(requirements, undefined).map((group) => [
        group.name,
        group.requirements.map((r) => r.id),
      ]),
    ).toEqual([
      ["Govern", ["A1", "A2"]],
      ["Map", ["B1"]],
      [null, ["X"]],
    ]);
  });

  it("keeps only the chosen status", () => {
    expect(
      groupRequirements(requirements, "not-met").map((group) => [
        group.name,
        group.requirements.map((r) => r.id),
      ]),
    ).toEqual([
      ["Map", ["B1"]],
      ["Govern", ["A2"]],
    ]);
    expect(groupRequirements(requirements, "attested")).toEqual([]);
  });
});

describe("frameworkSearchSchema", () => {
  it("keeps a known status and version and drops what the contract refuses", () => {
    expect(frameworkSearchSchema.parse({ status: "not-met", version: "2025" })).toEqual({
      status: "not-met",
      version: "2025",
    });
    expect(frameworkSearchSchema.parse({ status: "bogus", version: "" })).toEqual({
      status: undefined,
      version: undefined,
    });
  });
});
