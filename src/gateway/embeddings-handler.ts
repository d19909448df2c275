import type { FastifyReply, FastifyRequest } from "fastify";
import type { ChatSegment } from "./chat-input.js";
import { conversationIdOf } from "./chat-input.js";
import { admit, type GatewayDependencies, parseBody, recordDecision, withRecord } from "./gateway-context.js";
import { guardInput } from "./input-guard.js";
import { reserveLimits } from "./limits-gate.js";
import { type EmbeddingRequest, embeddingRequestSchema } from "./openai-schemas.js";
import { fetchUpstreamAnswer } from "./upstream-answer.js";

function inputSegments(body: EmbeddingRequest): ChatSegment[] {
  const input = body.input;
  if (typeof input === "string")
    return [{ messageIndex: 0, text: input, source: "user", write: (text) => (body.input = text) }];
  if (Array.isArray(input) && input.every((item): item is string => typeof item === "string")) {
    const texts = input;
    return texts.map((text, index) => ({
      messageIndex: index,
      text,
      source: "document" as const,
      write: (next: string) => {
        texts[index] = next;
      },
    }));
  }
  return [];
}

/** POST /v1/embeddings: the input is scanned (secrets and personal data must not be embedded unredacted). */
export function embeddingsHandler(dependencies: GatewayDependencies) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    withRecord(dependencies, request, reply, "embeddings", async (record) => {
      const body = parseBody(embeddingRequestSchema, request.body);
      const { principal, route } = await admit(dependencies, request, record, body.model);
      const inputText =
        typeof body.input === "string"
          ? body.input
          : body.input.filter((item) => typeof item === "string").join("\n");
      const { reservation } = await reserveLimits(
        dependencies.limits,
        dependencies.limitsConfig,
        principal,
        body.model,
        [{ role: "user", content: inputText }],
        0,
      );
      record.reservation = reservation;
      await guardInput(
        dependencies.guard,
        inputSegments(body),
        { principal, model: body.model, conversationId: conversationIdOf(principal.keyId, undefined, []) },
        record,
      );
      const answer = await fetchUpstreamAnswer(dependencies, reply, record, {
        route,
        endpoint: "/embeddings",
        body: { ...body, model: route.upstreamModel },
        kind: "embedding",
      });
      if (answer === undefined) return;
      await recordDecision(dependencies, record, 200);
      void reply.status(200).headers(record.headers()).send(answer);
    });
}
