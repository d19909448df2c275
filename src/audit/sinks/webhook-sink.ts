import { request } from "undici";
import type { AuditSink, SinkEvent } from "./sink.js";

/** POSTs a batch as `{"events": [...]}`; any answer but 2xx (or no answer in time) is a failure. */
export function webhookSink(options: {
  name: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  render: (event: SinkEvent) => Record<string, unknown>;
}): AuditSink {
  return {
    name: options.name,
    async deliver(events) {
      const response = await request(options.url, {
        method: "POST",
        headers: { ...options.headers, "content-type": "application/json" },
        body: JSON.stringify({ events: events.map(options.render) }),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      await response.body.dump();
      if (response.statusCode < 200 || response.statusCode >= 300) {
        throw new Error(`webhook ${options.name} answered ${response.statusCode}`);
      }
    },
    async close() {},
  };
}
