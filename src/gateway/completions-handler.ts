import type { FastifyReply, FastifyRequest } from "fastify";
import { RampartError } from "../core/index.js";
import type { ChatSegment } from "./chat-input.js";
import { conversationIdOf } from "./chat-input.js";
import { admit, type GatewayDependencies, parseBody, recordDecision, withRecord } from "./gateway-context.js";
import type { GuardContext } from "./guard.js";
import { guardInput } from "./input-guard.js";
import { reserveLimits } from "./limits-gate.js";
import { type CompletionRequest, completionRequestSchema } from "./openai-schemas.js";
import { guardCompletionOutput } from "./output-guard.js";
import { streamChat } from "./stream-handler.js";
import { abortOnClientClose, fetchUpstreamAnswer } from "./upstream-answer.js";

/** Text prompts of a legacy completion request as scan segments (token-id prompts carry no text to scan). */
function promptSegments(body: CompletionRequest): ChatSegment[] {
  const prompt = body.prompt;
  if (typeof prompt === "string")
    return [{ messageIndex: 0, text: prompt, source: "user", write: (text) => (body.prompt = text) }];
  if (Array.isArray(prompt) && prompt.every((item): item is string => typeof item === "string")) {
    const texts = prompt;
    return texts.map((text, index) => ({
      messageIndex: index,
      text,
      source: "user" as const,
      write: (next: string) => {
        texts[index] = next;
      },
    }));
  }
  return [];
}

/** POST /v1/completions */
export function completionsHandler(dependencies: GatewayDependencies) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    withRecord(dependencies, request, reply, "completions", async (record) => {
      const body = parseBody(completionRequestSchema, request.body);
      const { principal, route } = await admit(dependencies, request, record, body.model);
      const promptText =
        typeof body.prompt === "string"
          ? body.prompt
          : body.prompt.filter((item) => typeof item === "string").join("\n");
      const { reservation } = await reserveLimits(
        dependencies.limits,
        dependencies.limitsConfig,
        principal,
        body.model,
        [{ role: "user", content: promptText }],
        body.max_tokens ?? undefined,
      );
      record.reservation = reservation;
      if (reservation.maxTokens !== undefined) body.max_tokens = reservation.maxTokens;
      const header = request.headers["x-rampart-conversation-id"];
      const context: GuardContext = {
        principal,
        model: body.model,
        conversationId: conversationIdOf(
          principal.keyId,
          typeof header === "string" ? header : undefined,
          [],
        ),
      };
      const segments = promptSegments(body);
      await guardInput(dependencies.guard, segments, context, record);
      const outputContext: GuardContext = {
        ...context,
        conversation: segments.map((segment) => segment.text),
      };
      const upstreamBody = { ...body, model: route.upstreamModel };
      const abort = abortOnClientClose(reply);
      if (body.stream === true) {
        record.stream = true;
        upstreamBody.stream_options = { ...(body.stream_options ?? {}), include_usage: true };
        await streamChat(dependencies, request, reply, record, route, upstreamBody, outputContext, {
          toolAllowed: () => true,
          clientWantsUsage: body.stream_options?.include_usage === true,
          abort,
          kind: "completion",
        });
        return;
      }
      const answer = await fetchUpstreamAnswer(dependencies, reply, record, {
        route,
        endpoint: "/completions",
        body: upstreamBody,
        kind: "completion",
        signal: abort.signal,
      });
      if (answer === undefined) return;
      const guarded = await guardCompletionOutput(dependencies.guard, answer, outputContext, record);
      if (guarded.blocked) throw blockedOutput(guarded.categories);
      await recordDecision(dependencies, record, 200);
      void reply.status(200).headers(record.headers()).send(guarded.body);
    });
}

/** The error for a blocked answer: a policy violation naming the categories, or a failed scan. */
export function blockedOutput(categories: readonly string[]): RampartError {
  if (categories.length === 0) {
    return new RampartError(
      "scan_failed",
      "the model's answer could not be scanned and the policy fails closed",
    );
  }
  const list = categories.join(", ");
  return new RampartError("policy_violation", `the model's answer was blocked by policy (${list})`, {
    details: { categories: list },
  });
}
