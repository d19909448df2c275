import { type ErrorCode, errorMessage, isRampartError } from "./errors.js";

/**
 * The one table that maps Rampart error codes to an HTTP status and the OpenAI error `type`.
 * Every error that leaves the server does so in the OpenAI shape:
 * `{"error": {"message", "type", "code", "param"}}`.
 */
export const httpErrorTable: Readonly<Record<ErrorCode, { status: number; type: string; code: string }>> = {
  config_invalid: { status: 500, type: "server_error", code: "config_invalid" },
  config_not_found: { status: 500, type: "server_error", code: "config_not_found" },
  usage: { status: 400, type: "invalid_request_error", code: "invalid_request" },
  storage_unreachable: { status: 503, type: "server_error", code: "storage_unavailable" },
  storage_error: { status: 500, type: "server_error", code: "storage_error" },
  port_in_use: { status: 500, type: "server_error", code: "internal_error" },
  redis_unreachable: { status: 503, type: "server_error", code: "redis_unavailable" },
  invalid_request: { status: 400, type: "invalid_request_error", code: "invalid_request" },
  invalid_json: { status: 400, type: "invalid_request_error", code: "invalid_json" },
  invalid_encoding: { status: 400, type: "invalid_request_error", code: "invalid_encoding" },
  payload_too_large: { status: 413, type: "invalid_request_error", code: "payload_too_large" },
  unauthorized: { status: 401, type: "invalid_request_error", code: "invalid_api_key" },
  forbidden: { status: 403, type: "permission_error", code: "forbidden" },
  policy_violation: { status: 403, type: "permission_error", code: "rampart_policy_violation" },
  not_found: { status: 404, type: "invalid_request_error", code: "not_found" },
  model_not_found: { status: 404, type: "invalid_request_error", code: "model_not_found" },
  rate_limited: { status: 429, type: "rate_limit_error", code: "rate_limit_exceeded" },
  upstream_error: { status: 502, type: "server_error", code: "upstream_error" },
  upstream_timeout: { status: 504, type: "server_error", code: "upstream_timeout" },
  upstream_unavailable: { status: 502, type: "server_error", code: "upstream_unavailable" },
  scan_failed: { status: 503, type: "server_error", code: "rampart_scan_failed" },
  internal: { status: 500, type: "server_error", code: "internal_error" },
};

export interface OpenAiErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
}

export interface HttpError {
  status: number;
  body: OpenAiErrorBody;
  headers: Record<string, string>;
}

/** Fastify's own errors (body parsing, limits) carry these codes. */
const fastifyErrorCodes: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "invalid_request",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "invalid_request",
  FST_ERR_CTP_EMPTY_TYPE: "invalid_request",
  FST_ERR_CTP_INVALID_TYPE: "invalid_request",
};

const fastifyMessages: Partial<Record<ErrorCode, string>> = {
  payload_too_large: "request body is larger than the server accepts",
  invalid_json: "request body is not valid JSON",
};

function codeOf(error: unknown): { code: ErrorCode; message: string } {
  if (isRampartError(error)) return { code: error.code, message: error.message };
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string") {
    const mapped = fastifyErrorCodes[error.code];
    if (mapped) return { code: mapped, message: fastifyMessages[mapped] ?? errorMessage(error) };
    if ("statusCode" in error && error.statusCode === 400)
      return { code: "invalid_request", message: errorMessage(error) };
  }
  if (error instanceof SyntaxError)
    return { code: "invalid_json", message: "request body is not valid JSON" };
  return { code: "internal", message: "internal error; the request id identifies it in the server log" };
}

/** Maps any thrown value to a status, the OpenAI error body and extra headers. */
export function toHttpError(error: unknown): HttpError {
  const { code, message } = codeOf(error);
  const row = httpErrorTable[code];
  const details = isRampartError(error) ? error.details : {};
  const param = typeof details.param === "string" ? details.param : null;
  const headers: Record<string, string> = {};
  if (typeof details.retryAfterSeconds === "number")
    headers["retry-after"] = String(Math.ceil(details.retryAfterSeconds));
  return { status: row.status, body: { error: { message, type: row.type, code: row.code, param } }, headers };
}
