/**
 * Typed errors. Every failure that crosses a module boundary is a RampartError with a stable code.
 * The HTTP edge maps codes to a status and the OpenAI error shape in one table
 * (src/server/http-errors.ts); the CLI maps them to exit codes. Expected outcomes (a finding,
 * a failed check) are values, never exceptions.
 */
export const errorCodes = [
  // configuration and usage: exit 2 on the CLI
  "config_invalid",
  "config_not_found",
  "usage",
  // infrastructure
  "storage_unreachable",
  "storage_error",
  "port_in_use",
  "redis_unreachable",
  // request handling (gateway and management API)
  "invalid_request",
  "invalid_json",
  "invalid_encoding",
  "payload_too_large",
  "unauthorized",
  "forbidden",
  "policy_violation",
  "not_found",
  "model_not_found",
  "rate_limited",
  "upstream_error",
  "upstream_timeout",
  "upstream_unavailable",
  "scan_failed",
  "internal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface RampartErrorOptions {
  /** the underlying error, kept for --debug output and logs, never shown to API callers */
  cause?: unknown;
  /** machine-readable extra data that is safe to show (never secrets or raw prompts) */
  details?: Readonly<Record<string, unknown>>;
}

export class RampartError extends Error {
  override readonly name = "RampartError";
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }
}

export function isRampartError(value: unknown): value is RampartError {
  return value instanceof RampartError;
}

/** A message for any thrown value, without a stack. */
export function errorMessage(value: unknown): string {
  if (value instanceof Error) return value.message;
  return String(value);
}
