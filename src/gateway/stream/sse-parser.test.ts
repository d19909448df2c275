import { describe, expect, it } from "vitest";
import { createSseParser, type SseParseResult } from "./sse-parser.js";
import { encode, fixtureNames, readFixture, splitAt } from "./test-support/stream-test-support.js";

function parseAll(parts: readonly (Uint8Array | string)[], maxEventBytes?: number): SseParseResult[] {
  const parser = createSseParser(maxEventBytes === undefined ? {} : { maxEventBytes });
  const results: SseParseResult[] = [];
  for (const part of parts) results.push(...parser.push(part));
  results.push(...parser.end());
  return results;
}

describe("createSseParser", () => {
  for (const name of fixtureNames) {
    it(`parses ${name} the same whatever byte it is split at`, () => {
      const bytes = readFixture(name);
      const whole = parseAll([bytes]);
      expect(whole.length).toBeGreaterThan(2);
      expect(whole.every((result) => result.kind === "event")).toBe(true);
      expect(whole.at(-1)).toEqual({ kind: "event", data: "[DONE]" });
      for (let offset = 1; offset < bytes.length; offset += 1) {
        expect(parseAll(splitAt(bytes, [offset]))).toEqual(whole);
      }
      const singleBytes = Array.from({ length: bytes.length }, (_, index) => index);
      expect(parseAll(splitAt(bytes, singleBytes))).toEqual(whole);
    });
  }

  it("decodes a multi-byte character split across chunks", () => {
    const bytes = encode("data: caf\u00e9 \u{1f44b}\n\n");
    const emoji = bytes.length - 4; // inside the 4-byte emoji
    const results = parseAll(splitAt(bytes, [10, emoji, emoji + 1, emoji + 2]));
    expect(results).toEqual([{ kind: "event", data: "caf\u00e9 \u{1f44b}" }]);
  });

  it("reads CRLF, lone CR and LF line ends, also with CRLF split across chunks", () => {
    expect(parseAll(["data: a\r\n\r\ndata: b\r\rdata: c\n\n"])).toEqual([
      { kind: "event", data: "a" },
      { kind: "event", data: "b" },
      { kind: "event", data: "c" },
    ]);
    expect(parseAll(["data: a\r", "\n", "\r", "\ndata: b\r\n\r\n"])).toEqual([
      { kind: "event", data: "a" },
      { kind: "event", data: "b" },
    ]);
  });

  it("joins multi-line data, skips comments, keeps event and id, ignores retry and unknown fields", () => {
    const text =
      ": keep-alive\nevent: message\nid: 7\nretry: 1000\nfoo: bar\ndata: line one\ndata:line two\ndata\n\n";
    expect(parseAll([text])).toEqual([
      { kind: "event", event: "message", id: "7", data: "line one\nline two\n" },
    ]);
  });

  it("dispatches nothing for a blank-line block without data, and strips a BOM", () => {
    expect(parseAll(["\n\n: only a comment\n\nevent: x\n\n"])).toEqual([]);
    expect(parseAll([new Uint8Array([0xef, 0xbb, 0xbf]), "data: x\n\n"])).toEqual([
      { kind: "event", data: "x" },
    ]);
  });

  it("dispatches an event left unterminated at the end of the input", () => {
    expect(parseAll(['data: {"a":1}\n\ndata: [DONE]'])).toEqual([
      { kind: "event", data: '{"a":1}' },
      { kind: "event", data: "[DONE]" },
    ]);
  });

  it("returns an error for an event larger than the bound, across data lines", () => {
    const line = `data: ${"x".repeat(600)}\n`;
    const results = parseAll([line, line, "\n", "data: after\n\n"], 1024);
    expect(results).toEqual([
      { kind: "error", code: "event_too_large", message: "an event exceeded 1024 bytes" },
    ]);
  });

  it("returns an error for an unterminated line that grows past the bound, and stops", () => {
    const parser = createSseParser({ maxEventBytes: 1000 });
    expect(parser.push(`data: ${"y".repeat(500)}`)).toEqual([]);
    expect(parser.push("y".repeat(600))).toEqual([
      { kind: "error", code: "event_too_large", message: "an event exceeded 1000 bytes" },
    ]);
    expect(parser.push("\n\ndata: z\n\n")).toEqual([]);
    expect(parser.end()).toEqual([]);
  });

  it("measures the bound in UTF-8 bytes, not characters", () => {
    const threeBytes = "\u20ac".repeat(400); // 1200 bytes, 400 characters
    expect(parseAll([`data: ${threeBytes}\n\n`], 1000)[0]?.kind).toBe("error");
    expect(parseAll([`data: ${"e".repeat(400)}\n\n`], 1000)[0]?.kind).toBe("event");
  });

  it("stays linear when a long line arrives one character at a time", () => {
    const parser = createSseParser();
    const results: SseParseResult[] = [];
    for (let index = 0; index < 50_000; index += 1)
      results.push(...parser.push(index === 0 ? "data: " : "a"));
    results.push(...parser.push("\n\n"));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: "event" });
  });
});
