import fastifyCookie from "@fastify/cookie";
import type { FastifyBaseLogger } from "fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { newRequestId, RampartError, toHttpError } from "../core/index.js";

/** A named readiness check: `/readyz` is 200 only when every check resolves. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export interface AppOptions {
  logger: FastifyBaseLogger;
  bodyLimitBytes: number;
  trustProxy?: boolean;
  readiness?: readonly ReadinessCheck[];
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The HTTP shell shared by every face: request ids, bounded bodies, strict JSON and UTF-8 parsing,
 * health and readiness, and one error handler that answers in the OpenAI error shape.
 * Feature plugins (gateway /v1, management /api, dashboard) register on the returned instance.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => newRequestId(),
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-rampart-request-id", request.id);
  });

  // Routes that declare zod schemas (the management API's contract endpoints) are validated and
  // serialised with them.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // cookies: the dashboard's session (src/server/api/session-routes.ts)
  void app.register(fastifyCookie);

  // JSON bodies: bytes must be valid UTF-8 and the text valid JSON; both give 400 with a clear code.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      done(new RampartError("invalid_encoding", "request body is not valid UTF-8"), undefined);
      return;
    }
    if (text.trim() === "") {
      done(new RampartError("invalid_json", "request body is empty; send a JSON object"), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (error) {
      const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
      done(new RampartError("invalid_json", `request body is not valid JSON${detail}`), undefined);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const mapped = toHttpError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: mapped.body.error.code }, mapped.body.error.message);
    void reply.status(mapped.status).headers(mapped.headers).send(mapped.body);
  });

  app.setNotFoundHandler((request, reply) => {
    const mapped = toHttpError(
      new RampartError("not_found", `no route for ${request.method} ${request.url.split("?")[0]}`),
    );
    void reply.status(mapped.status).send(mapped.body);
  });

  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const results = await Promise.all(
      (options.readiness ?? []).map(async (item) => {
        try {
          await item.check();
          return { name: item.name, ok: true as const };
        } catch (error) {
          return {
            name: item.name,
            ok: false as const,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
    const ready = results.every((result) => result.ok);
    return reply.status(ready ? 200 : 503).send({ status: ready ? "ready" : "not-ready", checks: results });
  });

  return app;
}
