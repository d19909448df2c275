/**
 * Error answers in the OpenAI shape `{"error": {"message", "type", "code", "param"}}`, as the
 * simulator returns them. The types follow OpenAI's: `invalid_request_error` for the caller's
 * mistakes, `authentication_error`, `server_error`.
 */

export type OpenAiErrorType = "invalid_request_error" | "authentication_error" | "server_error";

export interface OpenAiErrorAnswer {
  readonly status: number;
  readonly type: OpenAiErrorType;
  readonly code: string;
  readonly message: string;
  readonly param?: string | null;
}

export function openAiErrorBody(error: OpenAiErrorAnswer): string {
  return JSON.stringify({
    error: { message: error.message, type: error.type, code: error.code, param: error.param ?? null },
  });
}

export function errorTypeForStatus(status: number): OpenAiErrorType {
  if (status === 401) return "authentication_error";
  return status >= 500 ? "server_error" : "invalid_request_error";
}
