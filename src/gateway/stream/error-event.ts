/**
 * The in-band error event that ends a guarded stream once HTTP 200 is already on the wire. It has
 * the OpenAI error shape, so SDKs raise it as an API error; the guard sends no `[DONE]` after it,
 * so clients see the stream as truncated rather than complete. The message names categories only,
 * never the offending text.
 */

export const streamErrorCodes = {
  /** the policy blocked the generated text */
  policy: "rampart_policy_violation",
  /** a scan failed or timed out and the policy fails closed */
  scanFailed: "rampart_scan_failed",
  /** the stream exceeded a size bound (buffer mode cap, or one oversized event) */
  tooLarge: "rampart_stream_too_large",
  /** the upstream sent an error, or data that is not a completion chunk */
  upstream: "rampart_upstream_error",
} as const;

export type StreamErrorCode = (typeof streamErrorCodes)[keyof typeof streamErrorCodes];

/** One SSE frame carrying `{"error": {message, type, code, param}}`. */
export function errorEventFrame(code: StreamErrorCode, message: string): string {
  return `data: ${JSON.stringify({ error: { message, type: code, code, param: null } })}\n\n`;
}

export function policyBlockMessage(categories: readonly string[]): string {
  return categories.length === 0
    ? "The response was stopped by the Rampart policy."
    : `The response was stopped by the Rampart policy (categories: ${[...categories].sort().join(", ")}).`;
}

/** The frame that ends an OpenAI stream normally. */
export const DONE_FRAME = "data: [DONE]\n\n";

/** Frames one chunk object as an SSE event. */
export function dataFrame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}
