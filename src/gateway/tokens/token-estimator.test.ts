import { countTokens as cl100kCount } from "gpt-tokenizer/encoding/cl100k_base";
import { describe, expect, it } from "vitest";
import { chineseText, codeText, jsonText, otherLanguageText, proseText } from "./test-texts.js";
import { estimateTokens } from "./token-estimator.js";

const exact = (text: string) => cl100kCount(text, { disallowedSpecial: new Set() });

describe("estimateTokens", () => {
  it.each([
    ["prose", proseText],
    ["code", codeText],
    ["json", jsonText],
    ["German and Russian", otherLanguageText],
    ["Chinese", chineseText],
  ])("stays within 0.7 to 1.5 times the cl100k_base count on %s", (_, text) => {
    const ratio = estimateTokens(text) / exact(text);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.5);
  });

  it("gives each rule its weight", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("word")).toBe(1);
    // 14 letters: 1 + (14 - 6) / 4
    expect(estimateTokens("abcdefghijklmn")).toBe(3);
    // case switches: a-B-c-D-e-F = 5 switches x 0.75 + 1
    expect(estimateTokens("aBcDeF")).toBe(5);
    expect(estimateTokens("1234567")).toBe(3);
    expect(estimateTokens("()")).toBe(1);
    expect(estimateTokens("\n\n\n")).toBe(1);
    expect(estimateTokens("    ")).toBe(1);
    expect(estimateTokens("网关")).toBe(3);
    expect(estimateTokens("🙂")).toBe(3);
    expect(estimateTokens("привет")).toBe(3);
  });

  it("underestimates random letter strings, as documented", () => {
    const gibberish = "xkqwzj vbnmqp zzkqxw pqowie rutyqz mnbvcx lkjhgq qwpzmx".repeat(4);
    const ratio = estimateTokens(gibberish) / exact(gibberish);
    expect(ratio).toBeLessThan(0.7);
    expect(ratio).toBeGreaterThan(0.3);
  });
});
