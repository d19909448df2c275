import { z } from "zod";

/**
 * The request bodies the simulator accepts, as zod schemas. They follow the OpenAI wire format
 * loosely on purpose: unknown fields are accepted and dropped (real clients send many), and only
 * what the simulator uses is checked.
 */

/** A part of a multi-part message; only text parts carry text the simulator reads. */
const contentPartSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
});

const messageContentSchema = z.union([z.string(), z.array(contentPartSchema), z.null()]);

const toolCallSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string().optional() }),
});

export const chatMessageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: messageContentSchema.optional(),
  name: z.string().optional(),
  tool_call_id: z.string().optional(),
  tool_calls: z.array(toolCallSchema).optional(),
});

export const toolSchema = z.looseObject({
  type: z.literal("function"),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

const toolChoiceSchema = z.union([
  z.enum(["none", "auto", "required"]),
  z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string() }) }),
]);

const streamOptionsSchema = z.looseObject({ include_usage: z.boolean().optional() }).nullish();

/** How many choices a request may ask for; the bound keeps one request cheap. */
const MAX_CHOICES = 16;

const sharedGenerationFields = {
  model: z.string().min(1),
  stream: z.boolean().nullish(),
  stream_options: streamOptionsSchema,
  n: z.number().int().min(1).max(MAX_CHOICES).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
};

export const chatCompletionRequestSchema = z.looseObject({
  ...sharedGenerationFields,
  messages: z.array(chatMessageSchema).min(1),
  max_completion_tokens: z.number().int().min(1).nullish(),
  tools: z.array(toolSchema).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
});

/** A completion prompt: text, a list of texts, or token ids (read as their decimal text). */
const promptSchema = z.union([
  z.string(),
  z.array(z.string()),
  z.array(z.number().int()),
  z.array(z.array(z.number().int())),
]);

export const textCompletionRequestSchema = z.looseObject({
  ...sharedGenerationFields,
  prompt: promptSchema,
  echo: z.boolean().nullish(),
  suffix: z.string().nullish(),
});

/** Largest embedding width the simulator produces. */
const MAX_DIMENSIONS = 8192;

export const embeddingsRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([
    z.string(),
    z.array(z.string()).min(1),
    z.array(z.number().int()).min(1),
    z.array(z.array(z.number().int())).min(1),
  ]),
  dimensions: z.number().int().min(1).max(MAX_DIMENSIONS).nullish(),
  encoding_format: z.enum(["float", "base64"]).nullish(),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
export type TextCompletionRequest = z.infer<typeof textCompletionRequestSchema>;
export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>;
