import { choiceTokenBudget } from "./answer-limits.js";
import { chatPromptTokens, profileChatOf } from "./chat-input.js";
import type { ProfileReply, ProfileToolCall, SimulatorProfile } from "./profiles/profile.js";
import { lastUserText } from "./profiles/tool-matching.js";
import { answerId, SIMULATOR_CREATED, SIMULATOR_FINGERPRINT } from "./request-identity.js";
import {
  chunkFramer,
  DONE_FRAME,
  interleave,
  jsonResponse,
  type SimulatorResponse,
  simulatedErrorResponse,
  sseFrame,
  usageOf,
} from "./simulator-response.js";
import { hookFor } from "./test-hooks.js";
import { countTokens, splitTokenPieces, truncateToTokens } from "./tokens.js";
import type { ChatCompletionRequest } from "./wire-schemas.js";

/** How many characters of tool-call arguments one stream chunk carries. */
const ARGUMENT_CHUNK_CHARS = 12;

type FinishReason = "stop" | "length" | "tool_calls";

interface WireToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

interface ChoiceAnswer {
  content: string | null;
  toolCalls: WireToolCall[];
  finishReason: FinishReason;
  completionTokens: number;
}

function answerOf(reply: ProfileReply, maxTokens: number, callIdOf: (index: number) => string): ChoiceAnswer {
  if (reply.kind === "tool_calls") {
    const toolCalls = reply.calls.map((call: ProfileToolCall, index) => ({
      id: callIdOf(index),
      type: "function" as const,
      function: { name: call.name, arguments: call.arguments },
    }));
    const completionTokens = reply.calls.reduce(
      (sum, call) => sum + countTokens(call.name) + countTokens(call.arguments),
      0,
    );
    return { content: null, toolCalls, finishReason: "tool_calls", completionTokens };
  }
  const cut = truncateToTokens(reply.text, maxTokens);
  return {
    content: cut.text,
    toolCalls: [],
    finishReason: cut.truncated ? "length" : "stop",
    completionTokens: countTokens(cut.text),
  };
}

function streamDeltas(answer: ChoiceAnswer): Record<string, unknown>[] {
  if (answer.content !== null) {
    return [
      { role: "assistant", content: "" },
      ...splitTokenPieces(answer.content).map((piece) => ({ content: piece })),
    ];
  }
  const deltas: Record<string, unknown>[] = [{ role: "assistant", content: null }];
  answer.toolCalls.forEach((call, index) => {
    deltas.push({
      tool_calls: [
        { index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } },
      ],
    });
    const text = call.function.arguments;
    for (let start = 0; start < text.length; start += ARGUMENT_CHUNK_CHARS) {
      deltas.push({
        tool_calls: [{ index, function: { arguments: text.slice(start, start + ARGUMENT_CHUNK_CHARS) } }],
      });
    }
  });
  return deltas;
}

/** Answers POST /v1/chat/completions for a validated request. */
export function chatCompletion(
  request: ChatCompletionRequest,
  digest: string,
  profile: SimulatorProfile,
): SimulatorResponse {
  const chat = profileChatOf(request);
  const hook = hookFor(request.model, lastUserText(chat.messages));
  if (hook.kind === "error") return simulatedErrorResponse(hook.status);
  const reply: ProfileReply = hook.kind === "text" ? { kind: "text", text: hook.text } : profile.reply(chat);
  const choiceCount = request.n ?? 1;
  const maxTokens = choiceTokenBudget(request.max_completion_tokens ?? request.max_tokens, choiceCount);
  const answers: ChoiceAnswer[] = [];
  for (let choice = 0; choice < choiceCount; choice += 1) {
    answers.push(answerOf(reply, maxTokens, (call) => `call_${digest.slice(24, 48)}_${choice}_${call}`));
  }
  const promptTokens = chatPromptTokens(chat);
  const usage = usageOf(
    promptTokens,
    answers.reduce((sum, answer) => sum + answer.completionTokens, 0),
  );
  const id = answerId("chatcmpl", digest);
  const head = {
    created: SIMULATOR_CREATED,
    model: request.model,
    system_fingerprint: SIMULATOR_FINGERPRINT,
  };
  if (!request.stream) {
    const choices = answers.map((answer, index) => ({
      index,
      message: {
        role: "assistant",
        content: answer.content,
        refusal: null,
        ...(answer.toolCalls.length > 0 ? { tool_calls: answer.toolCalls } : {}),
      },
      logprobs: null,
      finish_reason: answer.finishReason,
    }));
    return jsonResponse({ id, object: "chat.completion", ...head, choices, usage });
  }
  const includeUsage = request.stream_options?.include_usage === true;
  const chunkHead = { id, object: "chat.completion.chunk", ...head };
  const frame = chunkFramer(chunkHead, includeUsage);
  const perChoice = answers.map((answer, index) => [
    ...streamDeltas(answer).map((delta) =>
      frame(`{"index":${index},"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":null}`),
    ),
    frame(`{"index":${index},"delta":{},"logprobs":null,"finish_reason":"${answer.finishReason}"}`),
  ]);
  const frames = interleave(perChoice);
  if (includeUsage) frames.push(sseFrame({ ...chunkHead, choices: [], usage }));
  frames.push(DONE_FRAME);
  return { kind: "stream", status: 200, frames };
}
