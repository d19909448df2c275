import { type ResolvedSimulatorOptions, resolveSimulatorOptions, type SimulatorOptions } from "./options.js";
import { handleSimulatorRequest } from "./simulator-core.js";
import type { SimulatorResponse } from "./simulator-response.js";

/** A fetch-compatible function answered by the simulator in process, with no socket. */
export type SimulatorFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

function delay(milliseconds: number): Promise<void> {
  return milliseconds === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function toResponse(answer: SimulatorResponse, options: ResolvedSimulatorOptions): Response {
  if (answer.kind === "json") {
    return new Response(answer.body, {
      status: answer.status,
      headers: { "content-type": "application/json" },
    });
  }
  const encoder = new TextEncoder();
  const frames = answer.frames;
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next > 0) await delay(options.chunkDelayMs);
      const frame = frames[next];
      next += 1;
      if (frame === undefined) controller.close();
      else controller.enqueue(encoder.encode(frame));
    },
  });
  return new Response(body, {
    status: answer.status,
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
  });
}

/**
 * The simulator as a fetch function: for red-team targets and clients that take an injectable
 * fetch, so that tests run without a server. Latency and chunk delays apply as over HTTP.
 */
export function createSimulatorFetch(options: SimulatorOptions = {}): SimulatorFetch {
  const resolved = resolveSimulatorOptions(options);
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const answer = handleSimulatorRequest(
      {
        method: request.method,
        path: `${url.pathname}${url.search}`,
        authorization: request.headers.get("authorization") ?? undefined,
        body: await request.text(),
      },
      resolved,
    );
    await delay(resolved.latencyMs);
    request.signal.throwIfAborted();
    return toResponse(answer, resolved);
  };
}
