import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { RampartError } from "../core/index.js";
import { type GatewayDependencies, recordDecision } from "./gateway-context.js";
import type { ContentGuard, GuardContext, GuardResult } from "./guard.js";
import type { RequestRecord } from "./request-record.js";
import { guardStream, type StreamScanContext, type StreamScanOutcome } from "./stream/index.js";
import { readUpstreamJson } from "./upstream-json.js";
import type { Route } from "./upstream-router.js";

export interface StreamOptions {
  /** the client asked for the usage chunk (the gateway always asks the upstream for it) */
  clientWantsUsage: boolean;
  abort: AbortController;
  kind: "chat" | "completion";
  /** whether the model may call a tool of this name (tool allowlist); a refused call blocks the stream */
  toolAllowed: (name: string) => boolean;
}

/** A scan that could not run: thrown so that the stream guard applies the policy's fail mode. */
class ScanUnavailable extends Error {}

function toOutcome(
  result: GuardResult,
  record: RequestRecord,
  text: string,
  scan: StreamScanContext,
): StreamScanOutcome {
  record.addStreamResult(result, {
    text,
    channelOffset: scan.channelOffset,
    overlapLength: scan.overlapLength,
    primary: scan.choiceIndex === 0 && scan.channel === "content",
  });
  if (result.failedClosed) throw new ScanUnavailable("a detector could not run");
  return {
    verdict: result.verdict,
    categories: [...new Set(result.findings.map((finding) => finding.category))],
    ...(result.verdict === "redact" && result.replacements ? { replacements: result.replacements } : {}),
  };
}

function scanFunction(
  guard: ContentGuard,
  context: GuardContext,
  record: RequestRecord,
  toolAllowed: (name: string) => boolean,
) {
  return (text: string, scan: StreamScanContext): StreamScanOutcome | Promise<StreamScanOutcome> => {
    if (scan.channel === "tool_arguments" && scan.toolName !== undefined && !toolAllowed(scan.toolName)) {
      record.outputVerdict = "block";
      return { verdict: "block", categories: ["excessive-agency"] };
    }
    const result = guard.scanOutput(text, context);
    return result instanceof Promise
      ? result.then((value) => toOutcome(value, record, text, scan))
      : toOutcome(result, record, text, scan);
  };
}

/**
 * A streamed chat or completion: the upstream SSE body goes through the stream guard, which releases
 * text only after it was scanned, blocks with an in-band error event (and no [DONE]) when the policy
 * says so, and counts usage when the upstream sends none. The x-rampart-verdict header of a stream
 * carries the decision on the request; the decision on the answer is in the stream and the event.
 */
export async function streamChat(
  dependencies: GatewayDependencies,
  _request: FastifyRequest,
  reply: FastifyReply,
  record: RequestRecord,
  route: Route,
  upstreamBody: Record<string, unknown>,
  context: GuardContext,
  options: StreamOptions,
): Promise<void> {
  const endpoint = options.kind === "chat" ? "/chat/completions" : "/completions";
  record.upstreamStarted();
  const response = await dependencies.client.request(
    route.upstream,
    "POST",
    endpoint,
    upstreamBody,
    options.abort.signal,
  );
  record.upstreamFinished();
  const contentType = String(response.headers["content-type"] ?? "");
  if (response.statusCode >= 400) {
    const answer = await readUpstreamJson(
      route.upstream,
      response,
      options.kind === "chat" ? "chat" : "completion",
    );
    if (answer.kind === "error") {
      await recordDecision(dependencies, record, answer.status);
      void reply.status(answer.status).headers(record.headers()).send(answer.body);
      return;
    }
  }
  if (!contentType.includes("text/event-stream")) {
    await response.body.dump().catch(() => undefined);
    throw new RampartError(
      "upstream_error",
      `upstream '${route.upstream.name}' answered a stream request with '${contentType || "no content type"}'`,
    );
  }
  const settings = dependencies.guard.streamSettings(context);
  const guard = guardStream(response.body, {
    mode: settings.mode,
    windowSize: settings.windowChars,
    forwardUsage: options.clientWantsUsage,
    scan: scanFunction(dependencies.guard, context, record, options.toolAllowed),
    transform: (text) => dependencies.guard.restore(text, context),
    signal: options.abort.signal,
  });
  void guard.result.then(
    (result) => {
      record.usage = {
        promptTokens: result.usage.promptTokens ?? 0,
        completionTokens: result.usage.completionTokens,
      };
      if (result.blocked) {
        record.outputVerdict = "block";
        record.errorCode = result.blockReason === "policy" ? "policy_violation" : "scan_failed";
      }
      if (result.end === "upstream_error") record.errorCode = "upstream_error";
      void recordDecision(dependencies, record, 200).catch(() => undefined);
    },
    (error: unknown) => {
      record.errorCode = "internal";
      dependencies.logger.error({ err: error }, "stream guard failed");
      void recordDecision(dependencies, record, 200).catch(() => undefined);
    },
  );
  void reply
    .status(200)
    .headers({
      ...record.headers(),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "x-accel-buffering": "no",
    })
    .send(Readable.from(guard.frames, { objectMode: false }));
}
