import type { FastifyInstance } from "fastify";
import { RampartError } from "../core/index.js";
import { chatCompletionsHandler } from "./chat-handler.js";
import { completionsHandler } from "./completions-handler.js";
import { embeddingsHandler } from "./embeddings-handler.js";
import type { GatewayDependencies } from "./gateway-context.js";
import { modelsHandler } from "./models-handler.js";

/**
 * The OpenAI-compatible surface under /v1. Any other /v1 path is a 404 in the OpenAI error shape
 * (the app's not-found handler).
 */
export async function gatewayPlugin(app: FastifyInstance, dependencies: GatewayDependencies): Promise<void> {
  app.get("/v1/models", modelsHandler(dependencies));
  app.post("/v1/chat/completions", chatCompletionsHandler(dependencies));
  app.post("/v1/completions", completionsHandler(dependencies));
  app.post("/v1/embeddings", embeddingsHandler(dependencies));
  app.get("/v1/models/:model", async () => {
    throw new RampartError("not_found", "use GET /v1/models to list the models this key may use");
  });
}
