import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { RampartError } from "../core/index.js";

/** The built dashboard: web/dist at the package root (two levels above src/server and dist/server). */
export const DEFAULT_DASHBOARD_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/**
 * Scripts come from this origin only; styles may be inline because the component kit positions
 * popovers with inline styles; no framing, no plugins, no base-uri tricks.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rampart</title></head>
<body><main><h1>The Rampart dashboard is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload.
The management API at <code>/api/v1</code> and the gateway at <code>/v1</code> work without it.</p></main></body></html>`;

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header("content-security-policy", DASHBOARD_CSP)
    .header("x-content-type-options", "nosniff")
    .header("x-frame-options", "DENY")
    .header("referrer-policy", "no-referrer");
}

/**
 * Serves the dashboard at `/`: hashed files under /assets are immutable, index.html is never cached,
 * and any other GET path outside /api and /v1 answers index.html so the client router can take it.
 */
export async function dashboardPlugin(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? DEFAULT_DASHBOARD_ROOT;
  const built = existsSync(join(root, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: "/",
      wildcard: false,
      index: false,
      setHeaders: (response, path) => {
        response.header("x-content-type-options", "nosniff");
        if (path.endsWith(".html")) {
          response.header("content-security-policy", DASHBOARD_CSP);
          response.header("x-frame-options", "DENY");
        }
        response.header(
          "cache-control",
          path.includes(`${join("dist", "assets")}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  app.get("/*", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (path.startsWith("/api/") || path.startsWith("/v1/") || path === "/api" || path === "/v1")
      throw new RampartError("not_found", `no route for GET ${path}`);
    securityHeaders(reply).header("cache-control", "no-cache");
    if (!built) return reply.status(503).type("text/html; charset=utf-8").send(NOT_BUILT);
    return reply.type("text/html; charset=utf-8").sendFile("index.html");
  });
}
