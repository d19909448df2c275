import { once } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { guardStream } from "./stream-guard.js";
import { chatStream, collect, readClientView, readFixture } from "./test-support/stream-test-support.js";

/** The guard over real undici bodies from an HTTP server on 127.0.0.1. */

let server: Server | null = null;

afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

async function listen(handler: (response: ServerResponse, closed: Promise<void>) => void): Promise<string> {
  server = createServer((incoming, response) => {
    const closed = once(response, "close").then(() => undefined);
    response.writeHead(200, { "content-type": "text/event-stream" });
    handler(response, closed);
    incoming.resume();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}/v1/chat/completions`;
}

describe("guardStream over HTTP", () => {
  it("guards an undici body written in small pieces", async () => {
    const bytes = readFixture("vllm-tools.sse");
    const url = await listen((response) => {
      void (async () => {
        for (let offset = 0; offset < bytes.length; offset += 37) {
          response.write(bytes.subarray(offset, offset + 37));
          await new Promise((resolve) => setImmediate(resolve));
        }
        response.end();
      })();
    });
    const { body } = await request(url, { method: "POST", body: "{}" });
    const stream = guardStream(body, { scan: () => ({ verdict: "allow", categories: [] }), windowSize: 8 });
    const client = readClientView(await collect(stream.frames));
    expect(client.toolArguments.get("0:0")).toBe('{"city": "Paris", "unit": "celsius"}');
    expect(client.done).toBe(true);
    expect((await stream.result).end).toBe("completed");
  });

  it("a client abort cancels the upstream request: the server sees its response closed", async () => {
    let upstreamClosed: Promise<void> = Promise.resolve();
    const url = await listen((response, closed) => {
      upstreamClosed = closed;
      // a generation that never ends by itself
      response.write(
        chatStream(["tokens that keep coming "], { finish: false }).replace("data: [DONE]\n\n", ""),
      );
    });
    const controller = new AbortController();
    const { body } = await request(url, { method: "POST", body: "{}" });
    const stream = guardStream(body, {
      scan: () => ({ verdict: "allow", categories: [] }),
      windowSize: 8,
      signal: controller.signal,
    });
    for await (const _frame of stream.frames) controller.abort();
    await upstreamClosed;
    const result = await stream.result;
    expect(result.end).toBe("aborted");
    expect(result.usage.source).toBe("local");
  });
});
