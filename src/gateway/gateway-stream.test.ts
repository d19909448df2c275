import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SseParser } from "../simulator/test-support/sse.js";
import { type GatewayHarness, startGatewayHarness } from "./test-support/gateway-harness.js";
import { markerGuard, OUTPUT_BLOCK_MARKER, REDACT_VALUE } from "./test-support/marker-guard.js";

let harness: GatewayHarness;
let key: string;

beforeAll(async () => {
  harness = await startGatewayHarness({ guard: markerGuard() });
  key = await harness.key();
});
afterAll(async () => {
  await harness?.close();
});

interface StreamedAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: string[];
  content: string;
  json: Record<string, unknown>[];
}

async function stream(body: Record<string, unknown>, path = "/v1/chat/completions"): Promise<StreamedAnswer> {
  const response = await request(`${harness.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  const parser = new SseParser();
  const data: string[] = [];
  for await (const chunk of response.body)
    for (const event of parser.push(chunk.toString())) data.push(event.data);
  const json = data
    .filter((item) => item !== "[DONE]")
    .map((item) => JSON.parse(item) as Record<string, unknown>);
  const content = json
    .flatMap(
      (chunk) => (chunk.choices as { delta?: { content?: string }; text?: string }[] | undefined) ?? [],
    )
    .map((choice) => choice.delta?.content ?? choice.text ?? "")
    .join("");
  return { status: response.statusCode, headers: response.headers, data, content, json };
}

const echo = (content: string) => ({ model: "rampart-demo-echo", messages: [{ role: "user", content }] });

describe("gateway streaming", () => {
  it("streams a scanned answer in the OpenAI chunk format, ending with [DONE]", async () => {
    const answer = await stream(echo("tell me about the weather in Lisbon today"));
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toContain("text/event-stream");
    expect(answer.data.at(-1)).toBe("[DONE]");
    expect(answer.content).toContain("weather in Lisbon");
  });

  it("forwards the usage chunk only when the client asked for it", async () => {
    const without = await stream(echo("count me"));
    expect(without.json.some((chunk) => chunk.usage)).toBe(false);
    const withUsage = await stream({ ...echo("count me"), stream_options: { include_usage: true } });
    expect(withUsage.json.some((chunk) => chunk.usage)).toBe(true);
  });

  it("blocks mid-stream with one in-band error event and no [DONE], never releasing the marker", async () => {
    const answer = await stream(
      echo(`${"harmless words ".repeat(40)}${OUTPUT_BLOCK_MARKER} and more text after it`),
    );
    expect(answer.status).toBe(200);
    expect(answer.data).not.toContain("[DONE]");
    const last = answer.json.at(-1) as { error?: { code?: string } };
    expect(last.error?.code).toBe("rampart_policy_violation");
    expect(answer.content).not.toContain(OUTPUT_BLOCK_MARKER);
    expect(answer.content.length).toBeGreaterThan(0);
  });

  it("restores redacted values in the streamed answer", async () => {
    const answer = await stream(echo(`write to ${REDACT_VALUE} today`));
    expect(answer.status).toBe(200);
    expect(answer.headers["x-rampart-verdict"]).toBe("redact");
    expect(answer.content).toContain(REDACT_VALUE);
    expect(answer.content).not.toContain("[EMAIL_1]");
  });

  it("streams legacy completions too", async () => {
    const answer = await stream(
      { model: "rampart-demo-echo", prompt: "complete this sentence" },
      "/v1/completions",
    );
    expect(answer.status).toBe(200);
    expect(answer.data.at(-1)).toBe("[DONE]");
    expect(answer.content).toContain("complete this sentence");
  });

  it("ends without [DONE] when the upstream disconnects mid-stream", async () => {
    const answer = await stream({
      model: "disconnect-mid-stream",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(answer.data).not.toContain("[DONE]");
  });

  it("maps an upstream error status before the stream to the OpenAI shape", async () => {
    const answer = await request(`${harness.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "error-500", stream: true, messages: [{ role: "user", content: "hi" }] }),
    });
    expect(answer.statusCode).toBe(502);
    const body = (await answer.body.json()) as { error: { code: string } };
    expect(body.error.code).toBe("upstream_error");
  });
});
