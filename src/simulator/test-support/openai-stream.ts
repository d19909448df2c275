import { z } from "zod";
import type { SseEvent } from "./sse.js";

/**
 * Assembles parsed OpenAI stream events (chat or text completions) into what the JSON answer
 * would hold, and checks every chunk against a schema on the way. For tests: compare a stream
 * with the JSON answer to the same request, or check what a gateway let through.
 */

const usageSchema = z.looseObject({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
});

const toolCallDeltaSchema = z.looseObject({
  index: z.number().int(),
  id: z.string().optional(),
  type: z.literal("function").optional(),
  function: z.looseObject({ name: z.string().optional(), arguments: z.string().optional() }).optional(),
});

export const chatChunkSchema = z.looseObject({
  id: z.string(),
  object: z.literal("chat.completion.chunk"),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.looseObject({
      index: z.number().int(),
      delta: z.looseObject({
        role: z.literal("assistant").optional(),
        content: z.string().nullish(),
        tool_calls: z.array(toolCallDeltaSchema).optional(),
      }),
      finish_reason: z.string().nullable(),
    }),
  ),
  usage: usageSchema.nullish(),
});

export const completionChunkSchema = z.looseObject({
  id: z.string(),
  object: z.literal("text_completion"),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.looseObject({ index: z.number().int(), text: z.string(), finish_reason: z.string().nullable() }),
  ),
  usage: usageSchema.nullish(),
});

export type ChatChunk = z.infer<typeof chatChunkSchema>;
export type StreamUsage = z.infer<typeof usageSchema>;

export interface AssembledToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface AssembledChoice {
  index: number;
  role: string | undefined;
  /** the content deltas joined; null when the choice only made tool calls */
  content: string | null;
  toolCalls: AssembledToolCall[];
  finishReason: string | null;
}

export interface AssembledStream {
  ids: Set<string>;
  models: Set<string>;
  choices: AssembledChoice[];
  usage: StreamUsage | undefined;
  /** how many JSON chunks there were */
  chunkCount: number;
  /** true when `[DONE]` was the last event, and only there */
  doneLast: boolean;
}

function choiceAt(choices: AssembledChoice[], index: number): AssembledChoice {
  let choice = choices.find((item) => item.index === index);
  if (!choice) {
    choice = { index, role: undefined, content: null, toolCalls: [], finishReason: null };
    choices.push(choice);
  }
  return choice;
}

function assemble(
  events: readonly SseEvent[],
  apply: (data: unknown, stream: AssembledStream) => void,
): AssembledStream {
  const stream: AssembledStream = {
    ids: new Set(),
    models: new Set(),
    choices: [],
    usage: undefined,
    chunkCount: 0,
    doneLast: false,
  };
  events.forEach((event, position) => {
    if (event.data === "[DONE]") {
      stream.doneLast = position === events.length - 1;
      return;
    }
    const raw: unknown = JSON.parse(event.data);
    apply(raw, stream);
    stream.chunkCount += 1;
  });
  stream.choices.sort((left, right) => left.index - right.index);
  return stream;
}

/** Assembles a chat completion stream; throws when a chunk does not have the chunk shape. */
export function assembleChatStream(events: readonly SseEvent[]): AssembledStream {
  return assemble(events, (raw, stream) => {
    const chunk = chatChunkSchema.parse(raw);
    stream.ids.add(chunk.id);
    stream.models.add(chunk.model);
    if (chunk.usage) stream.usage = chunk.usage;
    for (const part of chunk.choices) {
      const choice = choiceAt(stream.choices, part.index);
      if (part.delta.role) choice.role = part.delta.role;
      if (typeof part.delta.content === "string")
        choice.content = (choice.content ?? "") + part.delta.content;
      for (const delta of part.delta.tool_calls ?? []) {
        const call = choice.toolCalls[delta.index] ?? { id: "", name: "", arguments: "" };
        choice.toolCalls[delta.index] = call;
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.name += delta.function.name;
        if (delta.function?.arguments) call.arguments += delta.function.arguments;
      }
      if (part.finish_reason) choice.finishReason = part.finish_reason;
    }
  });
}

/** Assembles a text completion stream; throws when a chunk does not have the chunk shape. */
export function assembleCompletionStream(events: readonly SseEvent[]): AssembledStream {
  return assemble(events, (raw, stream) => {
    const chunk = completionChunkSchema.parse(raw);
    stream.ids.add(chunk.id);
    stream.models.add(chunk.model);
    if (chunk.usage) stream.usage = chunk.usage;
    for (const part of chunk.choices) {
      const choice = choiceAt(stream.choices, part.index);
      choice.content = (choice.content ?? "") + part.text;
      if (part.finish_reason) choice.finishReason = part.finish_reason;
    }
  });
}
