import { describe, expect, it } from "vitest";
import { codeRanges, FENCE_LINE, INLINE_CODE, insideRanges } from "./code-spans.js";

describe("code spans", () => {
  it("FENCE_LINE matches backtick and tilde fences", () => {
    expect(FENCE_LINE.test("```ts")).toBe(true);
    expect(FENCE_LINE.test("  ~~~")).toBe(true);
    expect(FENCE_LINE.test("``")).toBe(false);
  });
  it("INLINE_CODE matches a span on one line", () => {
    expect("a `b` c".match(INLINE_CODE)).toEqual(["`b`"]);
  });
  it("finds fenced blocks, unclosed fences and inline spans", () => {
    const text = "a `x` b\n```\ncode\n```\nc\n~~~\nopen";
    const ranges = codeRanges(text);
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual([
      "`x`",
      "```\ncode\n```",
      "~~~\nopen",
    ]);
    expect(insideRanges(ranges, text.indexOf("code"), text.indexOf("code") + 4)).toBe(true);
    expect(insideRanges(ranges, 0, 1)).toBe(false);
  });
});
