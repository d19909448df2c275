/**
 * A small Server-Sent Events parser for tests (of the simulator, the gateway and the red team).
 * It follows the WHATWG rules that OpenAI streams use: events end at a blank line; `data:` lines
 * join with "\n"; one space after the colon is dropped; lines starting with ":" are comments;
 * "\n", "\r\n" and "\r" all end a line. Feed it chunks cut anywhere, even inside a line.
 */

export interface SseEvent {
  /** the `event:` field, "message" when absent */
  readonly event: string;
  readonly data: string;
  /** the last `id:` seen so far (it carries over to later events, as the standard says) */
  readonly id?: string;
}

/** A line ending of any of the three kinds. */
const LINE_END = /\r\n|\r|\n/;

export class SseParser {
  private buffer = "";
  private dataLines: string[] = [];
  private eventName = "";
  private eventId: string | undefined;
  private hasData = false;

  /** Feeds a chunk; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const match = LINE_END.exec(this.buffer);
      // a "\r" at the very end may be the first half of "\r\n": wait for the next chunk
      if (!match || (match[0] === "\r" && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** Ends the input; an unterminated last event is dropped, as the standard says. */
  end(): SseEvent[] {
    // a held-back final "\r" is a line end after all
    const events = this.buffer.endsWith("\r") ? this.push("\n") : [];
    this.buffer = "";
    this.dataLines = [];
    this.eventName = "";
    this.eventId = undefined;
    this.hasData = false;
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") {
      this.dataLines.push(value);
      this.hasData = true;
    } else if (field === "event") this.eventName = value;
    else if (field === "id") this.eventId = value;
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const event: SseEvent | undefined = this.hasData
      ? {
          event: this.eventName || "message",
          data: this.dataLines.join("\n"),
          ...(this.eventId === undefined ? {} : { id: this.eventId }),
        }
      : undefined;
    this.dataLines = [];
    this.eventName = "";
    this.hasData = false;
    return event;
  }
}

/** Every complete event of a whole SSE text. */
export function parseSseText(text: string): SseEvent[] {
  const parser = new SseParser();
  return [...parser.push(text), ...parser.end()];
}

/** Reads a fetch or undici body to its end and returns its events; chunks are decoded as UTF-8 streams. */
export async function readSseEvents(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): Promise<SseEvent[]> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    events.push(...parser.push(decoder.decode(chunk, { stream: true })));
  }
  events.push(...parser.push(decoder.decode()), ...parser.end());
  return events;
}
