import type { Category } from "../core/index.js";
import { type ContentGuard, categoriesOf, type GuardContext } from "./guard.js";
import type { ChatCompletionResponse, CompletionResponse } from "./openai-schemas.js";
import type { RequestRecord } from "./request-record.js";

export interface GuardedOutput<T> {
  body: T;
  blocked: boolean;
  categories: Category[];
}

/**
 * Scans one piece of model output and returns the text to release: redacted when the policy says
 * redact, with conversation placeholders restored. Returns null when the text must be blocked.
 */
async function guardText(guard: ContentGuard, text: string, context: GuardContext, record: RequestRecord) {
  const result = await guard.scanOutput(text, context);
  record.addResult("output", result, text);
  if (result.failedClosed || result.verdict === "block") return { text: null, findings: result.findings };
  const released =
    result.verdict === "redact" && result.redactedText !== undefined ? result.redactedText : text;
  return { text: guard.restore(released, context), findings: result.findings };
}

/** Scans every choice of a chat answer: content and tool-call arguments. */
export async function guardChatOutput(
  guard: ContentGuard,
  body: ChatCompletionResponse,
  context: GuardContext,
  record: RequestRecord,
): Promise<GuardedOutput<ChatCompletionResponse>> {
  const blockedFindings = [];
  for (const choice of body.choices) {
    const message = choice.message;
    if (typeof message.content === "string" && message.content !== "") {
      const guarded = await guardText(guard, message.content, context, record);
      if (guarded.text === null) blockedFindings.push(...guarded.findings);
      else message.content = guarded.text;
    }
    for (const call of message.tool_calls ?? []) {
      const argumentsText = call.function.arguments;
      if (typeof argumentsText !== "string" || argumentsText === "") continue;
      const guarded = await guardText(guard, argumentsText, context, record);
      if (guarded.text === null) blockedFindings.push(...guarded.findings);
      else call.function.arguments = guarded.text;
    }
  }
  const blocked = record.outputVerdict === "block" || blockedFindings.length > 0;
  return { body, blocked, categories: categoriesOf(blockedFindings) };
}

/** Scans every choice of a legacy completion answer. */
export async function guardCompletionOutput(
  guard: ContentGuard,
  body: CompletionResponse,
  context: GuardContext,
  record: RequestRecord,
): Promise<GuardedOutput<CompletionResponse>> {
  const blockedFindings = [];
  for (const choice of body.choices) {
    if (typeof choice.text !== "string" || choice.text === "") continue;
    const guarded = await guardText(guard, choice.text, context, record);
    if (guarded.text === null) blockedFindings.push(...guarded.findings);
    else choice.text = guarded.text;
  }
  const blocked = record.outputVerdict === "block" || blockedFindings.length > 0;
  return { body, blocked, categories: categoriesOf(blockedFindings) };
}
