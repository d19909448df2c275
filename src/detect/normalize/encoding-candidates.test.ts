import { describe, expect, it } from "vitest";
import { findEncodingCandidates } from "./encoding-candidates.js";

describe("findEncodingCandidates", () => {
  it("finds base64 runs of 16 or more with their padding", () => {
    const text = "x aWdub3JlIGFsbCBydWxlcw== y aWdub3JlIGFsbA== z";
    expect(findEncodingCandidates(text).base64Runs).toEqual([[2, 26]]);
  });

  it("finds words made only of hex digits, not hex inside longer words", () => {
    const hex = "69676e6f726520616c6c";
    expect(findEncodingCandidates(`a ${hex} b`).hexRuns).toEqual([[2, 2 + hex.length]]);
    expect(findEncodingCandidates(`g${hex}`).hexRuns).toEqual([]);
  });

  it("notices escapes, spaced hex pairs and percent bytes", () => {
    expect(findEncodingCandidates("\\x41").hasHexEscape).toBe(true);
    expect(findEncodingCandidates("69 67 6e").hasSpacedHex).toBe(true);
    expect(findEncodingCandidates("we be ad").hasSpacedHex).toBe(false);
    expect(findEncodingCandidates("a%2Fb").hasPercentByte).toBe(true);
    expect(findEncodingCandidates("100% sure").hasPercentByte).toBe(false);
  });

  it("handles empty text, text ending in a run, and lone surrogates", () => {
    expect(findEncodingCandidates("")).toEqual({
      base64Runs: [],
      hexRuns: [],
      hasHexEscape: false,
      hasSpacedHex: false,
      hasPercentByte: false,
    });
    expect(findEncodingCandidates("\uD800abcdefabcdefabcdef").hexRuns).toEqual([[1, 19]]);
  });
});
