import type { ProfileChat, ProfileMessage, ProfileToolChoice } from "./profiles/profile.js";
import { countTokens } from "./tokens.js";
import type { ChatCompletionRequest, ChatMessage } from "./wire-schemas.js";

/** Framing tokens counted per chat message besides its text (role and separators), as OpenAI does. */
export const TOKENS_PER_MESSAGE = 3;

/** The text of a message: the string, or its text parts joined by newlines. */
export function messageText(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  const texts: string[] = [];
  for (const part of content) if (typeof part.text === "string") texts.push(part.text);
  return texts.join("\n");
}

function toolChoiceOf(request: ChatCompletionRequest): ProfileToolChoice {
  const choice = request.tool_choice;
  if (!choice) return "auto";
  return typeof choice === "string" ? choice : { name: choice.function.name };
}

/** The chat as a profile sees it: plain texts, tools and the tool choice. */
export function profileChatOf(request: ChatCompletionRequest): ProfileChat {
  const messages: ProfileMessage[] = request.messages.map((message) => ({
    role: message.role,
    text: messageText(message.content),
    toolCalls: (message.tool_calls ?? []).map((call) => ({
      name: call.function.name,
      arguments: call.function.arguments ?? "",
    })),
  }));
  const tools = (request.tools ?? []).map((tool) => ({
    name: tool.function.name,
    description: tool.function.description ?? "",
    parameters: tool.function.parameters ?? {},
  }));
  return { model: request.model, messages, tools, toolChoice: toolChoiceOf(request) };
}

/**
 * Prompt tokens of a chat: the tokens of every message text plus TOKENS_PER_MESSAGE per message,
 * plus the tokens of the tool definitions' JSON text when tools are offered.
 */
export function chatPromptTokens(chat: ProfileChat): number {
  let total = 0;
  for (const message of chat.messages) {
    total += countTokens(message.text) + TOKENS_PER_MESSAGE;
    for (const call of message.toolCalls) total += countTokens(call.name) + countTokens(call.arguments);
  }
  if (chat.tools.length > 0) total += countTokens(JSON.stringify(chat.tools));
  return total;
}
