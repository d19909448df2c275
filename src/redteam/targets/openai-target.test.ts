import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenAiTarget } from "./openai-target.js";

const completion = JSON.stringify({
  choices: [
    {
      message: { content: "hello", tool_calls: [{ function: { name: "f", arguments: "{}" } }] },
      finish_reason: "stop",
    },
  ],
});

let server: Server | undefined;

/** A real HTTP server on 127.0.0.1 that answers with the statuses given, in order (then 200). */
async function serve(
  statuses: number[],
  seen: { bodies: string[]; auth: string[] },
  delayMs = 0,
): Promise<string> {
  const created = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      seen.bodies.push(body);
      seen.auth.push(request.headers.authorization ?? "");
      const status = statuses.shift() ?? 200;
      setTimeout(() => {
        response.writeHead(status, {
          "content-type": "application/json",
          ...(status === 429 ? { "retry-after": "0" } : {}),
        });
        const code = status === 403 ? "rampart_policy_violation" : "bad";
        response.end(status === 200 ? completion : JSON.stringify({ error: { message: "no", code } }));
      }, delayMs);
    });
  });
  server = created;
  await new Promise<void>((resolve) => created.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(created.address() as AddressInfo).port}/v1`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const request = { model: "m", messages: [{ role: "user" as const, content: "hi" }], temperature: 0 };

describe("OpenAI-compatible target", () => {
  it("retries 429 and 5xx with backoff, then parses the answer", async () => {
    const seen = { bodies: [] as string[], auth: [] as string[] };
    const baseUrl = await serve([429, 503], seen);
    const target = createOpenAiTarget({ baseUrl, apiKey: "k1", backoffMs: 1 });
    const answer = await target.send(request);
    expect(answer).toEqual({
      text: "hello",
      toolCalls: [{ name: "f", arguments: "{}" }],
      finishReason: "stop",
    });
    expect(seen.bodies).toHaveLength(3);
    expect(seen.auth[0]).toBe("Bearer k1");
  });

  it("does not retry a 400 and gives up after the retries", async () => {
    const seen = { bodies: [] as string[], auth: [] as string[] };
    const baseUrl = await serve([400], seen);
    await expect(createOpenAiTarget({ baseUrl, backoffMs: 1 }).send(request)).rejects.toThrow(/HTTP 400/);
    expect(seen.bodies).toHaveLength(1);
    await new Promise((resolve) => server?.close(resolve));
    const again = { bodies: [] as string[], auth: [] as string[] };
    const failing = await serve([500, 500, 500], again);
    await expect(
      createOpenAiTarget({ baseUrl: failing, retries: 2, backoffMs: 1 }).send(request),
    ).rejects.toThrow(/HTTP 500/);
    expect(again.bodies).toHaveLength(3);
  });

  it("turns a guard's policy block into an empty content_filter answer", async () => {
    const seen = { bodies: [] as string[], auth: [] as string[] };
    const baseUrl = await serve([403], seen);
    expect(await createOpenAiTarget({ baseUrl }).send(request)).toEqual({
      text: "",
      toolCalls: [],
      finishReason: "content_filter",
    });
    expect(seen.bodies).toHaveLength(1);
  });

  it("times out a slow target", async () => {
    const seen = { bodies: [] as string[], auth: [] as string[] };
    const baseUrl = await serve([], seen, 500);
    await expect(createOpenAiTarget({ baseUrl, timeoutMs: 50, retries: 0 }).send(request)).rejects.toThrow(
      /did not answer within 50 ms/,
    );
  });
});
