import { z } from "zod";

/**
 * The OpenAI streaming chunk shapes (chat.completion.chunk and text_completion), as the servers
 * Rampart fronts send them. Unknown fields are accepted (loose objects): vLLM adds `stop_reason`,
 * llama.cpp adds `timings`, Ollama adds `system_fingerprint: "fp_ollama"`. Fields that may be
 * missing or null in one server or another are `nullish`: llama.cpp sends `"content": null` in its
 * role chunk and older builds omit `id`.
 */

const toolCallDeltaSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z
    .looseObject({
      name: z.string().nullish(),
      arguments: z.string().nullish(),
    })
    .nullish(),
});
export type ToolCallDelta = z.infer<typeof toolCallDeltaSchema>;

const deltaSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.string().nullish(),
  /** reasoning text of thinking models: vLLM and llama.cpp use `reasoning_content`, Ollama `reasoning` */
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(toolCallDeltaSchema).nullish(),
  /** the legacy single function call (`functions` requests) */
  function_call: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});
export type ChatDelta = z.infer<typeof deltaSchema>;

const choiceSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  /** chat completions */
  delta: deltaSchema.nullish(),
  /** text completions */
  text: z.string().nullish(),
  finish_reason: z.string().nullish(),
});
export type ChunkChoice = z.infer<typeof choiceSchema>;

export const usageSchema = z.looseObject({
  prompt_tokens: z.number().int().nonnegative().optional(),
  completion_tokens: z.number().int().nonnegative().optional(),
  total_tokens: z.number().int().nonnegative().optional(),
});
export type UpstreamUsage = z.infer<typeof usageSchema>;

export const streamChunkSchema = z.looseObject({
  id: z.string().nullish(),
  object: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(choiceSchema).nullish(),
  usage: usageSchema.nullish(),
});
export type StreamChunk = z.infer<typeof streamChunkSchema>;

/** An error object sent in-band by the upstream (vLLM and llama.cpp do this on a failure mid-stream). */
export const upstreamErrorChunkSchema = z.looseObject({ error: z.union([z.string(), z.looseObject({})]) });

/** The text channels of a chat delta that carry generated text, scanned one buffer each. */
export const deltaTextFields = ["content", "reasoning_content", "reasoning", "refusal"] as const;
export type DeltaTextField = (typeof deltaTextFields)[number];

/** The terminating payload of an OpenAI stream. */
export const DONE_MARKER = "[DONE]";

export type DecodedPayload =
  | { readonly kind: "chunk"; readonly chunk: StreamChunk }
  | { readonly kind: "done" }
  /** an event with empty data: a keep-alive some servers and proxies send; skipped */
  | { readonly kind: "empty" }
  | { readonly kind: "upstream-error" }
  | { readonly kind: "malformed"; readonly reason: string };

/** Parses one event's data once: JSON, then the schema. Never throws. */
export function decodePayload(data: string): DecodedPayload {
  const trimmed = data.trim();
  if (trimmed === DONE_MARKER) return { kind: "done" };
  if (trimmed.length === 0) return { kind: "empty" };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { kind: "malformed", reason: "event data is not JSON" };
  }
  if (
    typeof json === "object" &&
    json !== null &&
    "error" in json &&
    upstreamErrorChunkSchema.safeParse(json).success
  ) {
    return { kind: "upstream-error" };
  }
  const parsed = streamChunkSchema.safeParse(json);
  if (!parsed.success) return { kind: "malformed", reason: "event data is not a completion chunk" };
  return { kind: "chunk", chunk: parsed.data };
}
