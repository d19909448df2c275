import { describe, expect, it } from "vitest";
import type { StreamScanContext, StreamScanFunction, StreamScanOutcome } from "./scan-ledger.js";
import { guardStream } from "./stream-guard.js";
import type { StreamGuardOptions } from "./stream-guard-options.js";
import {
  chatStream,
  chunksOf,
  collect,
  encode,
  fixtureNames,
  readClientView,
  readFixture,
  splitAt,
} from "./test-support/stream-test-support.js";

const allow: StreamScanOutcome = { verdict: "allow", categories: [] };
const allowAll: StreamScanFunction = () => allow;
const decoder = new TextDecoder();

async function guard(
  parts: readonly (Uint8Array | string)[],
  options: Partial<StreamGuardOptions> = {},
): Promise<{ output: string; result: Awaited<ReturnType<typeof guardStream>["result"]> }> {
  const stream = guardStream(chunksOf(parts), { scan: allowAll, ...options });
  const output = await collect(stream.frames);
  return { output, result: await stream.result };
}

const blockOn =
  (token: string, category = "canary-leak"): StreamScanFunction =>
  (text) =>
    text.includes(token) ? { verdict: "block", categories: [category] } : allow;

describe("guardStream on recorded-style fixtures", () => {
  for (const name of fixtureNames) {
    it(`re-emits ${name} with the same text, tool calls, roles, finish reasons and usage`, async () => {
      const bytes = readFixture(name);
      const upstream = readClientView(decoder.decode(bytes));
      for (const step of [0, 7, 1]) {
        const offsets = step === 0 ? [] : Array.from({ length: bytes.length }, (_, index) => index * step);
        const { output, result } = await guard(splitAt(bytes, offsets), {
          windowSize: 16,
          overlap: 8,
          holdTail: 4,
        });
        const client = readClientView(output);
        expect(client.text).toEqual(upstream.text);
        expect(client.toolArguments).toEqual(upstream.toolArguments);
        expect(client.toolHeaders).toEqual(upstream.toolHeaders);
        expect(client.finishReasons).toEqual(upstream.finishReasons);
        expect(client.roles).toEqual(upstream.roles);
        expect(client.usage).toEqual(upstream.usage);
        expect(client.done).toBe(true);
        expect(client.error).toBeUndefined();
        expect(result).toMatchObject({ blocked: false, end: "completed", verdict: "allow" });
        expect(result.scannedWindows).toBeGreaterThan(0);
      }
    });
  }

  it("keeps id, object, created, model and system_fingerprint, and omits an id the upstream omitted", async () => {
    const vllm = readClientView((await guard([readFixture("vllm-chat.sse")])).output);
    expect(vllm.chunks[0]).toMatchObject({
      id: "chatcmpl-8f3c1e2a9b7d4c6e",
      object: "chat.completion.chunk",
      created: 1732700000,
      model: "Qwen/Qwen2.5-7B-Instruct",
    });
    const llama = readClientView((await guard([readFixture("llamacpp-chat.sse")])).output);
    for (const chunk of llama.chunks) expect(chunk).not.toHaveProperty("id");
    expect(llama.chunks[0]).toMatchObject({ system_fingerprint: "b4100-1a2b3c4d", model: "gpt-3.5-turbo" });
    expect(llama.chunks.some((chunk) => "timings" in chunk)).toBe(true);
  });

  it("keeps the completions shape: every choice carries text, none carries a delta", async () => {
    const { output } = await guard([readFixture("vllm-completions.sse")], { windowSize: 4, holdTail: 0 });
    const client = readClientView(output);
    const choices = client.chunks.flatMap((chunk) => chunk.choices ?? []);
    expect(choices.length).toBeGreaterThan(1);
    for (const choice of choices) {
      expect(typeof choice.text).toBe("string");
      expect(choice.delta).toBeUndefined();
    }
    expect(client.finishReasons.get(0)).toBe("length");
  });

  it("reports the upstream usage when it came, and counts locally when it did not", async () => {
    const withUsage = await guard([readFixture("vllm-chat.sse")]);
    expect(withUsage.result.usage).toEqual({
      completionTokens: 12,
      promptTokens: 24,
      totalTokens: 36,
      source: "upstream",
    });
    const countWords = (text: string): number => text.split(" ").filter((word) => word.length > 0).length;
    const local = await guard([chatStream(["one two ", "three ", "four five six"])], {
      countTokens: countWords,
    });
    expect(local.result.usage).toEqual({
      completionTokens: 6,
      promptTokens: null,
      totalTokens: null,
      source: "local",
    });
    expect(readClientView(local.output).usage).toBeUndefined();
  });

  it("does not forward the usage chunk when the client did not ask for it", async () => {
    const { output, result } = await guard([readFixture("vllm-chat.sse")], { forwardUsage: false });
    expect(readClientView(output).usage).toBeUndefined();
    expect(result.usage.source).toBe("upstream");
  });
});

