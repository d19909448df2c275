import { z } from "zod";

/**
 * The parts of the OpenAI wire format that the gateway reads. Objects are loose: fields Rampart does
 * not read are forwarded to the upstream unchanged, so new OpenAI parameters keep working.
 */

export const contentPartSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
});

export const messageContentSchema = z.union([z.string(), z.array(contentPartSchema), z.null()]);

export const toolCallSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string().optional() }),
});

export const chatMessageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: messageContentSchema.optional(),
  name: z.string().optional(),
  tool_calls: z.array(toolCallSchema).optional(),
  tool_call_id: z.string().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const toolDefinitionSchema = z.looseObject({
  type: z.string(),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.unknown().optional(),
  }),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;

const maxTokensSchema = z.number().int().positive().nullable().optional();

export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1, "model is required"),
  messages: z.array(chatMessageSchema).min(1, "messages must contain at least one message"),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  n: z.number().int().min(1).max(16).nullable().optional(),
  max_tokens: maxTokensSchema,
  max_completion_tokens: maxTokensSchema,
  tools: z.array(toolDefinitionSchema).optional(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export const completionRequestSchema = z.looseObject({
  model: z.string().min(1, "model is required"),
  prompt: z.union([z.string(), z.array(z.string()), z.array(z.number()), z.array(z.array(z.number()))]),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  n: z.number().int().min(1).max(16).nullable().optional(),
  max_tokens: maxTokensSchema,
});
export type CompletionRequest = z.infer<typeof completionRequestSchema>;

export const embeddingRequestSchema = z.looseObject({
  model: z.string().min(1, "model is required"),
  input: z.union([z.string(), z.array(z.string()), z.array(z.number()), z.array(z.array(z.number()))]),
});
export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;

export const usageSchema = z.looseObject({
  prompt_tokens: z.number().optional(),
  completion_tokens: z.number().optional(),
  total_tokens: z.number().optional(),
});
export type Usage = z.infer<typeof usageSchema>;

export const chatCompletionResponseSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      index: z.number().optional(),
      message: z.looseObject({
        role: z.string().optional(),
        content: z.string().nullable().optional(),
        tool_calls: z.array(toolCallSchema).nullable().optional(),
      }),
      finish_reason: z.string().nullable().optional(),
    }),
  ),
  usage: usageSchema.nullable().optional(),
});
export type ChatCompletionResponse = z.infer<typeof chatCompletionResponseSchema>;

export const completionResponseSchema = z.looseObject({
  choices: z.array(z.looseObject({ index: z.number().optional(), text: z.string().nullable().optional() })),
  usage: usageSchema.nullable().optional(),
});
export type CompletionResponse = z.infer<typeof completionResponseSchema>;

/** Text of a message's content: a string, or the text parts of an array, joined by newlines. */
export function contentText(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((part) => part.type === "text" && typeof part.text === "string")
    .map((part) => part.text)
    .join("\n");
}
