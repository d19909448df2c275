import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { presentedKey } from "./authenticator.js";
import type { GatewayDependencies } from "./gateway-context.js";
import { UpstreamClient } from "./upstream-client.js";
import { modelPatternMatches } from "./upstream-router.js";

const upstreamModelsSchema = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })) });
/** How long the model lists of wildcard upstreams are reused. */
const UPSTREAM_MODELS_TTL_MS = 30_000;

/**
 * GET /v1/models: only the models the caller may use. Upstreams configured with a wildcard are
 * asked for their own list (cached for 30 s); an upstream that does not answer is left out.
 */
export function modelsHandler(dependencies: GatewayDependencies) {
  const cache = new Map<string, { ids: string[]; at: number }>();

  async function upstreamIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const upstream of dependencies.router.wildcardUpstreams()) {
      const cached = cache.get(upstream.name);
      if (cached !== undefined && Date.now() - cached.at < UPSTREAM_MODELS_TTL_MS) {
        ids.push(...cached.ids);
        continue;
      }
      try {
        const response = await dependencies.client.request(
          upstream,
          "GET",
          "/models",
          undefined,
          AbortSignal.timeout(2_000),
        );
        const bytes = await UpstreamClient.readBounded(upstream, response, 1024 * 1024);
        const parsed = upstreamModelsSchema.safeParse(JSON.parse(bytes.toString("utf8")));
        const found =
          parsed.success && response.statusCode === 200 ? parsed.data.data.map((model) => model.id) : [];
        cache.set(upstream.name, { ids: found, at: Date.now() });
        ids.push(...found);
      } catch (error) {
        dependencies.logger.warn({ upstream: upstream.name, err: error }, "could not list upstream models");
      }
    }
    return ids;
  }

  return async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await dependencies.authenticator.authenticate(presentedKey(request.headers));
    const names = new Set([...dependencies.router.listedModels(), ...(await upstreamIds())]);
    const allowed = [...names].filter(
      (name) =>
        principal.models.length === 0 ||
        principal.models.some((pattern) => modelPatternMatches(pattern, name)),
    );
    void reply.header("x-rampart-verdict", "allow");
    return {
      object: "list",
      data: allowed.sort().map((id) => ({ id, object: "model", created: 0, owned_by: "rampart" })),
    };
  };
}