describe("guardStream blocking", () => {
  it("ends a blocked stream with one in-band error event and no [DONE]", async () => {
    const pieces = ["Here is ", "the canary ", "CANARY-", "7f3a in the answer", " and more"];
    const { output, result } = await guard([chatStream(pieces)], {
      scan: blockOn("CANARY-7f3a"),
      windowSize: 12,
      overlap: 12,
      holdTail: 2,
    });
    const client = readClientView(output);
    expect(client.done).toBe(false);
    expect(client.text.get(0) ?? "").not.toContain("CANARY-7f3a");
    expect(
      output.endsWith(
        'data: {"error":{"message":"The response was stopped by the Rampart policy (categories: canary-leak).","type":"rampart_policy_violation","code":"rampart_policy_violation","param":null}}\n\n',
      ),
    ).toBe(true);
    expect(output.match(/"error"/g)).toHaveLength(1);
    expect(result).toMatchObject({ blocked: true, blockReason: "policy", verdict: "block", end: "blocked" });
    expect(result.findingsCategories).toEqual(["canary-leak"]);
  });

  it("scans tool-call arguments and blocks on them, with the tool name in the scan context", async () => {
    const contexts: StreamScanContext[] = [];
    const scan: StreamScanFunction = (text, context) => {
      contexts.push(context);
      return text.includes("rm -rf") ? { verdict: "block", categories: ["dangerous-command"] } : allow;
    };
    const frames = [
      { index: 0, id: "call_1", type: "function", function: { name: "shell", arguments: "" } },
      { index: 0, function: { arguments: '{"cmd": "rm ' } },
      { index: 0, function: { arguments: '-rf /"}' } },
    ].map(
      (call) =>
        `data: ${JSON.stringify({ id: "x", choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: null }] })}\n\n`,
    );
    frames.push(
      `data: ${JSON.stringify({ id: "x", choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] })}\n\n`,
    );
    frames.push("data: [DONE]\n\n");
    const { output, result } = await guard(frames, { scan });
    const client = readClientView(output);
    expect(client.toolArguments.get("0:0") ?? "").not.toContain("rm -rf");
    expect(client.toolHeaders).toEqual([{ choice: 0, index: 0, id: "call_1", name: "shell" }]);
    expect(client.error?.code).toBe("rampart_policy_violation");
    expect(client.done).toBe(false);
    expect(result.blocked).toBe(true);
    expect(contexts.at(-1)).toMatchObject({ channel: "tool_arguments", toolCallIndex: 0, toolName: "shell" });
  });

  it("scans the legacy function_call arguments and keeps its shape", async () => {
    const frames = [
      { function_call: { name: "lookup", arguments: "" } },
      { function_call: { arguments: '{"q": "sec' } },
      { function_call: { arguments: 'ret plans"}' } },
    ].map(
      (delta) =>
        `data: ${JSON.stringify({ id: "f", choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`,
    );
    frames.push(
      `data: ${JSON.stringify({ id: "f", choices: [{ index: 0, delta: {}, finish_reason: "function_call" }] })}\n\n`,
    );
    const allowed = await guard([...frames, "data: [DONE]\n\n"], { windowSize: 4, holdTail: 0 });
    const calls = readClientView(allowed.output).chunks.flatMap((chunk) =>
      (chunk.choices ?? []).map((choice) => choice.delta?.function_call).filter((call) => call !== undefined),
    );
    expect(calls.map((call) => call.arguments ?? "").join("")).toBe('{"q": "secret plans"}');
    expect(calls[0]?.name).toBe("lookup");
    const blocked = await guard([...frames, "data: [DONE]\n\n"], { scan: blockOn("secret plans") });
    expect(readClientView(blocked.output).error?.code).toBe("rampart_policy_violation");
  });

  it("keeps n>1 choices apart: each scan sees one choice's text only, a block in one stops the stream", async () => {
    const bytes = readFixture("vllm-n2.sse");
    const scanned: { choice: number; text: string }[] = [];
    const scan: StreamScanFunction = (text, context) => {
      scanned.push({ choice: context.choiceIndex, text });
      return allow;
    };
    const { output } = await guard([bytes], { scan, windowSize: 4, overlap: 3, holdTail: 0 });
    const client = readClientView(output);
    expect(client.text.get(0)).toBe("Red sky at night");
    expect(client.text.get(1)).toBe("Blue sea by day");
    for (const entry of scanned) expect(client.text.get(entry.choice)).toContain(entry.text);
    expect(new Set(scanned.map((entry) => entry.choice))).toEqual(new Set([0, 1]));
    const blocked = await guard([bytes], { scan: blockOn("sea"), windowSize: 4, overlap: 3, holdTail: 0 });
    const blockedView = readClientView(blocked.output);
    expect(blockedView.text.get(1) ?? "").not.toContain("sea");
    expect(blockedView.error?.code).toBe("rampart_policy_violation");
  });

  it("redacts across chunk boundaries and restores placeholders split across chunks", async () => {
    const scan: StreamScanFunction = (text) => {
      const replacements = [...text.matchAll(/sk-[a-z0-9]{10}/g)].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        text: "[REDACTED]",
      }));
      return replacements.length > 0 ? { verdict: "redact", categories: ["secret"], replacements } : allow;
    };
    const transform = (text: string): string => text.replaceAll("[PERSON_1]", "Ada Lovelace");
    const pieces = ["Dear [PER", "SON_1], your key sk-abc", "de12345 is ", "ready. Bye [PERSON", "_1]."];
    const { output, result } = await guard([chatStream(pieces)], {
      scan,
      transform,
      windowSize: 8,
      overlap: 16,
      holdTail: 6,
    });
    expect(readClientView(output).text.get(0)).toBe(
      "Dear Ada Lovelace, your key [REDACTED] is ready. Bye Ada Lovelace.",
    );
    expect(result).toMatchObject({ verdict: "redact", replacementsApplied: 1, blocked: false });
    expect(result.releasedCharacters).toBe(
      "Dear Ada Lovelace, your key [REDACTED] is ready. Bye Ada Lovelace.".length,
    );
  });

  it("fails closed with a scan-failed error event when the scan throws, and open when asked", async () => {
    const failing: StreamScanFunction = () => {
      throw new Error("model unavailable");
    };
    const closed = await guard([chatStream(["some text that is long enough"])], {
      scan: failing,
      windowSize: 8,
    });
    const closedView = readClientView(closed.output);
    expect(closedView.error?.code).toBe("rampart_scan_failed");
    expect(closedView.done).toBe(false);
    expect(closedView.text.get(0) ?? "").toBe("");
    expect(closed.result).toMatchObject({ blocked: true, blockReason: "scan_failed" });
    const open = await guard([chatStream(["some text that is long enough"])], {
      scan: failing,
      windowSize: 8,
      failMode: "open",
    });
    expect(readClientView(open.output).text.get(0)).toBe("some text that is long enough");
    expect(open.result.skippedWindows).toBeGreaterThan(0);
    expect(open.result.scannedWindows).toBe(0);
    expect(open.result.scanFailures[0]?.message).toBe("model unavailable");
  });
});

