import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_DIMENSIONS } from "./embeddings.js";
import { type RunningSimulator, startSimulator } from "./start-simulator.js";
import { postJson, postStream } from "./test-support/http-client.js";
import { assembleCompletionStream } from "./test-support/openai-stream.js";

const completionSchema = z.object({
  id: z.string().startsWith("cmpl-"),
  object: z.literal("text_completion"),
  model: z.string(),
  choices: z.array(
    z.object({ text: z.string(), index: z.number().int(), finish_reason: z.enum(["stop", "length"]) }),
  ),
  usage: z.object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
  }),
});

const embeddingsSchema = z.object({
  object: z.literal("list"),
  model: z.string(),
  data: z.array(
    z.object({
      object: z.literal("embedding"),
      index: z.number().int(),
      embedding: z.union([z.array(z.number()), z.string()]),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number().int(), total_tokens: z.number().int() }),
});

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

describe("GET /v1/models", () => {
  it("lists the demo models", async () => {
    const response = await fetch(`${simulator.baseUrl}/models`);
    expect(response.status).toBe(200);
    const body = z
      .object({
        object: z.literal("list"),
        data: z.array(z.object({ id: z.string(), object: z.literal("model") })),
      })
      .parse(await response.json());
    expect(body.data.map((model) => model.id)).toEqual(
      expect.arrayContaining([
        "rampart-demo",
        "llama-3.1-8b-instruct",
        "qwen2.5-7b-instruct",
        "rampart-demo-echo",
      ]),
    );
  });
});

describe("POST /v1/completions", () => {
  const url = () => `${simulator.baseUrl}/completions`;

  it("answers JSON with the canned reply and usage", async () => {
    const answer = await postJson(url(), { model: "qwen2.5-7b-instruct", prompt: "Write a haiku" });
    expect(answer.status).toBe(200);
    const body = completionSchema.parse(answer.body);
    expect(body.model).toBe("qwen2.5-7b-instruct");
    expect(body.choices[0]?.text).toContain('you said "Write a haiku"');
    expect(body.usage.prompt_tokens).toBe(3 + 3);
  });

  it("gives n choices per prompt, numbered prompt by prompt, and echoes the prompt when asked", async () => {
    const answer = await postJson(url(), {
      model: "rampart-demo",
      prompt: ["first", "second"],
      n: 2,
      echo: true,
    });
    const body = completionSchema.parse(answer.body);
    expect(body.choices.map((choice) => choice.index)).toEqual([0, 1, 2, 3]);
    expect(body.choices[0]?.text.startsWith("first")).toBe(true);
    expect(body.choices[3]?.text.startsWith("second")).toBe(true);
  });

  it("streams text chunks that join to the JSON answer, with usage and [DONE] last", async () => {
    const request = { model: "rampart-demo", prompt: "Tell me about firewalls", max_tokens: 6 };
    const json = completionSchema.parse((await postJson(url(), request)).body);
    const stream = await postStream(url(), {
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    const assembled = assembleCompletionStream(stream.events);
    expect(assembled.doneLast).toBe(true);
    expect(assembled.choices[0]?.content).toBe(json.choices[0]?.text);
    expect(assembled.choices[0]?.finishReason).toBe("length");
    expect(assembled.chunkCount).toBe(6 + 1 + 1);
    expect(assembled.usage).toEqual(json.usage);
  });
});

describe("POST /v1/embeddings", () => {
  const url = () => `${simulator.baseUrl}/embeddings`;

  async function embed(body: Record<string, unknown>) {
    const answer = await postJson(url(), { model: "rampart-demo-embedding", ...body });
    expect(answer.status).toBe(200);
    return embeddingsSchema.parse(answer.body);
  }

  function vector(value: number[] | string | undefined): number[] {
    if (!Array.isArray(value)) throw new Error("expected a float vector");
    return value;
  }

  const cosine = (left: number[], right: number[]) =>
    left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

  it("answers a unit vector of the default width for a string", async () => {
    const body = await embed({ input: "the quick brown fox" });
    const values = vector(body.data[0]?.embedding);
    expect(values).toHaveLength(DEFAULT_DIMENSIONS);
    expect(cosine(values, values)).toBeCloseTo(1, 4);
    expect(body.usage.prompt_tokens).toBe(4);
  });

  it("respects dimensions, answers an array in order, and is deterministic", async () => {
    const body = await embed({ input: ["alpha beta", "gamma", "alpha beta"], dimensions: 64 });
    expect(body.data.map((item) => item.index)).toEqual([0, 1, 2]);
    const [first, second, third] = body.data.map((item) => vector(item.embedding));
    expect(first).toHaveLength(64);
    expect(third).toEqual(first);
    expect(second).not.toEqual(first);
    const again = await embed({ input: ["alpha beta", "gamma", "alpha beta"], dimensions: 64 });
    expect(again).toEqual(body);
  });

  it("puts texts that share words closer than unrelated ones", async () => {
    const body = await embed({
      input: ["reset my password now", "please reset my password", "weather in Oslo"],
      dimensions: 256,
    });
    const [first, second, third] = body.data.map((item) => vector(item.embedding));
    expect(cosine(first ?? [], second ?? [])).toBeGreaterThan(cosine(first ?? [], third ?? []) + 0.3);
  });

  it("encodes base64 as little-endian float32, equal to the float answer", async () => {
    const floats = vector((await embed({ input: "hello", dimensions: 8 })).data[0]?.embedding);
    const encoded = (await embed({ input: "hello", dimensions: 8, encoding_format: "base64" })).data[0]
      ?.embedding;
    if (typeof encoded !== "string") throw new Error("expected base64");
    const bytes = Buffer.from(encoded, "base64");
    const decoded = Array.from({ length: 8 }, (_, index) => bytes.readFloatLE(index * 4));
    for (const [index, value] of decoded.entries()) expect(value).toBeCloseTo(floats[index] ?? Number.NaN, 6);
  });
});
