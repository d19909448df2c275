import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePayload, fastChunk, streamChunkSchema } from "./chunk-schema.js";

/** Values of every JSON type, valid and invalid for any field of a chunk. */
const leaf = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(0.5, -0, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e300),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);

/** An object with some of the given keys (each a valid-looking or a wrong value) and maybe an unknown one. */
function shaped(
  keys: Readonly<Record<string, fc.Arbitrary<unknown>>>,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(keys).map(([key, value]) => [key, fc.oneof(value, leaf)] as const);
  return fc
    .tuple(
      fc.record(Object.fromEntries(entries), { requiredKeys: [] }),
      fc.option(fc.tuple(fc.constantFrom("zeta", "logprobs", "toString", "timings"), leaf), {
        nil: undefined,
      }),
      fc.boolean(),
    )
    .map(([known, extra, reversed]) => {
      const pairs = Object.entries(known);
      if (extra !== undefined) pairs.push(extra);
      if (reversed) pairs.reverse();
      return Object.fromEntries(pairs);
    });
}

const nameAndArguments = shaped({ name: fc.string(), arguments: fc.string() });
const toolCall = shaped({
  index: fc.nat(3),
  id: fc.string(),
  type: fc.constant("function"),
  function: nameAndArguments,
});
const delta = shaped({
  role: fc.constant("assistant"),
  content: fc.string(),
  reasoning_content: fc.string(),
  reasoning: fc.string(),
  refusal: fc.string(),
  tool_calls: fc.array(toolCall, { maxLength: 2 }),
  function_call: nameAndArguments,
});
const choice = shaped({
  index: fc.nat(3),
  delta,
  text: fc.string(),
  finish_reason: fc.constantFrom("stop", "length"),
});
const usage = shaped({ prompt_tokens: fc.nat(), completion_tokens: fc.nat(), total_tokens: fc.nat() });
const chunk = shaped({
  id: fc.string(),
  object: fc.constant("chat.completion.chunk"),
  created: fc.nat(),
  model: fc.string(),
  choices: fc.array(choice, { maxLength: 3 }),
  usage,
});

describe("fastChunk", () => {
  it("accepts only what the schema accepts, and returns what the schema returns (property)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(chunk, (value) => {
        // through JSON, as the stream guard receives it
        const json: unknown = JSON.parse(JSON.stringify(value));
        const fast = fastChunk(json);
        const parsed = streamChunkSchema.safeParse(json);
        if (fast === undefined) return;
        accepted += 1;
        expect(parsed.success).toBe(true);
        expect(fast).toEqual(parsed.data);
        // the objects forwarded whole keep the schema's key order
        expect(Object.keys(fast)).toEqual(Object.keys(parsed.data ?? {}));
        expect(JSON.stringify(fast.usage)).toBe(JSON.stringify(parsed.data?.usage));
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it("takes every chunk of the vLLM, Ollama and llama.cpp fixtures without the schema", () => {
    const folder = new URL("./fixtures/", import.meta.url);
    let chunks = 0;
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".sse"))) {
      const text = readFileSync(new URL(name, folder), "utf8");
      for (const line of text.split(/\r?\n/)) {
        if (!line.startsWith("data:")) continue;
        const data = line.slice(5).trim();
        if (data === "[DONE]") continue;
        const json: unknown = JSON.parse(data);
        expect(fastChunk(json), `${name}: ${data}`).toEqual(streamChunkSchema.parse(json));
        chunks += 1;
      }
    }
    expect(chunks).toBeGreaterThan(20);
  });

  it("leaves the odd cases to the schema, which decides as before", () => {
    expect(fastChunk({ choices: [{ index: -1 }] })).toBeUndefined();
    expect(decodePayload('{"choices":[{"index":-1}]}')).toMatchObject({ kind: "malformed" });
    expect(fastChunk({ usage: { prompt_tokens: 1.5 } })).toBeUndefined();
    expect(decodePayload('{"usage":{"prompt_tokens":1.5}}')).toMatchObject({ kind: "malformed" });
    expect(fastChunk(JSON.parse('{"__proto__":{"id":"x"},"id":"a"}'))).toBeUndefined();
    expect(decodePayload('{"error":"boom"}')).toEqual({ kind: "upstream-error" });
    expect(decodePayload('{"id":"a","choices":[{"delta":{"content":"hi"}}]}')).toEqual({
      kind: "chunk",
      chunk: { id: "a", choices: [{ delta: { content: "hi" } }] },
    });
  });
});
