import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./csv.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and newlines", () => {
    expect(parseCsv('a,b\n"x, ""y""","line1\nline2"\r\n3,4')).toEqual([
      ["a", "b"],
      ['x, "y"', "line1\nline2"],
      ["3", "4"],
    ]);
  });
  it("keys records by the header and drops ragged rows", () => {
    expect(parseCsvRecords("h1,h2\n1,2\n3\n")).toEqual([{ h1: "1", h2: "2" }]);
  });
});
