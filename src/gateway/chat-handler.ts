import type { FastifyReply, FastifyRequest } from "fastify";
import { RampartError } from "../core/index.js";
import { checkTools, highImpactTools } from "../policy/index.js";
import {
  APPROVE_TOOLS_HEADER,
  acceptableUseBeforeRedaction,
  approvedTools,
  DATA_CLASS_HEADER,
  declaredDataClass,
  enforceAcceptableUse,
  enforceToolRules,
} from "./acceptable-use-gate.js";
import { chatSegments, conversationIdOf, plantCanary, systemPromptOf } from "./chat-input.js";
import { blockedOutput } from "./completions-handler.js";
import { admit, type GatewayDependencies, parseBody, recordDecision, withRecord } from "./gateway-context.js";
import type { GuardContext } from "./guard.js";
import { guardInput } from "./input-guard.js";
import { reserveLimits } from "./limits-gate.js";
import { chatCompletionRequestSchema, contentText } from "./openai-schemas.js";
import { guardChatOutput } from "./output-guard.js";
import { streamChat } from "./stream-handler.js";
import { abortOnClientClose, fetchUpstreamAnswer } from "./upstream-answer.js";

/** POST /v1/chat/completions */
export function chatCompletionsHandler(dependencies: GatewayDependencies) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    withRecord(dependencies, request, reply, "chat.completions", async (record) => {
      const body = parseBody(chatCompletionRequestSchema, request.body);
      const { principal, route } = await admit(dependencies, request, record, body.model);
      const requested = body.max_completion_tokens ?? body.max_tokens ?? undefined;
      const { reservation } = await reserveLimits(
        dependencies.limits,
        dependencies.limitsConfig,
        principal,
        body.model,
        body.messages,
        requested,
      );
      record.reservation = reservation;
      if (reservation.maxTokens !== undefined) {
        if (body.max_completion_tokens != null) body.max_completion_tokens = reservation.maxTokens;
        else body.max_tokens = reservation.maxTokens;
      }
      const conversationHeader = request.headers["x-rampart-conversation-id"];
      const context: GuardContext = {
        principal,
        model: body.model,
        conversationId: conversationIdOf(
          principal.keyId,
          typeof conversationHeader === "string" ? conversationHeader : undefined,
          body.messages,
        ),
      };
      const use = dependencies.guard.usePolicy(context);
      // tools whose definitions say they delete, pay, execute, change access or send out (tool-risk.ts)
      const highImpact = highImpactTools(
        (body.tools ?? []).map((tool) => ({
          name: tool.function.name,
          description: tool.function.description,
        })),
      );
      enforceToolRules(
        use,
        (body.tools ?? []).map((tool) => tool.function.name),
        approvedTools(request.headers[APPROVE_TOOLS_HEADER]),
        record,
      );
      await guardInput(dependencies.guard, chatSegments(body.messages), context, record);
      const declared = declaredDataClass(request.headers[DATA_CLASS_HEADER]);
      if (acceptableUseBeforeRedaction(use, context, record, declared) === "conditional") {
        // acceptable use says "redact first": personal data and secrets are redacted whatever the action
        record.sentCategories.clear();
        await guardInput(
          dependencies.guard,
          chatSegments(body.messages),
          { ...context, forceRedact: ["pii", "secret"] },
          record,
        );
      }
      enforceAcceptableUse(use, context, record, declared);

      const canaries = dependencies.guard.wantsCanary(context) ? [plantCanary(body.messages)] : [];
      const outputContext: GuardContext = {
        ...context,
        systemPrompt: systemPromptOf(body.messages),
        canaries,
        conversation: body.messages
          .map((message) => contentText(message.content))
          .filter((text) => text !== ""),
      };
      const upstreamBody = { ...body, model: route.upstreamModel };
      const abort = abortOnClientClose(reply);

      if (body.stream === true) {
        record.stream = true;
        upstreamBody.stream_options = { ...(body.stream_options ?? {}), include_usage: true };
        await streamChat(dependencies, request, reply, record, route, upstreamBody, outputContext, {
          toolAllowed: (name) =>
            checkTools(use.tools, [name], approvedTools(request.headers[APPROVE_TOOLS_HEADER]), highImpact)
              .ok,
          clientWantsUsage: body.stream_options?.include_usage === true,
          abort,
          kind: "chat",
        });
        return;
      }

      const answer = await fetchUpstreamAnswer(dependencies, reply, record, {
        route,
        endpoint: "/chat/completions",
        body: upstreamBody,
        kind: "chat",
        signal: abort.signal,
      });
      if (answer === undefined) return;
      const guarded = await guardChatOutput(dependencies.guard, answer, outputContext, record);
      if (guarded.blocked) throw blockedOutput(guarded.categories);
      const called = guarded.body.choices.flatMap((choice) =>
        (choice.message.tool_calls ?? []).map((call) => call.function.name),
      );
      const toolCheck = checkTools(
        use.tools,
        called,
        approvedTools(request.headers[APPROVE_TOOLS_HEADER]),
        highImpact,
      );
      if (!toolCheck.ok) {
        record.outputVerdict = "block";
        const why =
          toolCheck.reason === "not-allowed"
            ? "is not allowed for this app"
            : toolCheck.reason === "high-impact"
              ? `acts with high impact and was not approved (${APPROVE_TOOLS_HEADER}: ${toolCheck.tool})`
              : "is destructive and was not approved";
        throw new RampartError(
          "policy_violation",
          `the model called the tool '${toolCheck.tool}', which ${why} (excessive agency)`,
        );
      }
      await recordDecision(dependencies, record, 200);
      void reply.status(200).headers(record.headers()).send(guarded.body);
    });
}
