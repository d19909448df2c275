import { Pool } from "undici";
import type { UpstreamConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";

/** The largest upstream body the gateway reads into memory (non-streamed answers). */
export const MAX_UPSTREAM_BODY_BYTES = 32 * 1024 * 1024;

/** Error codes of undici that mean the connection was never made: safe to retry once. */
const CONNECTION_FAILURES = new Set([
  "ECONNREFUSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);
const TIMEOUTS = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

export interface UpstreamResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Buffer> & { text(): Promise<string>; dump(): Promise<void> };
}

function errorCodeOf(error: unknown): string | undefined {
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string")
    return error.code;
  return undefined;
}

/** Maps an undici failure to a Rampart error that names the upstream but no secret. */
export function upstreamFailure(upstream: UpstreamConfig, error: unknown): RampartError {
  if (error instanceof RampartError) return error;
  const code = errorCodeOf(error);
  if (code !== undefined && TIMEOUTS.has(code)) {
    return new RampartError("upstream_timeout", `upstream '${upstream.name}' did not answer in time`, {
      cause: error,
    });
  }
  if (
    code !== undefined &&
    (CONNECTION_FAILURES.has(code) || code === "ECONNRESET" || code === "UND_ERR_SOCKET")
  ) {
    return new RampartError("upstream_unavailable", `upstream '${upstream.name}' is unreachable (${code})`, {
      cause: error,
    });
  }
  if (code === "UND_ERR_ABORTED" || (error instanceof Error && error.name === "AbortError")) {
    return new RampartError("upstream_error", `request to upstream '${upstream.name}' was cancelled`, {
      cause: error,
    });
  }
  return new RampartError("upstream_error", `upstream '${upstream.name}' failed`, { cause: error });
}

/**
 * One undici Pool per upstream: bounded connections, connect and header timeouts sized for long
 * generations, one retry when the connection could not be made (never once the request was sent).
 */
export class UpstreamClient {
  private readonly pools = new Map<string, Pool>();

  private pool(upstream: UpstreamConfig): Pool {
    let pool = this.pools.get(upstream.name);
    if (pool === undefined) {
      pool = new Pool(new URL(upstream.url).origin, {
        connections: upstream.maxConnections,
        connect: { timeout: upstream.connectTimeoutMs },
        headersTimeout: upstream.timeoutMs,
        bodyTimeout: upstream.timeoutMs,
        keepAliveTimeout: 30_000,
        pipelining: 1,
      });
      this.pools.set(upstream.name, pool);
    }
    return pool;
  }

  /** Path on the upstream: its base URL's path (usually /v1) plus the endpoint (/chat/completions). */
  static pathFor(upstream: UpstreamConfig, endpoint: string): string {
    const base = new URL(upstream.url).pathname.replace(/\/+$/, "");
    return `${base}${endpoint}`;
  }

  async request(
    upstream: UpstreamConfig,
    method: "GET" | "POST",
    endpoint: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<UpstreamResponse> {
    const headers: Record<string, string> = { accept: "application/json, text/event-stream" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (upstream.apiKey !== undefined) headers.authorization = `Bearer ${upstream.apiKey}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const path = UpstreamClient.pathFor(upstream, endpoint);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await this.pool(upstream).request({ method, path, headers, body: payload, signal });
        return response as unknown as UpstreamResponse;
      } catch (error) {
        const code = errorCodeOf(error);
        if (attempt === 0 && code !== undefined && CONNECTION_FAILURES.has(code) && !signal?.aborted)
          continue;
        throw upstreamFailure(upstream, error);
      }
    }
  }

  /** Reads a whole body with a size bound; a larger body is an upstream error. */
  static async readBounded(
    upstream: UpstreamConfig,
    response: UpstreamResponse,
    limit = MAX_UPSTREAM_BODY_BYTES,
  ) {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += chunk.length;
        if (size > limit) {
          await response.body.dump().catch(() => undefined);
          throw new RampartError(
            "upstream_error",
            `upstream '${upstream.name}' sent a body larger than ${limit} bytes`,
          );
        }
        chunks.push(chunk);
      }
    } catch (error) {
      throw upstreamFailure(upstream, error);
    }
    return Buffer.concat(chunks);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }
}
