import { createSocket } from "node:dgram";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson } from "../canonical-json.js";
import { hashEnvelopeText } from "../event-hash.js";
import { type AuditEnvelope, GENESIS_HASH } from "../event-schema.js";
import { sampleDecision } from "../test-support/audit-fixtures.js";
import { createSinks } from "./create-sinks.js";
import { toOcsf } from "./ocsf.js";
import type { SinkEvent } from "./sink.js";
import { STRUCTURED_DATA_ID } from "./syslog-format.js";

function sinkEvent(seq: number, verdictIndex = seq): SinkEvent {
  const envelope: AuditEnvelope = {
    schemaVersion: 1,
    node: "node-a",
    seq,
    at: "2026-01-01T00:00:00.000Z",
    type: "gateway.decision",
    actor: { kind: "key", id: "key_1", role: "app" },
    payload: { ...sampleDecision(verdictIndex) },
    content: null,
    prevHash: GENESIS_HASH,
  };
  return { envelope, hash: hashEnvelopeText(canonicalJson(envelope)) };
}

/** RFC 5424: PRI VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD SP MSG */
const SYSLOG_5424 = /^<(\d{1,3})>1 (\S+) (\S+) rampart - (\S+) (\[[^\]]+\]) (.+)$/s;

describe("syslog sinks", () => {
  it("sends one RFC 5424 datagram per event over UDP", async () => {
    const server = createSocket("udp4");
    const received: string[] = [];
    await new Promise<void>((resolve) => server.bind(0, "127.0.0.1", resolve));
    server.on("message", (message) => received.push(message.toString("utf8")));
    const [sink] = createSinks(
      [
        {
          type: "syslog",
          name: "siem",
          format: "rampart",
          host: "127.0.0.1",
          port: server.address().port,
          protocol: "udp",
          facility: 16,
        },
      ],
      tmpdir(),
    );
    await sink?.deliver([sinkEvent(1), sinkEvent(5)]);
    await expect.poll(() => received.length).toBe(2);
    const [, pri, timestamp, , msgid, structured, body] = SYSLOG_5424.exec(received[1] ?? "") ?? [];
    expect(Number(pri)).toBe(16 * 8 + 4); // local0, warning: event 5 is a block
    expect(timestamp).toBe("2026-01-01T00:00:00.000Z");
    expect(msgid).toBe("gateway.decision");
    expect(structured).toBe(`[${STRUCTURED_DATA_ID} node="node-a" seq="5" hash="${sinkEvent(5).hash}"]`);
    expect(JSON.parse(body ?? "")).toMatchObject({ kind: "event", envelope: { seq: 5 } });
    expect(Number(SYSLOG_5424.exec(received[0] ?? "")?.[1])).toBe(16 * 8 + 6);
    await sink?.close();
    server.close();
  });

  it("sends octet-counted frames over TCP and reconnects after the server drops it", async () => {
    let buffer = "";
    const sockets = new Set<import("node:net").Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on("data", (data) => {
        buffer += data.toString("utf8");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    const [sink] = createSinks(
      [
        {
          type: "syslog",
          name: "siem",
          format: "ocsf",
          host: "127.0.0.1",
          port,
          protocol: "tcp",
          facility: 13,
        },
      ],
      tmpdir(),
    );
    await sink?.deliver([sinkEvent(1), sinkEvent(2)]);
    await expect.poll(() => frames(buffer).length).toBe(2);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sink?.deliver([sinkEvent(3)]).catch(() => sink.deliver([sinkEvent(3)]));
    await expect.poll(() => frames(buffer).length).toBe(3);
    const messages = frames(buffer);
    expect(
      messages.map((message) => JSON.parse(SYSLOG_5424.exec(message)?.[6] ?? "").unmapped.rampart.seq),
    ).toEqual([1, 2, 3]);
    await sink?.close();
    server.close();
  });
});

/** Splits RFC 6587 octet-counted frames: `LENGTH SP MESSAGE`. */
function frames(stream: string): string[] {
  const bytes = Buffer.from(stream, "utf8");
  const result: string[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const space = bytes.indexOf(0x20, offset);
    const length = Number(bytes.subarray(offset, space).toString());
    result.push(bytes.subarray(space + 1, space + 1 + length).toString("utf8"));
    offset = space + 1 + length;
  }
  return result;
}

describe("file sink", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-sink-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("appends one JSON line per event, relative to the configuration folder", async () => {
    const [sink] = createSinks(
      [{ type: "file", name: "lines", format: "rampart", path: "audit.jsonl" }],
      folder,
    );
    await sink?.deliver([sinkEvent(1)]);
    await sink?.deliver([sinkEvent(2), sinkEvent(3)]);
    const lines = (await readFile(join(folder, "audit.jsonl"), "utf8")).trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).envelope.seq)).toEqual([1, 2, 3]);
  });
});

describe("OCSF mapping", () => {
  it("maps a blocked decision to a Detection Finding and a clean one to API Activity", () => {
    const finding = toOcsf(sinkEvent(5));
    expect(finding).toMatchObject({
      class_uid: 2004,
      category_uid: 2,
      type_uid: 200401,
      severity_id: 4,
      finding_info: { types: ["prompt-injection"], analytic: { name: "prompt-injection" } },
      metadata: { uid: "node-a:5", product: { name: "Rampart" } },
    });
    const activity = toOcsf(sinkEvent(1));
    expect(activity).toMatchObject({
      class_uid: 6003,
      category_uid: 6,
      type_uid: 600301,
      status_id: 1,
      api: { operation: "/v1/chat/completions" },
    });
  });
});
