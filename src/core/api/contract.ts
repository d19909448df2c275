import { z } from "zod";
import type { Scope } from "../roles.js";

/**
 * One management API endpoint, declared once. The server registers it (src/server/api/contract-route.ts:
 * params, query and body validated with these schemas, the response serialised through `response`),
 * and the dashboard's API client builds the request and parses every answer with the same schemas.
 *
 * Files under src/core/api/ are shared with the browser: they import zod and core types only,
 * never a `node:` module.
 */
export interface Endpoint {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Fastify-style path; `:name` segments are filled from `params` */
  readonly path: string;
  /** the scope the caller needs; `null` for any signed-in admin; `"public"` for no sign-in (sign-in itself) */
  readonly scope: Scope | null | "public";
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** the 200/201 answer */
  readonly response: z.ZodType;
  /** 201 for creations; 200 otherwise */
  readonly status?: 200 | 201;
}

/** Declares an endpoint, keeping its literal types for both sides. */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}

type InferOr<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;
type InputOr<S, Fallback> = S extends z.ZodType ? z.input<S> : Fallback;

export type EndpointParams<E extends Endpoint> = InferOr<E["params"], Record<string, never>>;
export type EndpointQuery<E extends Endpoint> = InferOr<E["query"], Record<string, never>>;
export type EndpointBody<E extends Endpoint> = InferOr<E["body"], undefined>;
export type EndpointResponse<E extends Endpoint> = z.output<E["response"]>;

/** What a client passes: the schemas' input types (before defaults and coercion). */
export interface EndpointRequest<E extends Endpoint> {
  params?: InputOr<E["params"], undefined>;
  query?: InputOr<E["query"], undefined>;
  body?: InputOr<E["body"], undefined>;
}

/** Fills `:name` segments of an endpoint path; a missing value is a programming error. */
export function endpointPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === "")
      throw new Error(`endpoint path ${path} needs the '${name}' parameter`);
    return encodeURIComponent(String(value));
  });
}

/** Query values as the URL carries them: arrays repeat the key, undefined is left out. */
export function endpointQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** The OpenAI error shape every management error uses. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    code: z.string().nullable(),
    param: z.string().nullable().optional(),
  }),
});

/** A query-string boolean: "true"/"1" and "false"/"0". */
export const queryBoolean = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

/** A query-string list: one or more repeated keys, or a comma-separated value. */
export function queryList<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((part) => part.trim()))
    .transform((parts) => parts.filter((part) => part !== ""))
    .pipe(z.array(item));
}
