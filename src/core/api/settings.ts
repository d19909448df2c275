import { z } from "zod";
import { endpoint, queryBoolean } from "./contract.js";

/**
 * Settings the dashboard shows: the gateway's upstreams. The effective policy is GET /api/v1/policy;
 * keys are /api/v1/keys. An upstream's API key never leaves the server; `hasApiKey` says whether one
 * is configured.
 */

export const upstreamReachabilitySchema = z.object({
  /** true when the upstream answered HTTP at all (any status); false on a refused, failed or timed-out connection */
  reachable: z.boolean(),
  checkedAt: z.iso.datetime(),
  latencyMs: z.number().int().nonnegative(),
  /** the HTTP status of GET <url>/models, or null when nothing answered */
  httpStatus: z.number().int().nullable(),
  detail: z.string(),
});
export type UpstreamReachability = z.infer<typeof upstreamReachabilitySchema>;

export const upstreamViewSchema = z.object({
  name: z.string(),
  /** the base URL without user name, password, query or fragment */
  url: z.string(),
  /** configured model names and patterns ("*", "llama-*") */
  models: z.array(z.string()),
  /** alias -> model name sent upstream */
  aliases: z.record(z.string(), z.string()),
  /** what the upstream itself lists on GET /models (first 200), when it answered with a list */
  servedModels: z.array(z.string()).nullable(),
  hasApiKey: z.boolean(),
  timeoutMs: z.number().int().positive(),
  connectTimeoutMs: z.number().int().positive(),
  maxConnections: z.number().int().positive(),
  /** the last check (at most 15 s old unless refresh=true asked for a new one) */
  status: upstreamReachabilitySchema,
});
export type UpstreamView = z.infer<typeof upstreamViewSchema>;

/** The upstreams, each with a bounded reachability check (2 s, checks in parallel, reused for 15 s). */
export const listUpstreams = endpoint({
  method: "GET",
  path: "/api/v1/upstreams",
  scope: "policy:read",
  query: z.object({ refresh: queryBoolean.optional() }),
  response: z.object({ data: z.array(upstreamViewSchema) }),
});
