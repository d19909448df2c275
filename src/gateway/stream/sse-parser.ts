/**
 * An incremental parser for Server-Sent Events (the WHATWG event-stream format) as upstream
 * OpenAI-compatible servers send them. Bytes go in as they arrive, in chunks cut anywhere (inside
 * a line, inside a CRLF pair, inside a UTF-8 multi-byte sequence); complete events come out.
 *
 * - lines end with LF, CRLF or a lone CR;
 * - `data:` lines accumulate (joined with "\n"), a blank line dispatches the event;
 * - lines starting with ":" are comments (keep-alives) and are skipped;
 * - `event:` and `id:` are kept, `retry:` and unknown fields are ignored;
 * - one event (its data plus the unterminated line being read) is bounded by `maxEventBytes`
 *   (UTF-8 bytes, measured on the decoded text): past it the parser returns an error result and
 *   stops, so a hostile upstream cannot make the gateway buffer without limit.
 *
 * Tolerance: at the end of the input an event that was never terminated by a blank line is still
 * dispatched (some servers close the connection right after the last `data:` line).
 */

/** Default bound on one event: 1 MiB of UTF-8. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/** Line terminators of the event-stream format: CRLF, a lone CR or LF. */
const LINE_TERMINATOR = /\r\n|\r|\n/g;

/** Any character that ends a line. */
const LINE_END_CHARACTER = /[\r\n]/;

export interface SseEvent {
  readonly kind: "event";
  /** the `event:` field, when the server sent one */
  readonly event?: string;
  readonly id?: string;
  readonly data: string;
}

export interface SseParseError {
  readonly kind: "error";
  readonly code: "event_too_large";
  readonly message: string;
}

export type SseParseResult = SseEvent | SseParseError;

export interface SseParser {
  /** feeds bytes (or already decoded text); returns the events completed by them */
  push(chunk: Uint8Array | string): SseParseResult[];
  /** ends the input; returns an unterminated last event, if any */
  end(): SseParseResult[];
}

export interface SseParserOptions {
  maxEventBytes?: number;
}

export function createSseParser(options: SseParserOptions = {}): SseParser {
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const decoder = new TextDecoder("utf-8");
  /** decoded text not yet split into lines */
  let buffer = "";
  /** UTF-8 bytes of `buffer` */
  let bufferBytes = 0;
  /** kept as a flag: reading the last character of a long concatenated string would flatten it */
  let bufferEndsWithCr = false;
  /** data lines of the event being read */
  let dataLines: string[] = [];
  /** UTF-8 bytes of the data lines so far, with their separators */
  let dataBytes = 0;
  let eventName: string | undefined;
  let eventId: string | undefined;
  let failed = false;

  const tooLarge = (): SseParseError => {
    failed = true;
    buffer = "";
    bufferBytes = 0;
    dataLines = [];
    return { kind: "error", code: "event_too_large", message: `an event exceeded ${maxEventBytes} bytes` };
  };

  const dispatch = (results: SseParseResult[]): void => {
    if (dataLines.length > 0) {
      const data = dataLines.length === 1 ? (dataLines[0] ?? "") : dataLines.join("\n");
      const event: SseEvent = {
        kind: "event",
        data,
        ...(eventName === undefined ? {} : { event: eventName }),
        ...(eventId === undefined ? {} : { id: eventId }),
      };
      results.push(event);
    }
    dataLines = [];
    dataBytes = 0;
    eventName = undefined;
    eventId = undefined;
  };

  const processLine = (line: string, results: SseParseResult[]): boolean => {
    if (line.length === 0) {
      dispatch(results);
      return true;
    }
    if (line.charCodeAt(0) === 58 /* ":" comment */) return true;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* one optional space */) value = value.slice(1);
    if (field === "data") {
      dataLines.push(value);
      dataBytes += Buffer.byteLength(value, "utf8") + 1;
      if (dataBytes > maxEventBytes) {
        results.push(tooLarge());
        return false;
      }
    } else if (field === "event") {
      eventName = value;
    } else if (field === "id") {
      eventId = value;
    }
    return true;
  };

  /** `searchFrom`: where terminators may start (the old buffer held none, except a trailing CR) */
  const drainLines = (text: string, searchFrom: number, results: SseParseResult[], atEnd: boolean): void => {
    LINE_TERMINATOR.lastIndex = searchFrom;
    let start = 0;
    for (;;) {
      const match = LINE_TERMINATOR.exec(text);
      if (match === null) break;
      // a CR at the very end may be the first half of a CRLF split across chunks: wait for more
      if (!atEnd && match[0] === "\r" && match.index === text.length - 1) break;
      if (!processLine(text.slice(start, match.index), results)) return;
      start = match.index + match[0].length;
    }
    buffer = start === 0 ? text : text.slice(start);
    bufferBytes = buffer.length === 0 ? 0 : Buffer.byteLength(buffer, "utf8");
    bufferEndsWithCr = buffer.length > 0 && buffer.charCodeAt(buffer.length - 1) === 13;
    if (atEnd && buffer.length > 0) {
      const last = buffer;
      buffer = "";
      processLine(last, results);
    } else if (bufferBytes + dataBytes > maxEventBytes) {
      results.push(tooLarge());
    }
  };

  return {
    push(chunk) {
      if (failed) return [];
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      if (text.length === 0) return [];
      // a piece without line ends, after a buffer that does not end in CR, only extends the line:
      // append it without searching the whole line again (long lines in tiny chunks stay linear)
      if (buffer.length > 0 && !bufferEndsWithCr && !LINE_END_CHARACTER.test(text)) {
        buffer += text;
        bufferBytes += Buffer.byteLength(text, "utf8");
        return bufferBytes + dataBytes > maxEventBytes ? [tooLarge()] : [];
      }
      const results: SseParseResult[] = [];
      const searchFrom = buffer.length === 0 ? 0 : buffer.length - 1;
      drainLines(buffer.length === 0 ? text : buffer + text, searchFrom, results, false);
      return results;
    },
    end() {
      if (failed) return [];
      const rest = decoder.decode();
      const results: SseParseResult[] = [];
      drainLines(buffer + rest, Math.max(0, buffer.length - 1), results, true);
      if (!failed) dispatch(results);
      return results;
    },
  };
}
