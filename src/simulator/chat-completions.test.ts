import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type RunningSimulator, startSimulator } from "./start-simulator.js";
import { postJson, postStream } from "./test-support/http-client.js";
import { assembleChatStream, chatChunkSchema } from "./test-support/openai-stream.js";

const chatAnswerSchema = z.object({
  id: z.string().startsWith("chatcmpl-"),
  object: z.literal("chat.completion"),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({
        role: z.literal("assistant"),
        content: z.string().nullable(),
        tool_calls: z
          .array(
            z.object({
              id: z.string(),
              type: z.literal("function"),
              function: z.object({ name: z.string(), arguments: z.string() }),
            }),
          )
          .optional(),
      }),
      finish_reason: z.enum(["stop", "length", "tool_calls"]),
    }),
  ),
  usage: z.object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
  }),
});

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

let simulator: RunningSimulator;
let url: string;

beforeAll(async () => {
  simulator = await startSimulator();
  url = `${simulator.baseUrl}/chat/completions`;
});
afterAll(() => simulator.close());

async function chat(body: Record<string, unknown>) {
  const answer = await postJson(url, body);
  expect(answer.status).toBe(200);
  expect(answer.contentType).toBe("application/json");
  return chatAnswerSchema.parse(answer.body);
}

describe("POST /v1/chat/completions", () => {
  const basic = {
    model: "llama-3.1-8b-instruct",
    messages: [{ role: "user", content: "Summarise the quarterly report please" }],
  };

  it("answers JSON that echoes the model and quotes the user, with usage", async () => {
    const answer = await chat(basic);
    expect(answer.model).toBe("llama-3.1-8b-instruct");
    expect(answer.choices).toHaveLength(1);
    expect(answer.choices[0]?.message.content).toContain('you said "Summarise the quarterly report please"');
    expect(answer.choices[0]?.finish_reason).toBe("stop");
    // 5 words + 3 per message
    expect(answer.usage.prompt_tokens).toBe(8);
    expect(answer.usage.total_tokens).toBe(answer.usage.prompt_tokens + answer.usage.completion_tokens);
  });

  it("answers any model name, text parts included", async () => {
    const answer = await chat({
      model: "my-private-model:latest",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "part one" },
            { type: "image_url", image_url: { url: "x" } },
          ],
        },
      ],
    });
    expect(answer.model).toBe("my-private-model:latest");
    expect(answer.choices[0]?.message.content).toContain('"part one"');
  });

  it("is deterministic: the same request gives the same bytes; another request another id", async () => {
    const first = await postJson(url, basic);
    const second = await postJson(url, basic);
    expect(second.body).toEqual(first.body);
    const other = await chat({ ...basic, messages: [{ role: "user", content: "something else" }] });
    expect(other.id).not.toBe(chatAnswerSchema.parse(first.body).id);
  });

  it("gives n choices", async () => {
    const answer = await chat({ ...basic, n: 3 });
    expect(answer.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    const single = await chat(basic);
    expect(answer.usage.completion_tokens).toBe(3 * single.usage.completion_tokens);
  });

  it("cuts the reply at max_tokens with finish_reason length", async () => {
    const answer = await chat({ ...basic, max_tokens: 3 });
    expect(answer.choices[0]?.message.content).toBe("Rampart demo model");
    expect(answer.choices[0]?.finish_reason).toBe("length");
    expect(answer.usage.completion_tokens).toBe(3);
  });

  it("streams chunks whose content joins to the JSON answer, usage chunk then [DONE] last", async () => {
    const json = await chat({ ...basic, n: 2 });
    const stream = await postStream(url, {
      ...basic,
      n: 2,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const assembled = assembleChatStream(stream.events);
    expect(assembled.doneLast).toBe(true);
    expect(assembled.ids.size).toBe(1);
    expect(assembled.choices.map((choice) => choice.content)).toEqual(
      json.choices.map((choice) => choice.message.content),
    );
    expect(
      assembled.choices.every((choice) => choice.role === "assistant" && choice.finishReason === "stop"),
    ).toBe(true);
    // several content chunks per choice, one usage chunk with no choices just before [DONE]
    expect(assembled.chunkCount).toBeGreaterThan(10);
    expect(assembled.usage).toEqual(json.usage);
    const usageEvent = stream.events.at(-2);
    expect(chatChunkSchema.parse(JSON.parse(usageEvent?.data ?? "")).choices).toEqual([]);
  });

  it("sends no usage chunk unless asked", async () => {
    const stream = await postStream(url, { ...basic, stream: true });
    const assembled = assembleChatStream(stream.events);
    expect(assembled.usage).toBeUndefined();
    expect(stream.events.some((event) => event.data.includes('"usage"'))).toBe(false);
    expect(assembled.doneLast).toBe(true);
  });

  it("calls a matching tool, in JSON and as streamed tool-call deltas", async () => {
    const body = {
      ...basic,
      messages: [{ role: "user", content: "What is the weather in Lisbon today?" }],
      tools: [weatherTool],
    };
    const json = await chat(body);
    const choice = json.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls?.[0]?.function).toEqual({
      name: "get_weather",
      arguments: '{"city":"Lisbon"}',
    });
    expect(choice?.message.tool_calls?.[0]?.id).toMatch(/^call_/);

    const stream = assembleChatStream((await postStream(url, { ...body, stream: true })).events);
    expect(stream.choices[0]?.finishReason).toBe("tool_calls");
    expect(stream.choices[0]?.content).toBeNull();
    expect(stream.choices[0]?.toolCalls).toEqual([
      { id: expect.stringMatching(/^call_/), name: "get_weather", arguments: '{"city":"Lisbon"}' },
    ]);
    expect(stream.chunkCount).toBeGreaterThanOrEqual(4);
  });

  it("answers in text when no tool matches", async () => {
    const answer = await chat({ ...basic, tools: [weatherTool] });
    expect(answer.choices[0]?.finish_reason).toBe("stop");
    expect(answer.choices[0]?.message.tool_calls).toBeUndefined();
  });
});

