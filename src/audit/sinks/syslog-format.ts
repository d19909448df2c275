import { hostname } from "node:os";
import type { SinkEvent } from "./sink.js";

/** RFC 5424 severities used: 4 warning, 5 notice, 6 informational. */
const SEVERITY = { warning: 4, notice: 5, informational: 6 } as const;

/**
 * The SD-ID of Rampart's structured data. 32473 is the enterprise number that RFC 5612 reserves for
 * documentation; an operator with a registered number can map it in the collector.
 */
export const STRUCTURED_DATA_ID = "rampart@32473";

/** Characters RFC 5424 requires to be escaped inside a PARAM-VALUE. */
const PARAM_VALUE_ESCAPES = /["\\\]]/g;

/** A HOSTNAME field: printable US-ASCII without spaces, at most 255 characters. */
const NOT_PRINTABLE = /[^\x21-\x7e]/g;

function severityOf(event: SinkEvent): number {
  if (event.envelope.type === "gateway.decision") {
    const verdict = event.envelope.payload.verdict;
    if (verdict === "block") return SEVERITY.warning;
    if (verdict === "flag" || verdict === "redact") return SEVERITY.notice;
    return SEVERITY.informational;
  }
  return event.envelope.type === "management.change" ? SEVERITY.notice : SEVERITY.informational;
}

/** One RFC 5424 message: `<PRI>1 TIMESTAMP HOST rampart - MSGID [SD] MSG`, MSG being the JSON body. */
export function syslogMessage(event: SinkEvent, body: string, facility: number, host = hostname()): string {
  const { envelope } = event;
  const pri = facility * 8 + severityOf(event);
  const hostField = host.replace(NOT_PRINTABLE, "").slice(0, 255) || "-";
  const param = (name: string, value: string | number) =>
    `${name}="${String(value).replace(PARAM_VALUE_ESCAPES, (c) => `\\${c}`)}"`;
  const structured = `[${STRUCTURED_DATA_ID} ${param("node", envelope.node)} ${param("seq", envelope.seq)} ${param("hash", event.hash)}]`;
  return `<${pri}>1 ${envelope.at} ${hostField} rampart - ${envelope.type} ${structured} ${body}`;
}
