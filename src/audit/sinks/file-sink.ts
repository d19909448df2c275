import { appendFile } from "node:fs/promises";
import type { AuditSink, SinkEvent } from "./sink.js";

/** Appends one JSON line per event to a file (mode 0600 when it creates it). */
export function fileSink(options: {
  name: string;
  path: string;
  render: (event: SinkEvent) => Record<string, unknown>;
}): AuditSink {
  return {
    name: options.name,
    async deliver(events) {
      const text = events.map((event) => `${JSON.stringify(options.render(event))}\n`).join("");
      await appendFile(options.path, text, { mode: 0o600 });
    },
    async close() {},
  };
}
