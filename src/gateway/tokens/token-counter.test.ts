import { countTokens as cl100kCount } from "gpt-tokenizer/encoding/cl100k_base";
import { countTokens as o200kCount } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import type { CountableMessage } from "./chat-messages.js";
import { codeText, proseText, repeatToLength } from "./test-texts.js";
import {
  countChatTokens,
  countPromptTokens,
  countTextTokens,
  estimateChatTokens,
  estimateTextTokens,
} from "./token-counter.js";

const asText = { disallowedSpecial: new Set<string>() };

describe("countTextTokens", () => {
  it("is exact for OpenAI models, each with its own encoding", () => {
    expect(countTextTokens(proseText, "gpt-4o")).toBe(o200kCount(proseText, asText));
    expect(countTextTokens(proseText, "gpt-4")).toBe(cl100kCount(proseText, asText));
    expect(countTextTokens("hello world", "gpt-4")).toBe(2);
  });

  it("approximates the open families as the cl100k_base count times their factor", () => {
    const base = cl100kCount(codeText, asText);
    expect(countTextTokens(codeText, "llama3.1:8b")).toBe(base);
    expect(countTextTokens(codeText, "llama2:7b")).toBe(Math.ceil(base * 1.25));
    expect(countTextTokens(codeText, "qwen2.5:7b")).toBe(Math.ceil(base * 1.1));
    expect(countTextTokens(codeText, "mistral:7b")).toBe(Math.ceil(base * 1.25));
  });
});

describe("countChatTokens", () => {
  it("adds 4 tokens per message and 3 for the reply to the texts", () => {
    const messages: CountableMessage[] = [
      { role: "system", content: "You are terse." },
      { role: "user", content: proseText },
    ];
    const texts = ["system", "You are terse.", "user", proseText];
    const expected = texts.reduce((sum, text) => sum + cl100kCount(text, asText), 0) + 2 * 4 + 3;
    expect(countChatTokens(messages, "gpt-4")).toBe(expected);
  });

  it("counts text parts, tool calls and names, and a flat cost per non-text part", () => {
    const messages: CountableMessage[] = [
      {
        role: "user",
        name: "analyst",
        content: [{ type: "text", text: "What is in this picture?" }, { type: "image_url" }],
      },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ function: { name: "lookup", arguments: '{"q":"x"}' } }],
      },
    ];
    const texts = ["user", "analyst", "What is in this picture?", "assistant", "lookup", '{"q":"x"}'];
    const expected = texts.reduce((sum, text) => sum + cl100kCount(text, asText), 0) + 2 * 4 + 3 + 85;
    expect(countChatTokens(messages, "gpt-4")).toBe(expected);
  });
});

describe("estimates", () => {
  it("stay within a factor of the tokenizer count on ordinary text", () => {
    const exact = countTextTokens(proseText, "gpt-4");
    const estimate = estimateTextTokens(proseText, "gpt-4");
    expect(estimate).toBeGreaterThan(exact * 0.75);
    expect(estimate).toBeLessThan(exact * 1.35);
    expect(estimateTextTokens(proseText, "llama2:7b")).toBe(
      Math.ceil(estimateTextTokens(proseText, "gpt-4") * 1.25),
    );
  });
});

describe("countPromptTokens", () => {
  const prompt = (text: string): CountableMessage[] => [{ role: "user", content: text }];

  it("estimates when there is no prompt limit", () => {
    const result = countPromptTokens(prompt(proseText), "gpt-4o");
    expect(result).toMatchObject({ method: "estimate", withinLimit: true, exact: false });
    expect(result.tokens).toBe(estimateChatTokens(prompt(proseText), "gpt-4o"));
  });

  it("estimates when the prompt is far under the limit", () => {
    expect(countPromptTokens(prompt(proseText), "gpt-4o", { maxPromptTokens: 10_000 }).method).toBe(
      "estimate",
    );
  });

  it("uses the tokenizer near the limit and decides on its count", () => {
    const exact = countChatTokens(prompt(proseText), "gpt-4o");
    const under = countPromptTokens(prompt(proseText), "gpt-4o", { maxPromptTokens: exact });
    expect(under).toMatchObject({ method: "tokenizer", exact: true, withinLimit: true, tokens: exact });
    const over = countPromptTokens(prompt(proseText), "gpt-4o", { maxPromptTokens: exact - 1 });
    expect(over).toMatchObject({ method: "tokenizer", withinLimit: false });
    const approximate = countPromptTokens(prompt(proseText), "qwen3:8b", { maxPromptTokens: exact });
    expect(approximate).toMatchObject({ method: "tokenizer", exact: false, family: "qwen" });
  });

  it("rejects on the estimate alone when the prompt is far over the limit", () => {
    const result = countPromptTokens(prompt(repeatToLength(proseText, 8_000)), "gpt-4", {
      maxPromptTokens: 100,
    });
    expect(result).toMatchObject({ method: "estimate", withinLimit: false });
  });

  it("never tokenises a prompt longer than exactMaxChars", () => {
    const text = repeatToLength(proseText, 5_000);
    const limit = countChatTokens(prompt(text), "gpt-4");
    const result = countPromptTokens(prompt(text), "gpt-4", { maxPromptTokens: limit, exactMaxChars: 4_000 });
    expect(result.method).toBe("estimate");
  });
});
