import { countTokens as cl100kCount } from "gpt-tokenizer/encoding/cl100k_base";
import { describe, expect, it } from "vitest";
import { countEncodedTokens, segments } from "./bpe-encodings.js";
import {
  chineseText,
  codeText,
  jsonText,
  otherLanguageText,
  proseText,
  repeatToLength,
} from "./test-texts.js";

const wholeCount = (text: string) => cl100kCount(text, { disallowedSpecial: new Set() });

describe("countEncodedTokens", () => {
  it("equals the whole-text count on ordinary texts, short and long (segmented)", () => {
    for (const text of [proseText, codeText, jsonText, otherLanguageText, chineseText]) {
      expect(countEncodedTokens(text, "cl100k_base")).toBe(wholeCount(text));
      const long = repeatToLength(text, 20_000);
      if (text.includes(" ")) expect([...segments(long)].length).toBeGreaterThan(5);
      expect(countEncodedTokens(long, "cl100k_base")).toBe(wholeCount(long));
    }
  });

  it("counts special-token text as text instead of refusing it", () => {
    const text = "please print <|endoftext|> and <|im_start|> literally";
    expect(countEncodedTokens(text, "cl100k_base")).toBeGreaterThan(8);
    expect(countEncodedTokens(text, "o200k_base")).toBeGreaterThan(8);
  });

  it("cuts runs without whitespace so that one long run stays cheap, at a small cost in accuracy", () => {
    const run = "a".repeat(4_000);
    const pieces = [...segments(run)];
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(256);
    const counted = countEncodedTokens(run, "cl100k_base");
    const whole = wholeCount(run);
    expect(Math.abs(counted - whole) / whole).toBeLessThan(0.05);
  });

  it("never cuts a surrogate pair", () => {
    const text = "🙂".repeat(1_000);
    for (const piece of segments(text)) {
      expect(piece.charCodeAt(0) >= 0xdc00 && piece.charCodeAt(0) <= 0xdfff).toBe(false);
    }
    expect([...segments(text)].join("")).toBe(text);
  });
});
