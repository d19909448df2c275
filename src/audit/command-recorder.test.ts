import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { RampartError } from "../core/index.js";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { describeEachDatabase, useFreshStore } from "../store/test-support/test-databases.js";
import { commandNodeId, openCommandRecorder } from "./command-recorder.js";
import { DEFAULT_SIGNING_KEY_FILE, loadSigningKey } from "./signing-key.js";
import type { AuditSink, SinkEvent } from "./sinks/sink.js";
import { verifyStore } from "./verify-store.js";

function change(id: string) {
  return {
    actor: { kind: "cli" as const, id: "alice" },
    action: "incident.update",
    target: { kind: "incident", id },
    changes: { status: "triaged" },
  };
}

/** A sink that fails while `down` is set and keeps what it was given. */
function memorySink(name: string) {
  const events: SinkEvent[] = [];
  const sink = {
    down: false as boolean,
    events,
    name,
    async deliver(batch: readonly SinkEvent[]) {
      if (sink.down) throw new Error("collector unreachable");
      events.push(...batch);
    },
    async close() {},
  } satisfies AuditSink & { down: boolean; events: SinkEvent[] };
  return sink;
}

it("names the command-line node after the host or RAMPART_NODE_ID, never the server's own", () => {
  expect(commandNodeId({ RAMPART_NODE_ID: "gw-1" })).toBe("gw-1-cli");
  expect(commandNodeId({ RAMPART_NODE_ID: "x".repeat(63) })).toBe(`${"x".repeat(59)}-cli`);
  expect(commandNodeId({})).toMatch(/-cli$/);
});

describeEachDatabase("recording a command's changes", (database) => {
  const store = useFreshStore(database);
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "rampart-recorder-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const env = () => ({
    RAMPART_AUDIT_SIGNING_KEY_FILE: join(folder, DEFAULT_SIGNING_KEY_FILE),
    RAMPART_NODE_ID: "host-a",
  });

  it("commits each change with its actor and a checkpoint, on the CLI's node, verifiably", async () => {
    const recorder = await openCommandRecorder({ store: store(), baseDir: folder, env: env() });
    const first = await recorder.recordManagement(change("inc_1"));
    const second = await recorder.recordManagement(change("inc_2"));
    expect(await recorder.close()).toEqual([]);
    expect([first.node, first.seq, second.seq]).toEqual(["host-a-cli", 1, 2]);
    const repository = createAuditRepository(store().db);
    const [stored] = await repository.events("host-a-cli", 0, 1);
    expect(JSON.parse(stored?.envelope ?? "{}")).toMatchObject({
      type: "management.change",
      actor: { kind: "cli", id: "alice" },
      payload: { action: "incident.update", target: { kind: "incident", id: "inc_1" } },
    });
    expect((await repository.lastCheckpoint("host-a-cli"))?.seq).toBe(2);
    const key = loadSigningKey(join(folder, DEFAULT_SIGNING_KEY_FILE), {});
    const report = await verifyStore(repository, key?.publicKey ?? expect.fail("no key"));
    expect(report).toMatchObject({ ok: true, events: 2, uncheckpointed: 0 });
  });

  it("lets two commands on one host record at once: the second takes the next seq", async () => {
    const [left, right] = await Promise.all([
      openCommandRecorder({ store: store(), baseDir: folder, env: env() }),
      openCommandRecorder({ store: store(), baseDir: folder, env: env() }),
    ]);
    const events = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 === 0 ? left : right).recordManagement(change(`inc_${index}`)),
      ),
    );
    expect(events.map((event) => event.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const key = loadSigningKey(join(folder, DEFAULT_SIGNING_KEY_FILE), {});
    const report = await verifyStore(createAuditRepository(store().db), key?.publicKey ?? expect.fail());
    expect(report.firstBreak).toBeNull();
    expect(report).toMatchObject({ ok: true, events: 6 });
  });

  it("refuses to start without the server's key once the trail has events, before any change", async () => {
    const first = await openCommandRecorder({ store: store(), baseDir: folder, env: env() });
    await first.recordManagement(change("inc_1"));
    await first.close();
    const elsewhere = { RAMPART_AUDIT_SIGNING_KEY_FILE: join(folder, "missing.pem") };
    const refused = openCommandRecorder({ store: store(), baseDir: folder, env: elsewhere });
    await expect(refused).rejects.toThrow(RampartError);
    await expect(refused).rejects.toThrow(/no audit signing key was found/);
  });

  it("delivers its events to the sinks, and a sink that is down gets them from the next command", async () => {
    const sink = memorySink("siem");
    sink.down = true;
    const first = await openCommandRecorder({
      store: store(),
      baseDir: folder,
      env: env(),
      sinkInstances: [sink],
      sinkWaitMs: 300,
    });
    await first.recordManagement(change("inc_1"));
    expect(await first.close()).toEqual(["siem"]);
    expect(sink.events).toHaveLength(0);
    sink.down = false;
    const second = await openCommandRecorder({
      store: store(),
      baseDir: folder,
      env: env(),
      sinkInstances: [sink],
    });
    await second.recordManagement(change("inc_2"));
    expect(await second.close()).toEqual([]);
    expect(sink.events.map((event) => event.envelope.seq)).toEqual([1, 2]);
  });
});
