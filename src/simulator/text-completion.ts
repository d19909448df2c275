import { choiceTokenBudget, MAX_ANSWER_CHOICES } from "./answer-limits.js";
import { TOKENS_PER_MESSAGE } from "./chat-input.js";
import type { SimulatorProfile } from "./profiles/profile.js";
import { answerId, SIMULATOR_CREATED, SIMULATOR_FINGERPRINT } from "./request-identity.js";
import {
  chunkFramer,
  DONE_FRAME,
  errorResponse,
  interleave,
  jsonResponse,
  type SimulatorResponse,
  simulatedErrorResponse,
  sseFrame,
  usageOf,
} from "./simulator-response.js";
import { hookFor } from "./test-hooks.js";
import { countTokens, splitTokenPieces, truncateToTokens } from "./tokens.js";
import type { TextCompletionRequest } from "./wire-schemas.js";

/** The prompts of a request as texts; token-id prompts read as their decimal ids joined by spaces. */
function promptTexts(prompt: TextCompletionRequest["prompt"]): string[] {
  if (typeof prompt === "string") return [prompt];
  if (prompt.length === 0) return [""];
  if (prompt.every((item) => typeof item === "string")) return prompt;
  if (prompt.every((item) => typeof item === "number")) return [prompt.join(" ")];
  return prompt.map((item) => (Array.isArray(item) ? item.join(" ") : String(item)));
}

/** The completion text of one prompt: the profile's reply to it as a single user message. */
function completionText(prompt: string, model: string, profile: SimulatorProfile): string {
  const hook = hookFor(model, prompt);
  if (hook.kind === "text") return hook.text;
  const reply = profile.reply({
    model,
    messages: [{ role: "user", text: prompt, toolCalls: [] }],
    tools: [],
    toolChoice: "none",
  });
  return reply.kind === "text" ? reply.text : "";
}

/**
 * Answers POST /v1/completions for a validated request: `n` choices per prompt, numbered prompt by
 * prompt. Prompt tokens count as a one-message chat (text plus TOKENS_PER_MESSAGE) per prompt.
 */
export function textCompletion(
  request: TextCompletionRequest,
  digest: string,
  profile: SimulatorProfile,
): SimulatorResponse {
  const hook = hookFor(request.model, "");
  if (hook.kind === "error") return simulatedErrorResponse(hook.status);
  const prompts = promptTexts(request.prompt);
  const choiceCount = request.n ?? 1;
  if (prompts.length * choiceCount > MAX_ANSWER_CHOICES) {
    return errorResponse({
      status: 400,
      type: "invalid_request_error",
      code: "invalid_request",
      param: "n",
      message: `prompts times n must be at most ${MAX_ANSWER_CHOICES}`,
    });
  }
  const maxTokens = choiceTokenBudget(request.max_tokens, prompts.length * choiceCount);
  const choices: { text: string; finishReason: "stop" | "length" }[] = [];
  for (const prompt of prompts) {
    const full = completionText(prompt, request.model, profile);
    const cut = truncateToTokens(full, maxTokens);
    const text = `${request.echo ? prompt : ""}${cut.text}${request.suffix ?? ""}`;
    for (let index = 0; index < choiceCount; index += 1) {
      choices.push({ text, finishReason: cut.truncated ? "length" : "stop" });
    }
  }
  const promptTokens = prompts.reduce((sum, prompt) => sum + countTokens(prompt) + TOKENS_PER_MESSAGE, 0);
  const usage = usageOf(
    promptTokens,
    choices.reduce((sum, choice) => sum + countTokens(choice.text), 0),
  );
  const head = {
    id: answerId("cmpl", digest),
    object: "text_completion",
    created: SIMULATOR_CREATED,
    model: request.model,
    system_fingerprint: SIMULATOR_FINGERPRINT,
  };
  if (!request.stream) {
    const wireChoices = choices.map((choice, index) => ({
      text: choice.text,
      index,
      logprobs: null,
      finish_reason: choice.finishReason,
    }));
    return jsonResponse({ ...head, choices: wireChoices, usage });
  }
  const includeUsage = request.stream_options?.include_usage === true;
  const frame = chunkFramer(head, includeUsage);
  const perChoice = choices.map((choice, index) => [
    ...splitTokenPieces(choice.text).map((piece) =>
      frame(`{"text":${JSON.stringify(piece)},"index":${index},"logprobs":null,"finish_reason":null}`),
    ),
    frame(`{"text":"","index":${index},"logprobs":null,"finish_reason":"${choice.finishReason}"}`),
  ]);
  const frames = interleave(perChoice);
  if (includeUsage) frames.push(sseFrame({ ...head, choices: [], usage }));
  frames.push(DONE_FRAME);
  return { kind: "stream", status: 200, frames };
}
