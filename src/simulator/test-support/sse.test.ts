import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSseText, readSseEvents, SseParser } from "./sse.js";

describe("SseParser", () => {
  it("parses data events, joins multi-line data, skips comments, keeps event names and ids", () => {
    const text = ': comment\n\ndata: {"a":1}\n\nevent: ping\nid: 7\ndata: one\ndata:two\n\ndata: [DONE]\n\n';
    expect(parseSseText(text)).toEqual([
      { event: "message", data: '{"a":1}' },
      { event: "ping", data: "one\ntwo", id: "7" },
      // the last event id carries over to later events, as the standard says
      { event: "message", data: "[DONE]", id: "7" },
    ]);
  });

  it("accepts CRLF and CR line ends, and drops an unterminated last event", () => {
    expect(parseSseText("data: a\r\n\r\ndata: b\r\rdata: c\n")).toEqual([
      { event: "message", data: "a" },
      { event: "message", data: "b" },
    ]);
  });

  it("gives the same events however the text is cut into chunks", () => {
    const text = 'data: {"x":"é"}\r\n\r\ndata: two\n\n: c\ndata: three\r\r';
    const whole = parseSseText(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), (cuts) => {
        const points = [0, ...[...cuts].sort((left, right) => left - right), text.length];
        const parser = new SseParser();
        const events = points.slice(1).flatMap((end, index) => parser.push(text.slice(points[index], end)));
        expect([...events, ...parser.end()]).toEqual(whole);
      }),
    );
  });

  it("reads a byte stream split inside a multi-byte character", async () => {
    const bytes = new TextEncoder().encode("data: café\n\n");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 9));
        controller.enqueue(bytes.slice(9));
        controller.close();
      },
    });
    expect(await readSseEvents(stream)).toEqual([{ event: "message", data: "café" }]);
  });
});
