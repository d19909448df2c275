import { describe, expect, it } from "vitest";
import { highlightSpans } from "./highlight";

const marked = (text: string, spans: Parameters<typeof highlightSpans>[1]) =>
  highlightSpans(text, spans)
    .segments.filter((segment) => segment.labels.length > 0)
    .map((segment) => segment.text);

describe("highlightSpans", () => {
  it("cuts plain text and marked text at the span's UTF-16 offsets, end exclusive", () => {
    const result = highlightSpans("Please ignore previous instructions now", [
      { start: 7, end: 35, label: "prompt-injection" },
    ]);
    expect(result.segments).toEqual([
      { text: "Please ", labels: [] },
      { text: "ignore previous instructions", labels: ["prompt-injection"] },
      { text: " now", labels: [] },
    ]);
    expect(result.outside).toEqual([]);
  });

  it("counts an emoji before a span as two code units", () => {
    const text = "😀 mail bob@example.com today";
    // "😀" is two UTF-16 code units: the e-mail starts at 8, not 7
    expect(text.indexOf("bob")).toBe(8);
    expect(marked(text, [{ start: 8, end: 23, label: "EMAIL" }])).toEqual(["bob@example.com"]);
  });

  it("marks astral characters inside a span whole, and several emoji before it", () => {
    const text = "🔥🔥 secret 🗝️key here";
    const start = text.indexOf("secret");
    const end = text.indexOf(" here");
    expect(start).toBe(5);
    expect(marked(text, [{ start, end, label: "secret" }])).toEqual(["secret 🗝️key"]);
  });

  it("widens a boundary that falls inside a surrogate pair instead of cutting the character", () => {
    const text = "a😀b";
    // 2 is between the halves of 😀 (units 1 and 2)
    const result = highlightSpans(text, [{ start: 2, end: 4, label: "x" }]);
    expect(result.segments).toEqual([
      { text: "a", labels: [] },
      { text: "😀b", labels: ["x"] },
    ]);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const segment of result.segments) expect(segment.text).not.toMatch(loneSurrogate);
  });

  it("splits overlapping spans into pieces that carry every label covering them", () => {
    const result = highlightSpans("0123456789", [
      { start: 2, end: 6, label: "A" },
      { start: 4, end: 8, label: "B" },
    ]);
    expect(result.segments).toEqual([
      { text: "01", labels: [] },
      { text: "23", labels: ["A"] },
      { text: "45", labels: ["A", "B"] },
      { text: "67", labels: ["B"] },
      { text: "89", labels: [] },
    ]);
  });

  it("keeps spans that do not fit the text aside instead of guessing", () => {
    const spans = [
      { start: 5, end: 50, label: "past the end" },
      { start: 3, end: 3, label: "empty" },
      { start: -1, end: 2, label: "negative" },
    ];
    const result = highlightSpans("short", spans);
    expect(result.segments).toEqual([{ text: "short", labels: [] }]);
    expect(result.outside).toEqual(spans);
  });

  it("returns the text unchanged, joined, when nothing is marked", () => {
    expect(highlightSpans("", []).segments).toEqual([]);
    expect(highlightSpans("plain", []).segments).toEqual([{ text: "plain", labels: [] }]);
  });
});
