/**
 * The parts of an OpenAI chat message that become prompt tokens. Parsing the request body is the
 * gateway's job; this type only names what counting reads, so a parsed request fits it.
 */
export interface CountableContentPart {
  type: string;
  text?: string | undefined;
}

export interface CountableMessage {
  role: string;
  content?: string | readonly CountableContentPart[] | null | undefined;
  name?: string | undefined;
  tool_calls?: readonly { function?: { name?: string; arguments?: string } | undefined }[] | undefined;
  tool_call_id?: string | undefined;
}

/**
 * Tokens that the chat format adds around each message (role and separators): 3 in OpenAI's
 * published counting recipe for current models, 4 to 5 in the LLaMA 3 and ChatML (Qwen)
 * templates. 4 is used for every family.
 */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** Tokens that prime the assistant's reply ("<|start|>assistant<|message|>"), once per request. */
export const REPLY_PRIMING_TOKENS = 3;
/**
 * A content part that is not text (an image, audio): counted at OpenAI's flat low-detail image
 * cost. Upstreams count images differently; settle() corrects the reservation with real usage.
 */
export const NON_TEXT_PART_TOKENS = 85;

/** Every text of a message list that the model reads, and the number of non-text parts. */
export function messageTexts(messages: readonly CountableMessage[]): {
  texts: string[];
  nonTextParts: number;
} {
  const texts: string[] = [];
  let nonTextParts = 0;
  for (const message of messages) {
    texts.push(message.role);
    if (message.name !== undefined) texts.push(message.name);
    const content = message.content;
    if (typeof content === "string") texts.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (typeof part.text === "string") texts.push(part.text);
        else nonTextParts += 1;
      }
    }
    for (const call of message.tool_calls ?? []) {
      if (call.function?.name !== undefined) texts.push(call.function.name);
      if (call.function?.arguments !== undefined) texts.push(call.function.arguments);
    }
  }
  return { texts, nonTextParts };
}

/** Tokens the chat format adds for these messages, besides their texts. */
export function formatOverheadTokens(messageCount: number, nonTextParts: number): number {
  return messageCount * MESSAGE_OVERHEAD_TOKENS + REPLY_PRIMING_TOKENS + nonTextParts * NON_TEXT_PART_TOKENS;
}
