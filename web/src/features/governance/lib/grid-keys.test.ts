import { describe, expect, it } from "vitest";
import { clampPosition, moveInGrid } from "./grid-keys";

const size = { rows: 9, columns: 4 };

describe("moveInGrid", () => {
  it("moves one cell with the arrows and stops at the edges", () => {
    expect(moveInGrid("ArrowRight", { row: 0, column: 0 }, size)).toEqual({ row: 0, column: 1 });
    expect(moveInGrid("ArrowDown", { row: 0, column: 1 }, size)).toEqual({ row: 1, column: 1 });
    expect(moveInGrid("ArrowLeft", { row: 1, column: 0 }, size)).toEqual({ row: 1, column: 0 });
    expect(moveInGrid("ArrowUp", { row: 0, column: 2 }, size)).toEqual({ row: 0, column: 2 });
    expect(moveInGrid("ArrowRight", { row: 3, column: 3 }, size)).toEqual({ row: 3, column: 3 });
  });

  it("goes to the ends of the row with Home/End and of the grid with Ctrl", () => {
    expect(moveInGrid("Home", { row: 4, column: 2 }, size)).toEqual({ row: 4, column: 0 });
    expect(moveInGrid("End", { row: 4, column: 0 }, size)).toEqual({ row: 4, column: 3 });
    expect(moveInGrid("Home", { row: 4, column: 2 }, size, true)).toEqual({ row: 0, column: 0 });
    expect(moveInGrid("End", { row: 0, column: 0 }, size, true)).toEqual({ row: 8, column: 3 });
  });

  it("pages five rows and ignores other keys", () => {
    expect(moveInGrid("PageDown", { row: 6, column: 1 }, size)).toEqual({ row: 8, column: 1 });
    expect(moveInGrid("PageUp", { row: 6, column: 1 }, size)).toEqual({ row: 1, column: 1 });
    expect(moveInGrid("a", { row: 0, column: 0 }, size)).toBeNull();
    expect(moveInGrid("Enter", { row: 0, column: 0 }, size)).toBeNull();
  });

  it("keeps a position inside a grid that shrank", () => {
    expect(clampPosition({ row: 8, column: 3 }, { rows: 2, columns: 2 })).toEqual({ row: 1, column: 1 });
  });
});
