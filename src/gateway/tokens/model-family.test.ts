import { describe, expect, it } from "vitest";
import { tokenizerFor } from "./model-family.js";

describe("tokenizerFor", () => {
  const cases: [string, string][] = [
    ["gpt-4o", "openai-o200k"],
    ["gpt-4o-mini-2024-07-18", "openai-o200k"],
    ["openai/gpt-4.1", "openai-o200k"],
    ["o3-mini", "openai-o200k"],
    ["o1", "openai-o200k"],
    ["gpt-5", "openai-o200k"],
    ["gpt-oss-20b", "openai-o200k"],
    ["gpt-4", "openai-cl100k"],
    ["gpt-4-turbo", "openai-cl100k"],
    ["gpt-3.5-turbo", "openai-cl100k"],
    ["text-embedding-3-small", "openai-cl100k"],
    ["llama3.1:8b", "llama-3"],
    ["meta-llama/Meta-Llama-3.1-8B-Instruct", "llama-3"],
    ["Llama-4-Scout-17B-16E", "llama-3"],
    ["llama2:13b", "llama-2"],
    ["codellama:34b", "llama-2"],
    ["codellama-34b-instruct", "llama-2"],
    ["Qwen/Qwen2.5-7B-Instruct", "qwen"],
    ["qwen3:8b", "qwen"],
    ["qwq-32b", "qwen"],
    ["mistral:7b", "mistral"],
    ["mistralai/Mixtral-8x7B-Instruct-v0.1", "mistral"],
    ["codestral-latest", "mistral"],
    ["phi3:mini", "unknown"],
    ["o10-model", "unknown"],
  ];
  it.each(cases)("%s -> %s", (model, family) => {
    expect(tokenizerFor(model).family).toBe(family);
  });

  it("counts OpenAI models exactly and the open families with a factor over cl100k_base", () => {
    expect(tokenizerFor("gpt-4o")).toMatchObject({ encoding: "o200k_base", factor: 1, exact: true });
    expect(tokenizerFor("llama2:7b")).toMatchObject({ encoding: "cl100k_base", factor: 1.25, exact: false });
    expect(tokenizerFor("qwen2.5:7b")).toMatchObject({ encoding: "cl100k_base", factor: 1.1, exact: false });
  });
});
