import { describe, expect, it } from "vitest";
import { raciColumns, sameChart, setRaciCell, validateRaciChart } from "./raci";

const roles = ["ciso", "dpo", "ml-lead"];

describe("validateRaciChart", () => {
  it("accepts a chart where every activity has one A and at least one R", () => {
    const check = validateRaciChart(
      { audits: { ciso: "A", "ml-lead": "R", dpo: "C" }, training: { dpo: "A", ciso: "R", "ml-lead": "R" } },
      roles,
    );
    expect(check.valid).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.cells.size).toBe(0);
  });

  it("names an activity with two A's and marks only its A cells", () => {
    const check = validateRaciChart({ audits: { ciso: "A", dpo: "A", "ml-lead": "R" } }, roles);
    expect(check.valid).toBe(false);
    expect(check.problems.map((problem) => `${problem.activity} ${problem.message}`)).toEqual([
      "audits has 2 accountable roles (A); it needs exactly one",
    ]);
    const problemId = check.problems[0]?.id;
    expect(check.cells.get("audits")?.get("ciso")).toEqual([problemId]);
    expect(check.cells.get("audits")?.get("dpo")).toEqual([problemId]);
    expect(check.cells.get("audits")?.has("ml-lead")).toBe(false);
  });

  it("marks every cell of an activity without an A or without an R", () => {
    const check = validateRaciChart({ audits: { ciso: "C" } }, roles);
    expect(check.problems.map((problem) => problem.message)).toEqual([
      "has 0 accountable roles (A); it needs exactly one",
      "has no responsible role (R)",
    ]);
    for (const role of roles) expect(check.cells.get("audits")?.get(role)).toHaveLength(2);
  });

  it("treats a new, empty activity as needing both letters", () => {
    const check = validateRaciChart({ "vendor-review": {} }, roles);
    expect(check.valid).toBe(false);
    expect(check.problems).toHaveLength(2);
  });

  it("gives each problem a distinct element id, safe for odd activity ids", () => {
    const check = validateRaciChart({ "a.b": {}, a_b: { ciso: "A", dpo: "A" } }, roles);
    const ids = check.problems.map((problem) => problem.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe("chart edits", () => {
  it("sets and clears a cell without touching the others", () => {
    const chart = { audits: { ciso: "A" as const, dpo: "R" as const } };
    expect(setRaciCell(chart, "audits", "dpo", "C")).toEqual({ audits: { ciso: "A", dpo: "C" } });
    expect(setRaciCell(chart, "audits", "dpo", undefined)).toEqual({ audits: { ciso: "A" } });
    expect(chart).toEqual({ audits: { ciso: "A", dpo: "R" } });
  });

  it("lists the chart's roles and added ones once, sorted", () => {
    expect(raciColumns({ a: { dpo: "A" }, b: { ciso: "R", dpo: "C" } }, ["legal", "ciso"])).toEqual([
      "ciso",
      "dpo",
      "legal",
    ]);
  });

  it("compares charts by content", () => {
    expect(sameChart({ a: { x: "A", y: "R" } }, { a: { y: "R", x: "A" } })).toBe(true);
    expect(sameChart({ a: { x: "A" } }, { a: { x: "R" } })).toBe(false);
    expect(sameChart({ a: { x: "A" } }, { a: { x: "A" }, b: {} })).toBe(false);
    expect(sameChart({ a: {} }, { b: {} })).toBe(false);
  });
});