describe("guardStream modes", () => {
  it("buffer mode sends nothing before the end, then everything after one scan per channel", async () => {
    const calls: StreamScanContext[] = [];
    const scan: StreamScanFunction = (_text, context) => {
      calls.push(context);
      return allow;
    };
    const stream = guardStream(chunksOf([readFixture("vllm-chat.sse")]), {
      scan,
      mode: "buffer",
      windowSize: 4,
      holdTail: 0,
    });
    const frames: string[] = [];
    for await (const frame of stream.frames) frames.push(frame);
    expect(frames).toHaveLength(1);
    const client = readClientView(frames.join(""));
    expect(client.text.get(0)).toBe("Grüße! The café's menu—crêpes—costs 12 €; see you 👋.");
    expect(client.done).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.final).toBe(true);
  });

  it("buffer mode blocks everything when the final scan blocks", async () => {
    const { output } = await guard([chatStream(["safe start ", "then BAD end"])], {
      mode: "buffer",
      scan: blockOn("BAD"),
    });
    const client = readClientView(output);
    expect(client.chunks).toHaveLength(1);
    expect(client.error?.code).toBe("rampart_policy_violation");
  });

  it("buffer mode fails closed past its byte cap", async () => {
    const pieces = Array.from({ length: 50 }, () => "x".repeat(40));
    const text = chatStream(pieces);
    const { output, result } = await guard(splitAt(encode(text), [500, 1000, 1500, 2000, 2500, 3000]), {
      mode: "buffer",
      maxBufferBytes: 2048,
    });
    const client = readClientView(output);
    expect(client.chunks).toHaveLength(1);
    expect(client.error?.code).toBe("rampart_stream_too_large");
    expect(client.done).toBe(false);
    expect(result).toMatchObject({ blocked: true, blockReason: "too_large", releasedCharacters: 0 });
  });

  it("audit mode passes frames through untouched, never blocks, and reports findings at the end", async () => {
    const bytes = readFixture("ollama-chat.sse");
    const stream = guardStream(chunksOf(splitAt(bytes, [100, 300, 301, 900])), {
      mode: "audit",
      windowSize: 8,
      scan: async (text) =>
        text.includes("Rayleigh") ? { verdict: "block", categories: ["toxicity"] } : allow,
    });
    const output = await collect(stream.frames);
    expect(output).toBe(decoder.decode(bytes));
    const result = await stream.result;
    expect(result).toMatchObject({ mode: "audit", blocked: false, verdict: "block", blockReason: null });
    expect(result.findingsCategories).toEqual(["toxicity"]);
    expect(result.releasedCharacters).toBe("The sky is blue because of Rayleigh scattering.".length);
  });

  it("audit mode bounds the backlog of slow scans and counts what it skipped", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowScan: StreamScanFunction = async () => {
      await gate;
      return allow;
    };
    const pieces = Array.from({ length: 40 }, (_, index) => `piece number ${index} `);
    const stream = guardStream(chunksOf([chatStream(pieces)]), {
      mode: "audit",
      scan: slowScan,
      windowSize: 8,
      maxBufferBytes: 1500,
    });
    const output = await collect(stream.frames);
    release();
    const result = await stream.result;
    expect(readClientView(output).text.get(0)).toBe(pieces.join(""));
    expect(result.skippedWindows).toBeGreaterThan(0);
    expect(result.scannedWindows).toBeGreaterThan(0);
    expect(result.blocked).toBe(false);
  });
});

