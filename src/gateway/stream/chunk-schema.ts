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

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNullish(value: unknown): boolean {
  return value === undefined || value === null || typeof value === "string";
}

function countOrMissing(value: unknown): boolean {
  return value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);
}

function nameAndArguments(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (isObject(value) && stringOrNullish(value.name) && stringOrNullish(value.arguments))
  );
}

function toolCallDeltaOk(value: unknown): boolean {
  return (
    isObject(value) &&
    countOrMissing(value.index) &&
    stringOrNullish(value.id) &&
    stringOrNullish(value.type) &&
    nameAndArguments(value.function)
  );
}

function deltaOk(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!isObject(value)) return false;
  if (!stringOrNullish(value.role)) return false;
  for (const field of deltaTextFields) if (!stringOrNullish(value[field])) return false;
  const calls = value.tool_calls;
  if (calls !== undefined && calls !== null) {
    if (!Array.isArray(calls)) return false;
    for (const call of calls) if (!toolCallDeltaOk(call)) return false;
  }
  return nameAndArguments(value.function_call);
}

function choiceOk(value: unknown): boolean {
  return (
    isObject(value) &&
    countOrMissing(value.index) &&
    deltaOk(value.delta) &&
    stringOrNullish(value.text) &&
    stringOrNullish(value.finish_reason)
  );
}

const CHUNK_KEYS = ["id", "object", "created", "model", "choices", "usage"] as const;
const USAGE_KEYS = ["prompt_tokens", "completion_tokens", "total_tokens"] as const;

/** The object with the listed keys first (those present, in that order), then the others in their order. */
function keysFirst(value: Json, first: readonly string[]): Json {
  const out: Json = {};
  for (const key of first) if (Object.hasOwn(value, key)) out[key] = value[key];
  for (const key of Object.keys(value)) if (!Object.hasOwn(out, key)) out[key] = value[key];
  return out;
}

/**
 * The common case without the schema: a chunk whose every known field has a plain valid value
 * comes back as the schema would return it (known keys first, in the schema's order, at the top and
 * in `usage`, the only objects forwarded whole; nested objects are read field by field). Anything
 * else (a field of the wrong type, an integer out of range) returns undefined and goes through
 * the schema, which decides: the fast path accepts nothing the schema refuses.
 */
export function fastChunk(json: unknown): StreamChunk | undefined {
  if (!isObject(json) || Object.hasOwn(json, "__proto__")) return undefined;
  if (!stringOrNullish(json.id) || !stringOrNullish(json.object) || !stringOrNullish(json.model))
    return undefined;
  const created = json.created;
  if (created !== undefined && created !== null && !Number.isFinite(created)) return undefined;
  const choices = json.choices;
  if (choices !== undefined && choices !== null) {
    if (!Array.isArray(choices)) return undefined;
    for (const choice of choices) if (!choiceOk(choice)) return undefined;
  }
  let usage = json.usage;
  if (usage !== undefined && usage !== null) {
    if (!isObject(usage) || Object.hasOwn(usage, "__proto__")) return undefined;
    for (const key of USAGE_KEYS) if (!countOrMissing(usage[key])) return undefined;
    usage = keysFirst(usage, USAGE_KEYS);
  }
  const chunk = keysFirst(json, CHUNK_KEYS);
  if (usage !== undefined) chunk.usage = usage;
  return chunk as StreamChunk;
}

/** Parses one event's data once: JSON, then the schema (a plain chunk skips it). Never throws. */
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
  const fast = fastChunk(json);
  if (fast !== undefined) return { kind: "chunk", chunk: fast };
  const parsed = streamChunkSchema.safeParse(json);
  if (!parsed.success) return { kind: "malformed", reason: "event data is not a completion chunk" };
  return { kind: "chunk", chunk: parsed.data };
}
