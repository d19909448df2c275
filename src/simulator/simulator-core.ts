import { timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import { chatCompletion } from "./chat-completion.js";
import { embeddings } from "./embeddings.js";
import { modelListBody } from "./models.js";
import type { SimulatorProfile } from "./profiles/profile.js";
import { requestDigest } from "./request-identity.js";
import { errorResponse, jsonResponse, type SimulatorResponse } from "./simulator-response.js";
import { textCompletion } from "./text-completion.js";
import {
  chatCompletionRequestSchema,
  embeddingsRequestSchema,
  textCompletionRequestSchema,
} from "./wire-schemas.js";

/**
 * The simulator without a transport: one request in, one answer out, synchronously and
 * deterministically. The HTTP handler and the in-process fetch wrap it.
 */

export interface SimulatorRequest {
  readonly method: string;
  /** the path, with or without a query string */
  readonly path: string;
  /** the `authorization` header, when there is one */
  readonly authorization?: string | undefined;
  /** the raw body text ("" when there is none) */
  readonly body: string;
}

export interface SimulatorCoreOptions {
  readonly profile: SimulatorProfile;
  /** when set, requests must carry `Authorization: Bearer <apiKey>` (tests that a gateway sends its key) */
  readonly apiKey?: string | undefined;
}

type PostHandler = (body: string, options: SimulatorCoreOptions) => SimulatorResponse;

function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  body: string,
  answer: (request: z.infer<Schema>, digest: string) => SimulatorResponse,
): SimulatorResponse {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return errorResponse({
      status: 400,
      type: "invalid_request_error",
      code: "invalid_json",
      message: "the request body is not valid JSON",
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue && issue.path.length > 0 ? issue.path.join(".") : null;
    const message = issue ? `${param ?? "body"}: ${issue.message}` : "invalid request body";
    return errorResponse({
      status: 400,
      type: "invalid_request_error",
      code: "invalid_request",
      message,
      param,
    });
  }
  return answer(parsed.data, requestDigest(body));
}

/** The POST endpoints by path. */
const postRoutes: Readonly<Record<string, PostHandler>> = {
  "/v1/chat/completions": (body, options) =>
    parseBody(chatCompletionRequestSchema, body, (request, digest) =>
      chatCompletion(request, digest, options.profile),
    ),
  "/v1/completions": (body, options) =>
    parseBody(textCompletionRequestSchema, body, (request, digest) =>
      textCompletion(request, digest, options.profile),
    ),
  "/v1/embeddings": (body) => parseBody(embeddingsRequestSchema, body, (request) => embeddings(request)),
};

const MODELS_BODY = modelListBody();

function authorized(authorization: string | undefined, apiKey: string): boolean {
  const expected = Buffer.from(`Bearer ${apiKey}`);
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function handleSimulatorRequest(
  request: SimulatorRequest,
  options: SimulatorCoreOptions,
): SimulatorResponse {
  const queryStart = request.path.indexOf("?");
  const path = queryStart === -1 ? request.path : request.path.slice(0, queryStart);
  if (request.method === "GET" && path === "/health") return jsonResponse({ status: "ok" });
  if (options.apiKey !== undefined && !authorized(request.authorization, options.apiKey)) {
    return errorResponse({
      status: 401,
      type: "authentication_error",
      code: "invalid_api_key",
      message: "missing or wrong API key",
    });
  }
  if (path === "/v1/models" && request.method === "GET")
    return { kind: "json", status: 200, body: MODELS_BODY };
  const post = Object.hasOwn(postRoutes, path) ? postRoutes[path] : undefined;
  if (post && request.method === "POST") return post(request.body, options);
  if (post || path === "/v1/models") {
    return errorResponse({
      status: 405,
      type: "invalid_request_error",
      code: "method_not_allowed",
      message: `${request.method} is not allowed on ${path}`,
    });
  }
  return errorResponse({
    status: 404,
    type: "invalid_request_error",
    code: "not_found",
    message: `unknown path ${request.method} ${path}`,
  });
}