describe("guardStream upstream failures and aborts", () => {
  it("ends with an upstream error event on malformed data or an upstream error object", async () => {
    const malformed = await guard(["data: {not json}\n\n"]);
    expect(readClientView(malformed.output).error?.code).toBe("rampart_upstream_error");
    expect(malformed.result.end).toBe("upstream_error");
    const upstreamError = await guard([
      chatStream(["hi"], { finish: false }).replace("data: [DONE]", 'data: {"error":{"message":"oom"}}'),
    ]);
    const view = readClientView(upstreamError.output);
    expect(view.error?.code).toBe("rampart_upstream_error");
    expect(view.error?.message).not.toContain("oom");
    expect(view.done).toBe(false);
  });

  it("skips empty data events and accepts chunks that carry a null error field", async () => {
    const chunk = {
      id: "e",
      error: null,
      choices: [{ index: 0, delta: { content: "fine" }, finish_reason: null }],
    };
    const { output, result } = await guard([
      `data: \n\ndata:\n\ndata: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`,
    ]);
    const client = readClientView(output);
    expect(client.text.get(0)).toBe("fine");
    expect(client.done).toBe(true);
    expect(result.end).toBe("completed");
  });

  it("flushes scanned text but sends no [DONE] when the upstream closes without one", async () => {
    const text = chatStream(["partial answer"], { finish: false }).replace("data: [DONE]\n\n", "");
    const { output, result } = await guard([text]);
    const client = readClientView(output);
    expect(client.text.get(0)).toBe("partial answer");
    expect(client.done).toBe(false);
    expect(result.end).toBe("upstream_closed");
  });

  it("ends with an error event when the upstream read fails", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield chatStream(["held text"], { finish: false }).replace("data: [DONE]\n\n", "");
      throw new Error("socket hang up");
    }
    const stream = guardStream(failing(), { scan: allowAll });
    const client = readClientView(await collect(stream.frames));
    expect(client.error?.code).toBe("rampart_upstream_error");
    expect((await stream.result).end).toBe("upstream_error");
  });

  it("abort() cancels a pending upstream read and closes the upstream", async () => {
    let closed = false;
    async function* stalled(): AsyncGenerator<string> {
      try {
        yield chatStream(["first words of a long answer"], { finish: false }).replace("data: [DONE]\n\n", "");
        await new Promise(() => undefined);
      } finally {
        closed = true;
      }
    }
    const upstream = stalled();
    const stream = guardStream(upstream, { scan: allowAll, windowSize: 8, countTokens: () => 1 });
    const frames: string[] = [];
    const reading = (async () => {
      for await (const frame of stream.frames) {
        frames.push(frame);
        stream.abort();
      }
    })();
    await reading;
    const result = await stream.result;
    expect(result.end).toBe("aborted");
    expect(result.usage.source).toBe("local");
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    expect(frames).toHaveLength(1);
    expect(closed).toBe(true);
  });

  it("abort() before the frames are read closes the upstream and settles the result", async () => {
    const { PassThrough } = await import("node:stream");
    const body = new PassThrough();
    const stream = guardStream(body, { scan: allowAll });
    stream.abort();
    expect(body.destroyed).toBe(true);
    expect(await stream.result).toMatchObject({ end: "aborted", releasedCharacters: 0, blocked: false });
    expect(() => stream.frames[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it("an AbortSignal destroys a Node Readable upstream", async () => {
    const { PassThrough } = await import("node:stream");
    const body = new PassThrough();
    body.write(chatStream(["hello there, general"], { finish: false }).replace("data: [DONE]\n\n", ""));
    const controller = new AbortController();
    const stream = guardStream(body, { scan: allowAll, windowSize: 4, signal: controller.signal });
    const frames: string[] = [];
    for await (const frame of stream.frames) {
      frames.push(frame);
      controller.abort();
    }
    expect(body.destroyed).toBe(true);
    expect((await stream.result).end).toBe("aborted");
  });

  it("a consumer that stops reading counts as an abort and closes the upstream", async () => {
    let closed = false;
    async function* upstream(): AsyncGenerator<string> {
      try {
        for (let index = 0; index < 100; index += 1)
          yield chatStream([`piece ${index} `], { finish: false }).replace("data: [DONE]\n\n", "");
      } finally {
        closed = true;
      }
    }
    const stream = guardStream(upstream(), { scan: allowAll, windowSize: 4 });
    for await (const _frame of stream.frames) break;
    expect(closed).toBe(true);
    expect((await stream.result).end).toBe("aborted");
  });

  it("fails closed in band when an injected function throws", async () => {
    const transform = (): string => {
      throw new Error("vault unavailable");
    };
    const { output, result } = await guard([chatStream(["some text [EMAIL_1] here and more"])], {
      transform,
      windowSize: 8,
    });
    expect(readClientView(output).error?.code).toBe("rampart_scan_failed");
    expect(result).toMatchObject({ blocked: true, blockReason: "scan_failed" });
    expect(result.scanFailures[0]?.message).toBe("transform: vault unavailable");
    const counting = await guard([chatStream(["some text that is long"])], {
      windowSize: 4,
      countTokens: () => {
        throw new Error("tokenizer broke");
      },
    });
    expect(readClientView(counting.output).error?.code).toBe("rampart_scan_failed");
    expect(counting.result.blockReason).toBe("scan_failed");
  });

  it("rejects invalid settings with a typed configuration error", () => {
    expect(() => guardStream(chunksOf([]), { scan: allowAll, windowSize: 10, holdTail: 10 })).toThrow(
      /stream guard options: holdTail/,
    );
    expect(() => guardStream(chunksOf([]), { scan: allowAll, windowSize: 0 })).toThrow(/windowSize/);
  });

  it("releases scanned text early when the upstream goes quiet (idleReleaseMs)", async () => {
    let output = "";
    let sawEarlyText: () => void = () => undefined;
    const early = new Promise<void>((resolve) => {
      sawEarlyText = resolve;
    });
    async function* slowModel(): AsyncGenerator<string> {
      yield chatStream(["a slow model writes this"], { finish: false }).replace("data: [DONE]\n\n", "");
      await early; // the rest comes only once the client has seen the first text
      yield chatStream([" and then the rest."]);
    }
    const stream = guardStream(slowModel(), {
      scan: allowAll,
      windowSize: 200,
      holdTail: 4,
      idleReleaseMs: 10,
    });
    for await (const frame of stream.frames) {
      output += frame;
      if ((readClientView(output).text.get(0) ?? "").length > 0) sawEarlyText();
    }
    const client = readClientView(output);
    expect(client.text.get(0)).toBe("a slow model writes this and then the rest.");
    expect(client.chunks[0]?.choices?.[0]?.delta?.content).toBe("a slow model writes ");
    expect(client.done).toBe(true);
  });
});
