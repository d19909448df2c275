import type { IncomingMessage, ServerResponse } from "node:http";
import { openAiErrorBody } from "./openai-errors.js";
import { type ResolvedSimulatorOptions, resolveSimulatorOptions, type SimulatorOptions } from "./options.js";
import { handleSimulatorRequest } from "./simulator-core.js";
import type { SimulatorResponse } from "./simulator-response.js";

/** A node:http request listener; mount it on any server, or let startSimulator do it. */
export type SimulatorHttpHandler = (request: IncomingMessage, response: ServerResponse) => void;

const TOO_LARGE_BODY = openAiErrorBody({
  status: 413,
  type: "invalid_request_error",
  code: "payload_too_large",
  message: "the request body is too large",
});

const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
} as const;

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function sendJson(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}

async function sendFramesSlowly(response: ServerResponse, frames: readonly string[], chunkDelayMs: number) {
  for (const [index, frame] of frames.entries()) {
    if (index > 0) await delay(chunkDelayMs);
    if (response.destroyed) return;
    response.write(frame);
  }
  response.end();
}

function send(response: ServerResponse, answer: SimulatorResponse, options: ResolvedSimulatorOptions): void {
  if (response.destroyed) return;
  if (answer.kind === "json") {
    sendJson(response, answer.status, answer.body);
    return;
  }
  response.writeHead(answer.status, STREAM_HEADERS);
  if (options.chunkDelayMs === 0) {
    response.end(answer.frames.join(""));
    return;
  }
  void sendFramesSlowly(response, answer.frames, options.chunkDelayMs);
}

/**
 * Reads the body (bounded by maxBodyBytes), answers with the simulator core, and waits
 * `latencyMs` before the first byte and `chunkDelayMs` between stream frames.
 */
export function createSimulatorHandler(options: SimulatorOptions = {}): SimulatorHttpHandler {
  const resolved = resolveSimulatorOptions(options);
  return (request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > resolved.maxBodyBytes) {
        if (!tooLarge) {
          tooLarge = true;
          response.setHeader("connection", "close");
          sendJson(response, 413, TOO_LARGE_BODY);
        }
        return;
      }
      chunks.push(chunk);
    });
    request.on("error", () => response.destroy());
    request.on("end", () => {
      if (tooLarge) return;
      const answer = handleSimulatorRequest(
        {
          method: request.method ?? "GET",
          path: request.url ?? "/",
          authorization: request.headers.authorization,
          body:
            chunks.length === 1
              ? (chunks[0]?.toString("utf8") ?? "")
              : Buffer.concat(chunks).toString("utf8"),
        },
        resolved,
      );
      if (resolved.latencyMs > 0) setTimeout(() => send(response, answer, resolved), resolved.latencyMs);
      else send(response, answer, resolved);
    });
  };
}
