import type { FastifyReply } from "fastify";
import { type GatewayDependencies, recordDecision } from "./gateway-context.js";
import type { RequestRecord } from "./request-record.js";
import { readUpstreamJson, type UpstreamBodies } from "./upstream-json.js";
import type { Route } from "./upstream-router.js";

/** An abort signal for the upstream call that fires when the client goes away before its answer is sent. */
export function abortOnClientClose(reply: FastifyReply): AbortController {
  const abort = new AbortController();
  reply.raw.on("close", () => {
    if (!reply.raw.writableFinished) abort.abort();
  });
  return abort;
}

/**
 * Calls the upstream for a non-streamed answer and times the wait. An upstream error is recorded
 * and answered in the OpenAI shape here, and `undefined` comes back; otherwise the answer's usage is
 * recorded and its body returned for the output guard.
 */
export async function fetchUpstreamAnswer<K extends keyof UpstreamBodies>(
  dependencies: GatewayDependencies,
  reply: FastifyReply,
  record: RequestRecord,
  call: { route: Route; endpoint: string; body: unknown; kind: K; signal?: AbortSignal },
): Promise<UpstreamBodies[K] | undefined> {
  record.upstreamStarted();
  const response = await dependencies.client.request(
    call.route.upstream,
    "POST",
    call.endpoint,
    call.body,
    call.signal,
  );
  const answer = await readUpstreamJson(call.route.upstream, response, call.kind);
  record.upstreamFinished();
  if (answer.kind === "error") {
    await recordDecision(dependencies, record, answer.status);
    void reply.status(answer.status).headers(record.headers()).send(answer.body);
    return undefined;
  }
  record.usage = {
    promptTokens: answer.usage?.prompt_tokens ?? 0,
    completionTokens: answer.usage?.completion_tokens ?? 0,
  };
  return answer.body;
}
