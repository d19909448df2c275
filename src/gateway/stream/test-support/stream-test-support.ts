import { readFileSync } from "node:fs";
import { z } from "zod";
import { createSseParser } from "../sse-parser.js";

/** Helpers for the stream tests: fixtures, chunkings, and reading what the client received. */

export const fixtureNames = [
  "vllm-chat.sse",
  "vllm-tools.sse",
  "vllm-n2.sse",
  "vllm-completions.sse",
  "ollama-chat.sse",
  "ollama-tools.sse",
  "llamacpp-chat.sse",
  "llamacpp-chat-crlf.sse",
] as const;
export type FixtureName = (typeof fixtureNames)[number];

export function readFixture(name: FixtureName): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}

/** Cuts bytes at the given offsets (sorted, deduplicated, inside the array). */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.filter((offset) => offset > 0 && offset < bytes.length))].sort(
    (left, right) => left - right,
  );
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(bytes.subarray(from, cut));
    from = cut;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

export async function* chunksOf(
  parts: readonly (Uint8Array | string)[],
): AsyncGenerator<Uint8Array | string> {
  for (const part of parts) yield part;
}

export function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** SSE text of chat chunks carrying the given content pieces for choice 0, then [DONE]. */
export function chatStream(pieces: readonly string[], options: { finish?: boolean } = {}): string {
  const frames = pieces.map(
    (piece) =>
      `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
  );
  if (options.finish !== false) {
    frames.push(
      `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
    );
  }
  frames.push("data: [DONE]\n\n");
  return frames.join("");
}

const clientChunkSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        index: z.number(),
        text: z.string().optional(),
        finish_reason: z.string().nullish(),
        delta: z
          .looseObject({
            role: z.string().optional(),
            content: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            function_call: z
              .looseObject({ name: z.string().optional(), arguments: z.string().optional() })
              .optional(),
            tool_calls: z
              .array(
                z.looseObject({
                  index: z.number(),
                  id: z.string().optional(),
                  type: z.string().optional(),
                  function: z.looseObject({ name: z.string().optional(), arguments: z.string().optional() }),
                }),
              )
              .optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  usage: z.looseObject({ completion_tokens: z.number() }).nullish(),
  error: z
    .looseObject({ message: z.string(), type: z.string(), code: z.string(), param: z.null() })
    .nullish(),
});
export type ClientChunk = z.infer<typeof clientChunkSchema>;

export interface ClientView {
  readonly chunks: ClientChunk[];
  /** per choice: concatenated content (or completion text) */
  readonly text: Map<number, string>;
  /** per choice and tool-call index: arguments; plus the headers seen */
  readonly toolArguments: Map<string, string>;
  readonly toolHeaders: { choice: number; index: number; id?: string; name?: string }[];
  readonly finishReasons: Map<number, string>;
  readonly roles: Map<number, string>;
  readonly error: NonNullable<ClientChunk["error"]> | undefined;
  readonly done: boolean;
  readonly usage: ClientChunk["usage"];
}

/** Parses what the client received (the frames joined) with the same SSE parser. */
export function readClientView(output: string): ClientView {
  const parser = createSseParser();
  const events = [...parser.push(output), ...parser.end()];
  const view: ClientView = {
    chunks: [],
    text: new Map(),
    toolArguments: new Map(),
    toolHeaders: [],
    finishReasons: new Map(),
    roles: new Map(),
    error: undefined,
    done: false,
    usage: undefined,
  };
  const mutable = view as { -readonly [Key in keyof ClientView]: ClientView[Key] };
  for (const event of events) {
    if (event.kind !== "event") throw new Error("client output has an oversized event");
    if (mutable.done || mutable.error !== undefined) throw new Error("client output continues after its end");
    if (event.data === "[DONE]") {
      mutable.done = true;
      continue;
    }
    const chunk = clientChunkSchema.parse(JSON.parse(event.data));
    view.chunks.push(chunk);
    if (chunk.error !== undefined && chunk.error !== null) mutable.error = chunk.error;
    if (chunk.usage !== undefined && chunk.usage !== null) mutable.usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      const piece = choice.text ?? choice.delta?.content ?? "";
      view.text.set(choice.index, (view.text.get(choice.index) ?? "") + piece);
      if (choice.delta?.role !== undefined) view.roles.set(choice.index, choice.delta.role);
      if (typeof choice.finish_reason === "string")
        view.finishReasons.set(choice.index, choice.finish_reason);
      for (const call of choice.delta?.tool_calls ?? []) {
        const key = `${choice.index}:${call.index}`;
        view.toolArguments.set(key, (view.toolArguments.get(key) ?? "") + (call.function.arguments ?? ""));
        if (call.id !== undefined || call.function.name !== undefined) {
          view.toolHeaders.push({
            choice: choice.index,
            index: call.index,
            ...(call.id === undefined ? {} : { id: call.id }),
            ...(call.function.name === undefined ? {} : { name: call.function.name }),
          });
        }
      }
    }
  }
  return view;
}

export async function collect(frames: AsyncIterable<string>): Promise<string> {
  let output = "";
  for await (const frame of frames) output += frame;
  return output;
}