describe("test hook models", () => {
  it("rampart-demo-echo echoes the last user message verbatim, streamed too", async () => {
    const content = "My card is 4111 1111 1111 1111, call me at +1 202 555 0143.";
    const body = { model: "rampart-demo-echo", messages: [{ role: "user", content }] };
    expect((await chat(body)).choices[0]?.message.content).toBe(content);
    const stream = assembleChatStream((await postStream(url, { ...body, stream: true })).events);
    expect(stream.choices[0]?.content).toBe(content);
  });

  it("rampart-demo-long-N answers exactly N tokens", async () => {
    const answer = await chat({
      model: "rampart-demo-long-500",
      messages: [{ role: "user", content: "go" }],
    });
    expect(answer.usage.completion_tokens).toBe(500);
    expect(answer.choices[0]?.message.content?.split(" ")).toHaveLength(500);
  });

  it("rampart-demo-error-503 answers HTTP 503 in the OpenAI error shape", async () => {
    const answer = await postJson(url, {
      model: "rampart-demo-error-503",
      messages: [{ role: "user", content: "x" }],
    });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ error: { type: "server_error", code: "simulated_error" } });
  });
});

describe("answer bounds", () => {
  it("cuts a reply at its share of 100000 tokens over all choices", async () => {
    const answer = await chat({
      model: "rampart-demo-long-100000",
      n: 4,
      messages: [{ role: "user", content: "go" }],
    });
    expect(answer.choices).toHaveLength(4);
    expect(answer.choices.every((choice) => choice.finish_reason === "length")).toBe(true);
    expect(answer.usage.completion_tokens).toBe(100_000);
  });

  it("refuses more than 64 completion choices", async () => {
    const answer = await postJson(`${simulator.baseUrl}/completions`, {
      model: "m",
      prompt: ["a", "b", "c", "d", "e"],
      n: 16,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { param: "n" } });
  });
});
