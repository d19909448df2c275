import { z } from "zod";

/** A message sent to an OpenAI-compatible chat endpoint. */
export interface ChatMessage {
  readonly role: "system" | "user" | "assistant" | "tool";
  readonly content: string;
  readonly tool_calls?: readonly {
    id: string;
    type: "function";
    function: { name: string; arguments: string };
  }[];
  readonly tool_call_id?: string;
}

export interface ChatTool {
  readonly type: "function";
  readonly function: { name: string; description: string; parameters: Readonly<Record<string, unknown>> };
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ChatTool[];
  readonly temperature: number;
  readonly max_tokens?: number;
  readonly seed?: number;
}

export interface ToolCallAnswer {
  readonly name: string;
  readonly arguments: string;
}

/** What the target answered: the text of the first choice and its tool calls. */
export interface ChatAnswer {
  readonly text: string;
  readonly toolCalls: readonly ToolCallAnswer[];
  readonly finishReason: string;
}

/** The part of a chat completion response that the red team reads (unknown fields pass). */
export const chatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(z.object({ function: z.object({ name: z.string(), arguments: z.string().default("") }) }))
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

export const chatAnswerSchema = z.strictObject({
  text: z.string(),
  toolCalls: z.array(z.strictObject({ name: z.string(), arguments: z.string() })),
  finishReason: z.string(),
});
