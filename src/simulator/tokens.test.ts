import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTokens, splitTokenPieces, truncateToTokens } from "./tokens.js";

describe("simulator tokens", () => {
  it("counts word runs and single other characters", () => {
    expect(splitTokenPieces("Hello, world!")).toEqual(["Hello", ",", " world", "!"]);
    expect(countTokens("Hello, world!")).toBe(4);
    expect(countTokens("")).toBe(0);
    expect(countTokens("  \n ")).toBe(0);
    expect(countTokens("naïve café 42")).toBe(3);
  });

  it("keeps every character: the pieces join back to the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(splitTokenPieces(text).join("")).toBe(text);
      }),
    );
  });

  it("counts exactly the non-blank pieces, whatever the text (surrogates and odd spaces included)", () => {
    const pieceCount = (text: string) => splitTokenPieces(text).filter((piece) => piece.trim() !== "").length;
    const samples = [
      "a\u00a0b",
      "x\u2028y",
      "😀😀 ok",
      "\ud800 lone",
      "_snake_case_ 12ab",
      "مرحبا بالعالم",
      "naïve—café",
    ];
    for (const text of samples) expect(countTokens(text)).toBe(pieceCount(text));
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(countTokens(text)).toBe(pieceCount(text));
      }),
      { numRuns: 500 },
    );
  });

  it("truncates to a token count and says so", () => {
    expect(truncateToTokens("one two three", 2)).toEqual({ text: "one two", truncated: true });
    expect(truncateToTokens("one two  ", 2)).toEqual({ text: "one two  ", truncated: false });
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.integer({ min: 1, max: 30 }), (text, max) => {
        const cut = truncateToTokens(text, max);
        expect(countTokens(cut.text)).toBe(Math.min(max, countTokens(text)));
        expect(text.startsWith(cut.text)).toBe(true);
        expect(cut.truncated).toBe(countTokens(text) > max);
      }),
    );
  });
});
