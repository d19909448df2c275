import type { UpstreamConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";

/** Where a model name goes: the upstream, and the model name to send it (after aliases). */
export interface Route {
  readonly upstream: UpstreamConfig;
  readonly upstreamModel: string;
}

/** `*` matches any model; `llama-*` matches names that start with `llama-`; anything else is exact. */
export function modelPatternMatches(pattern: string, model: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith("*")) return model.startsWith(pattern.slice(0, -1));
  return pattern === model;
}

/**
 * Routes by model name. An alias wins; then an exact name; then the first upstream whose pattern
 * matches, in configuration order.
 */
export class UpstreamRouter {
  constructor(private readonly upstreams: readonly UpstreamConfig[]) {}

  route(model: string): Route {
    for (const upstream of this.upstreams) {
      const aliased = upstream.aliases[model];
      if (aliased !== undefined) return { upstream, upstreamModel: aliased };
    }
    for (const upstream of this.upstreams) {
      if (upstream.models.includes(model)) return { upstream, upstreamModel: model };
    }
    for (const upstream of this.upstreams) {
      if (upstream.models.some((pattern) => modelPatternMatches(pattern, model))) {
        return { upstream, upstreamModel: model };
      }
    }
    throw new RampartError(
      "model_not_found",
      `the model '${model}' does not exist or is not served by this gateway`,
      {
        details: { param: "model" },
      },
    );
  }

  /** Model names to list on /v1/models: explicit names and aliases (patterns are not listable). */
  listedModels(): string[] {
    const names = new Set<string>();
    for (const upstream of this.upstreams) {
      for (const model of upstream.models) if (!model.includes("*")) names.add(model);
      for (const alias of Object.keys(upstream.aliases)) names.add(alias);
    }
    return [...names];
  }

  /** Upstreams with a wildcard pattern, whose own /v1/models the gateway may ask. */
  wildcardUpstreams(): UpstreamConfig[] {
    return this.upstreams.filter((upstream) => upstream.models.some((model) => model.includes("*")));
  }
}
