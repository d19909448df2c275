import { z } from "zod";
import type { UpstreamConfig } from "../config/index.js";
import { type OpenAiErrorBody, RampartError, toHttpError } from "../core/index.js";
import {
  type ChatCompletionResponse,
  type CompletionResponse,
  chatCompletionResponseSchema,
  completionResponseSchema,
  usageSchema,
} from "./openai-schemas.js";
import { UpstreamClient, type UpstreamResponse } from "./upstream-client.js";

const embeddingResponseSchema = z.looseObject({
  data: z.array(z.unknown()),
  usage: usageSchema.nullable().optional(),
});
const upstreamErrorSchema = z.looseObject({
  error: z.looseObject({ message: z.string() }).or(z.string()),
});

const schemas = {
  chat: chatCompletionResponseSchema,
  completion: completionResponseSchema,
  embedding: embeddingResponseSchema,
} as const;

/** The answer body of each kind of upstream call. */
export type UpstreamBodies = {
  chat: ChatCompletionResponse;
  completion: CompletionResponse;
  embedding: z.infer<typeof embeddingResponseSchema>;
};

export type UpstreamJson<K extends keyof UpstreamBodies> =
  | { kind: "ok"; body: UpstreamBodies[K]; usage: UpstreamBodies[K]["usage"] }
  | { kind: "error"; status: number; body: OpenAiErrorBody };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a non-streamed upstream answer. A 2xx must be JSON of the expected shape; a 4xx is passed on
 * in the OpenAI error shape (the upstream's message, prefixed); a 5xx or anything malformed is 502.
 */
export async function readUpstreamJson<K extends keyof UpstreamBodies>(
  upstream: UpstreamConfig,
  response: UpstreamResponse,
  kind: K,
): Promise<UpstreamJson<K>> {
  const bytes = await UpstreamClient.readBounded(upstream, response);
  const text = bytes.toString("utf8");
  const value = parseJson(text);
  if (response.statusCode >= 400) {
    if (response.statusCode >= 500 || response.statusCode === 401 || response.statusCode === 403) {
      // the upstream's own authentication is the gateway's business, not the caller's
      const error = new RampartError(
        "upstream_error",
        `upstream '${upstream.name}' answered ${response.statusCode}`,
      );
      return { kind: "error", status: 502, body: toHttpError(error).body };
    }
    const parsed = upstreamErrorSchema.safeParse(value);
    const message = parsed.success
      ? typeof parsed.data.error === "string"
        ? parsed.data.error
        : parsed.data.error.message
      : `upstream answered ${response.statusCode}`;
    const status = response.statusCode === 404 || response.statusCode === 429 ? response.statusCode : 400;
    const code = status === 404 ? "model_not_found" : status === 429 ? "rate_limited" : "invalid_request";
    const body = toHttpError(
      new RampartError(code, `upstream '${upstream.name}': ${message}`.slice(0, 1000)),
    ).body;
    return { kind: "error", status, body };
  }
  const contentType = String(response.headers["content-type"] ?? "");
  if (!contentType.includes("json")) {
    throw new RampartError(
      "upstream_error",
      `upstream '${upstream.name}' answered with content type '${contentType || "none"}', not JSON`,
    );
  }
  if (value === undefined)
    throw new RampartError("upstream_error", `upstream '${upstream.name}' answered with malformed JSON`);
  const parsed = schemas[kind].safeParse(value);
  if (!parsed.success) {
    throw new RampartError(
      "upstream_error",
      `upstream '${upstream.name}' answered with an unexpected body shape`,
    );
  }
  const body = parsed.data as UpstreamBodies[K];
  return { kind: "ok", body, usage: body.usage };
}
