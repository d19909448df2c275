import { fetch as undiciFetch } from "undici";
import { z } from "zod";
import { RampartError } from "../../core/errors.js";
import { type ChatAnswer, type ChatRequest, chatCompletionSchema } from "./chat-types.js";
import { createRateLimiter } from "./rate-limiter.js";

/** The part of fetch the target uses, so that undici, the global fetch or the simulator can be injected. */
export type TargetFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string>; headers: { get(name: string): string | null } }>;

export interface OpenAiTargetOptions {
  /** the base URL up to /v1 (".../v1"); /chat/completions is appended */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly fetch?: TargetFetch;
  /** per attempt */
  readonly timeoutMs?: number;
  /** retries on 429, 5xx and network errors */
  readonly retries?: number;
  /** first backoff; doubles each retry, or Retry-After when the server sends it (capped) */
  readonly backoffMs?: number;
  /** requests started per second; 0 = no limit */
  readonly rate?: number;
  /** the largest response body read */
  readonly maxResponseBytes?: number;
}

export interface ChatTarget {
  readonly url: string;
  send(request: ChatRequest): Promise<ChatAnswer>;
}

const RETRY_AFTER_CAP_MS = 30_000;

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** An OpenAI-compatible chat endpoint: timeouts, retries with backoff, a rate limit. */
export function createOpenAiTarget(options: OpenAiTargetOptions): ChatTarget {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const fetchFunction: TargetFetch = options.fetch ?? (undiciFetch as unknown as TargetFetch);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const maxBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  const limiter = createRateLimiter(options.rate ?? 0);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function attempt(body: string): Promise<{ status: number; text: string; retryAfter: string | null }> {
    await limiter.wait();
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetchFunction(url, { method: "POST", headers, body, signal });
    const text = await response.text();
    if (text.length > maxBytes) throw new RampartError("upstream_error", `response over ${maxBytes} bytes`);
    return { status: response.status, text, retryAfter: response.headers.get("retry-after") };
  }

  return {
    url,
    async send(request) {
      const body = JSON.stringify(request);
      let lastError: unknown;
      for (let round = 0; round <= retries; round++) {
        let wait = backoffMs * 2 ** round;
        let result: Awaited<ReturnType<typeof attempt>>;
        try {
          result = await attempt(body);
        } catch (error) {
          lastError =
            error instanceof Error && error.name === "TimeoutError"
              ? new RampartError("upstream_timeout", `target did not answer within ${timeoutMs} ms`)
              : error;
          if (round < retries) await sleep(wait);
          continue;
        }
        if (result.status >= 200 && result.status < 300) return parseAnswer(result.text);
        const blocked = policyBlock(result.status, result.text);
        if (blocked) return blocked;
        const message = `target answered HTTP ${result.status}: ${result.text.slice(0, 200)}`;
        if (!isRetryable(result.status)) throw new RampartError("upstream_error", message);
        lastError = new RampartError(result.status === 429 ? "rate_limited" : "upstream_error", message);
        const retryAfter = Number(result.retryAfter);
        if (Number.isFinite(retryAfter) && retryAfter > 0)
          wait = Math.min(retryAfter * 1000, RETRY_AFTER_CAP_MS);
        if (round < retries) await sleep(wait);
      }
      if (lastError instanceof RampartError) throw lastError;
      throw new RampartError("upstream_unavailable", `target unreachable: ${String(lastError)}`, {
        cause: lastError,
      });
    },
  };
}

/** An OpenAI error body whose code says a guard or policy blocked the request ("rampart_policy_violation", "content_filter"). */
export const POLICY_BLOCK_CODE = /policy|content_filter|blocked|moderation/i;

const errorBodySchema = z.object({
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }),
});

/**
 * A 400 or 403 from a guard in front of the model (the Rampart gateway, a content filter) is the
 * system refusing, not a failed case: it becomes an empty answer with finish reason `content_filter`.
 */
function policyBlock(status: number, text: string): ChatAnswer | undefined {
  if (status !== 400 && status !== 403) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(raw);
  if (!parsed.success || !POLICY_BLOCK_CODE.test(parsed.data.error.code ?? "")) return undefined;
  return { text: "", toolCalls: [], finishReason: "content_filter" };
}

function parseAnswer(text: string): ChatAnswer {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RampartError("upstream_error", "target answered with invalid JSON", { cause: error });
  }
  const parsed = chatCompletionSchema.safeParse(raw);
  if (!parsed.success) throw new RampartError("upstream_error", "target answer is not a chat completion");
  const choice = parsed.data.choices[0];
  return {
    text: choice?.message.content ?? "",
    toolCalls: (choice?.message.tool_calls ?? []).map((call) => ({
      name: call.function.name,
      arguments: call.function.arguments,
    })),
    finishReason: choice?.finish_reason ?? "stop",
  };
}
