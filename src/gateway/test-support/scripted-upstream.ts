import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An upstream that misbehaves on purpose, chosen by the model name of the request:
 * `malformed-json`, `wrong-content-type`, `huge-body`, `stall-headers`, `disconnect-mid-stream`,
 * `error-400`, `error-500`, `error-401`; anything else answers a small valid chat completion.
 */
export interface ScriptedUpstream {
  url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function modelOf(body: string): string {
  const match = /"model"\s*:\s*"([^"]+)"/.exec(body);
  return match?.[1] ?? "";
}

const okAnswer = (model: string) =>
  JSON.stringify({
    id: "chatcmpl-scripted",
    object: "chat.completion",
    created: 0,
    model,
    choices: [
      { index: 0, message: { role: "assistant", content: "scripted answer" }, finish_reason: "stop" },
    ],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  });

function handle(request: IncomingMessage, response: ServerResponse, body: string): void {
  const model = modelOf(body);
  switch (model) {
    case "malformed-json":
      response.writeHead(200, { "content-type": "application/json" }).end('{"choices": [');
      return;
    case "wrong-content-type":
      response.writeHead(200, { "content-type": "text/html" }).end("<html>hello</html>");
      return;
    case "huge-body":
      response.writeHead(200, { "content-type": "application/json" });
      response.end(Buffer.alloc(40 * 1024 * 1024, 0x20));
      return;
    case "stall-headers":
      request.socket.setTimeout(0);
      return; // never answers; the gateway's header timeout fires
    case "disconnect-mid-stream":
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(
        'data: {"id":"x","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"partial "}}]}\n\n',
      );
      setTimeout(() => response.socket?.destroy(), 20);
      return;
    case "error-400":
      response
        .writeHead(400, { "content-type": "application/json" })
        .end(
          JSON.stringify({ error: { message: "temperature must be <= 2", type: "invalid_request_error" } }),
        );
      return;
    case "error-401":
      response
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "bad upstream key" } }));
      return;
    case "error-500":
      response.writeHead(500, { "content-type": "text/plain" }).end("boom");
      return;
    default:
      response.writeHead(200, { "content-type": "application/json" }).end(okAnswer(model));
  }
}

export async function startScriptedUpstream(): Promise<ScriptedUpstream> {
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => handle(request, response, body),
      () => response.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
