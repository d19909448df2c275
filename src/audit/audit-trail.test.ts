import { mkdtemp, rm, stat } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { auditConfigSchema } from "../config/index.js";
import { describeEachDatabase, useFreshStore } from "../store/test-support/test-databases.js";
import { createAuditTrail } from "./audit-trail.js";
import { DEFAULT_SIGNING_KEY_FILE, parsePublicKey } from "./signing-key.js";
import { sampleDecision } from "./test-support/audit-fixtures.js";
import { verifyStore } from "./verify-store.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address !== null ? address.port : 0;
}

/** A webhook receiver that answers 503 to its first request, then 200, recording the seqs it accepted. */
async function startReceiver(port: number): Promise<{ server: Server; seqs: number[] }> {
  const seqs: number[] = [];
  let requests = 0;
  const server = createHttpServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += String(chunk);
    });
    request.on("end", () => {
      requests += 1;
      if (requests === 1) {
        response.writeHead(503).end();
        return;
      }
      const parsed = JSON.parse(body) as { events: { envelope: { seq: number } }[] };
      seqs.push(...parsed.events.map((event) => event.envelope.seq));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, seqs };
}

describeEachDatabase("the audit trail", (database) => {
  const store = useFreshStore(database);
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-trail-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const env = () => ({ RAMPART_AUDIT_SIGNING_KEY_FILE: join(folder, DEFAULT_SIGNING_KEY_FILE) });

  it("generates its signing key once (mode 0600) and records decisions and management changes", async () => {
    const config = auditConfigSchema.parse({ content: "none" });
    const trail = await createAuditTrail({
      store: store(),
      config,
      baseDir: folder,
      node: "node-a",
      env: env(),
      retention: false,
    });
    await trail.sink.record(sampleDecision(1));
    const change = await trail.recordManagement({
      actor: { kind: "admin", id: "key_admin", role: "admin" },
      action: "key.revoke",
      target: { kind: "api-key", id: "key_1" },
    });
    expect(change.seq).toBe(2);
    await trail.close();
    expect((await stat(join(folder, DEFAULT_SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    const again = await createAuditTrail({
      store: store(),
      config,
      baseDir: folder,
      node: "node-a",
      env: env(),
      retention: false,
    });
    expect(again.publicKey).toBe(trail.publicKey);
    await again.close();
    expect(await verifyStore(trail.repository, parsePublicKey(trail.publicKey))).toMatchObject({
      ok: true,
      events: 2,
    });
  });

  it("delivers every event to a webhook that was down, across a restart, without holding up appends", async () => {
    const port = await freePort();
    const config = auditConfigSchema.parse({
      content: "none",
      durability: "batched",
      sinks: [{ type: "webhook", name: "siem", url: `http://127.0.0.1:${port}/hook`, timeoutMs: 2000 }],
    });
    const options = {
      store: store(),
      config,
      baseDir: folder,
      node: "node-a",
      env: env(),
      retention: false,
      sinkRetry: { initialMs: 20, maxMs: 200 },
    };
    const first = await createAuditTrail(options);
    // the webhook is down: appends still commit
    for (let index = 1; index <= 20; index += 1) await first.sink.record(sampleDecision(index));
    await expect.poll(() => first.stats().sinks[0]?.attempts ?? 0).toBeGreaterThanOrEqual(2);
    expect(first.stats().sinks[0]).toMatchObject({ deliveredSeq: 0, lag: 20 });
    await first.close();

    const receiver = await startReceiver(port);
    try {
      const second = await createAuditTrail(options);
      await Promise.all(
        Array.from({ length: 10 }, (_, index) => second.sink.record(sampleDecision(21 + index))),
      );
      await expect.poll(() => second.stats().sinks[0]?.lag, { timeout: 10_000 }).toBe(0);
      expect(new Set(receiver.seqs)).toEqual(new Set(Array.from({ length: 30 }, (_, index) => index + 1)));
      await second.close();
    } finally {
      receiver.server.close();
    }
  });
});
