import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { UpstreamConfig } from "../../config/index.js";
import { listUpstreams, type UpstreamReachability, type UpstreamView } from "../../core/api/settings.js";
import { errorMessage } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import { UpstreamClient } from "../../gateway/upstream-client.js";
import { route } from "./contract-route.js";

export interface SettingsRoutesDependencies {
  readonly admins: Authenticator;
  /** the upstreams the gateway routes to (with the demo simulator under --demo) */
  readonly upstreams: readonly UpstreamConfig[];
  /** the gateway's upstream client: checks use its pools, connect timeouts and the upstream's key */
  readonly client: UpstreamClient;
  readonly now?: () => Date;
}

/** How long a check is reused, and how long one may take. */
const CHECK_TTL_MS = 15_000;
const CHECK_TIMEOUT_MS = 2_000;
const SERVED_MODELS_SHOWN = 200;

const modelListSchema = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })) });

/** The base URL as shown: no user name, password, query or fragment (any of them could carry a secret). */
export function publicUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    parsed.search = "";
    parsed.hash = "";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}

interface Check {
  readonly status: UpstreamReachability;
  readonly servedModels: string[] | null;
  readonly at: number;
}

/** GET /api/v1/upstreams (policy:read). */
export async function settingsRoutes(app: FastifyInstance, deps: SettingsRoutesDependencies): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const checks = new Map<string, Check>();
  const pending = new Map<string, Promise<Check>>();

  async function probe(upstream: UpstreamConfig): Promise<Check> {
    const started = performance.now();
    const checkedAt = now();
    const timeout = Math.min(CHECK_TIMEOUT_MS, upstream.timeoutMs);
    const signal = AbortSignal.timeout(timeout);
    try {
      const response = await deps.client.request(upstream, "GET", "/models", undefined, signal);
      let servedModels: string[] | null = null;
      try {
        const bytes = await UpstreamClient.readBounded(upstream, response, 1024 * 1024);
        const parsed = modelListSchema.safeParse(JSON.parse(bytes.toString("utf8")));
        if (response.statusCode === 200 && parsed.success)
          servedModels = parsed.data.data.slice(0, SERVED_MODELS_SHOWN).map((model) => model.id);
      } catch {
        // not a model list: reachable all the same
      }
      const status = response.statusCode;
      const detail =
        status === 200
          ? "answered GET /models"
          : status === 401 || status === 403
            ? `answered ${status}: check the upstream's apiKey`
            : `answered ${status} to GET /models`;
      return {
        status: {
          reachable: true,
          checkedAt: checkedAt.toISOString(),
          latencyMs: Math.round(performance.now() - started),
          httpStatus: status,
          detail,
        },
        servedModels,
        at: Date.now(),
      };
    } catch (error) {
      return {
        status: {
          reachable: false,
          checkedAt: checkedAt.toISOString(),
          latencyMs: Math.round(performance.now() - started),
          httpStatus: null,
          detail: signal.aborted ? `no answer within ${timeout} ms` : errorMessage(error),
        },
        servedModels: null,
        at: Date.now(),
      };
    }
  }

  /** The cached check, or a new one; concurrent callers share one check per upstream. */
  function check(upstream: UpstreamConfig, refresh: boolean): Promise<Check> {
    const cached = checks.get(upstream.name);
    if (!refresh && cached !== undefined && Date.now() - cached.at < CHECK_TTL_MS)
      return Promise.resolve(cached);
    let running = pending.get(upstream.name);
    if (running === undefined) {
      running = probe(upstream).then((result) => {
        checks.set(upstream.name, result);
        pending.delete(upstream.name);
        return result;
      });
      pending.set(upstream.name, running);
    }
    return running;
  }

  route(app, deps.admins, listUpstreams, async ({ query }) => {
    const results = await Promise.all(
      deps.upstreams.map((upstream) => check(upstream, query.refresh === true)),
    );
    const data: UpstreamView[] = deps.upstreams.map((upstream, index) => {
      const result = results[index] as Check;
      return {
        name: upstream.name,
        url: publicUrl(upstream.url),
        models: [...upstream.models],
        aliases: { ...upstream.aliases },
        servedModels: result.servedModels,
        hasApiKey: upstream.apiKey !== undefined,
        timeoutMs: upstream.timeoutMs,
        connectTimeoutMs: upstream.connectTimeoutMs,
        maxConnections: upstream.maxConnections,
        status: result.status,
      };
    });
    return { data };
  });
}
