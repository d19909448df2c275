import { expect, it } from "vitest";
import type { ChainWriter } from "../../audit/chain-writer.js";
import { openTestWriter, sampleDecision, testSigningKey } from "../../audit/test-support/audit-fixtures.js";
import type { Store } from "../database.js";
import { describeEachDatabase, useFreshStore } from "../test-support/test-databases.js";
import { createApiKeyRepository, issueApiKey } from "./api-key-repository.js";
import { type AuditEventCursor, type AuditEventQuery, createAuditEventQuery } from "./audit-event-query.js";
import { createAuditRepository } from "./audit-event-repository.js";

const START = Date.UTC(2026, 0, 1, 0, 0, 0);

/** Two writers (node-a, node-b) on one store with a clock the test moves. */
async function openWriters(store: Store) {
  const key = testSigningKey();
  let clock = START;
  const now = () => new Date(clock);
  const a = await openTestWriter(store, key, { node: "node-a", now, checkpointEveryEvents: 1000 });
  const b = await openTestWriter(store, key, { node: "node-b", now, checkpointEveryEvents: 1000 });
  return {
    a,
    b,
    /** appends decision `index` on a writer, `seconds` after START */
    async decide(writer: ChainWriter, index: number, seconds: number, overrides = {}) {
      clock = START + seconds * 1000;
      return writer.append({
        type: "gateway.decision",
        actor: { kind: "key", id: `key_${index % 3}`, role: "app" },
        payload: sampleDecision(index, overrides),
      });
    },
    async change(writer: ChainWriter, seconds: number) {
      clock = START + seconds * 1000;
      return writer.append({
        type: "management.change",
        actor: { kind: "admin", id: "key_admin", role: "admin" },
        payload: { action: "key.revoke", target: { kind: "api-key", id: "key_1" } },
      });
    },
    async close() {
      await a.close();
      await b.close();
    },
  };
}

async function listAll(query: AuditEventQuery, limit: number) {
  const ids: string[] = [];
  let after: AuditEventCursor | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await query.list({}, { limit, after });
    ids.push(...page.rows.map((row) => `${row.node}:${row.seq}`));
    if (page.next === undefined) return { ids, pages: pages + 1 };
    after = page.next;
  }
  throw new Error("paging did not end");
}

describeEachDatabase("the audit event query", (database) => {
  const store = useFreshStore(database);

  it("indexes both nodes, lists newest first and pages with a cursor without gaps or repeats", async () => {
    const writers = await openWriters(store());
    // node-a at even seconds, node-b at odd ones; seconds 10 and 11 share a time on purpose
    for (let index = 1; index <= 9; index += 1) await writers.decide(writers.a, index, index * 2);
    for (let index = 1; index <= 4; index += 1) await writers.decide(writers.b, 100 + index, index * 2 + 1);
    await writers.decide(writers.b, 105, 10);
    const query = createAuditEventQuery(store().db);
    await query.sync();
    const first = await query.list({}, { limit: 3 });
    expect(first.rows.map((row) => row.at)).toEqual([
      new Date(START + 18_000).toISOString(),
      new Date(START + 16_000).toISOString(),
      new Date(START + 14_000).toISOString(),
    ]);
    expect(first.next).toBeDefined();
    const { ids, pages } = await listAll(query, 4);
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
    expect(pages).toBe(4);
    // equal times: node order (descending) breaks the tie
    const tie = ids.indexOf("node-b:5");
    expect(ids[tie + 1]).toBe("node-a:5");
    expect(await query.nodes()).toEqual(["node-a", "node-b"]);
    await writers.close();
  });

  it("summarises a decision: key and its name, app, model, upstream, verdict, categories, latency", async () => {
    const writers = await openWriters(store());
    const { record } = await issueApiKey(createApiKeyRepository(store().db), { name: "shop backend" });
    await writers.decide(writers.a, 5, 1, {
      principal: { keyId: record.id, role: "app", app: "shop", team: null },
    });
    await writers.change(writers.a, 2);
    const query = createAuditEventQuery(store().db);
    await query.sync();
    const { rows } = await query.list({}, { limit: 10 });
    expect(rows[1]).toMatchObject({
      node: "node-a",
      seq: 1,
      type: "gateway.decision",
      requestId: "req_5",
      keyId: record.id,
      keyName: "shop backend",
      app: "shop",
      model: "llama-3-8b",
      upstream: "vllm",
      status: 400,
      verdict: "block",
      categories: ["prompt-injection"],
      latencyMs: 40.5,
      action: null,
    });
    expect(rows[0]).toMatchObject({
      type: "management.change",
      actor: { kind: "admin", id: "key_admin", role: "admin" },
      keyId: "key_admin",
      keyName: null,
      verdict: null,
      categories: [],
      action: "key.revoke",
    });
    await writers.close();
  });

  it("filters by time, kind, key, app, model, verdict, category and request id text", async () => {
    const writers = await openWriters(store());
    for (let index = 1; index <= 10; index += 1) await writers.decide(writers.a, index, index);
    await writers.decide(writers.a, 11, 11, { model: "gpt-4o", principal: null });
    await writers.decide(writers.a, 12, 12, {
      requestId: "req_a%b",
      verdict: "redact",
      categories: ["pii", "secret"],
    });
    await writers.change(writers.a, 13);
    const query = createAuditEventQuery(store().db);
    await query.sync();
    const seqs = async (filter: Parameters<AuditEventQuery["list"]>[0]) =>
      (await query.list(filter, { limit: 100 })).rows.map((row) => row.seq).sort((x, y) => x - y);
    const at = (seconds: number) => new Date(START + seconds * 1000).toISOString();
    expect(await seqs({ from: at(3), to: at(6) })).toEqual([3, 4, 5]);
    expect(await seqs({ types: ["management.change"] })).toEqual([13]);
    expect(await seqs({ verdicts: ["block"] })).toEqual([5, 10]);
    expect(await seqs({ verdicts: ["block", "redact"], from: at(6) })).toEqual([10, 12]);
    expect(await seqs({ categories: ["prompt-injection"] })).toEqual([5, 10]);
    expect(await seqs({ categories: ["secret"] })).toEqual([12]);
    expect(await seqs({ keyIds: ["key_1"], to: at(11) })).toEqual([1, 4, 7, 10]);
    expect(await seqs({ models: ["gpt-4o"] })).toEqual([11]);
    expect(await seqs({ apps: ["shop"], from: at(10) })).toEqual([10, 12]);
    expect(await seqs({ requestIdContains: "REQ_1" })).toEqual([1, 10, 11]);
    // LIKE wildcards in the text are literal
    expect(await seqs({ requestIdContains: "%" })).toEqual([12]);
    expect(await seqs({ requestIdContains: "q_a%b" })).toEqual([12]);
    expect(await seqs({ requestIdContains: "_" })).toHaveLength(12);
    await writers.close();
  });

  it("syncs incrementally and idempotently, also from two query objects at once", async () => {
    const writers = await openWriters(store());
    for (let index = 1; index <= 5; index += 1) await writers.decide(writers.a, index, index);
    const one = createAuditEventQuery(store().db);
    const two = createAuditEventQuery(store().db);
    await Promise.all([one.sync(), two.sync(), one.sync()]);
    expect((await listAll(one, 100)).ids).toHaveLength(5);
    for (let index = 6; index <= 8; index += 1) await writers.decide(writers.a, index, index);
    await writers.decide(writers.b, 9, 9);
    expect((await listAll(one, 100)).ids).toHaveLength(5);
    await Promise.all([one.sync(), two.sync()]);
    await one.sync();
    const { ids } = await listAll(two, 100);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    expect((await one.categoryCounts(new Date(START).toISOString(), "9999", "block", 5)).at(0)).toEqual({
      category: "prompt-injection",
      count: 1,
    });
    await writers.close();
  });

  it("drops index rows of events that retention removed", async () => {
    const writers = await openWriters(store());
    for (let index = 1; index <= 6; index += 1) await writers.decide(writers.a, index, index);
    const query = createAuditEventQuery(store().db);
    await query.sync();
    await createAuditRepository(store().db).prune("node-a", 4);
    await query.sync();
    expect((await listAll(query, 100)).ids).toEqual(["node-a:6", "node-a:5"]);
    expect(await query.categoryCounts(new Date(START).toISOString(), "9999", "block", 5)).toEqual([
      { category: "prompt-injection", count: 1 },
    ]);
    await writers.close();
  });

  it("reads new events after a per-node position, in time order, straight from the events table", async () => {
    const writers = await openWriters(store());
    await writers.decide(writers.a, 1, 1);
    await writers.decide(writers.b, 2, 2);
    await writers.decide(writers.a, 3, 3);
    await writers.decide(writers.b, 4, 4);
    const query = createAuditEventQuery(store().db);
    const all = await query.eventsAfter(new Map(), 10);
    expect(all.map((row) => `${row.node}:${row.seq}`)).toEqual([
      "node-a:1",
      "node-b:1",
      "node-a:2",
      "node-b:2",
    ]);
    const later = await query.eventsAfter(new Map([["node-a", 1]]), 10);
    expect(later.map((row) => `${row.node}:${row.seq}`)).toEqual(["node-b:1", "node-a:2", "node-b:2"]);
    expect(
      await query.eventsAfter(
        new Map([
          ["node-a", 2],
          ["node-b", 2],
        ]),
        10,
      ),
    ).toEqual([]);
    expect((await query.eventsAfter(new Map(), 1)).map((row) => row.seq)).toEqual([1, 1]);
    expect(await query.nodesWithSeq(2)).toEqual(["node-a", "node-b"]);
    expect(await query.nodesWithSeq(3)).toEqual([]);
    await writers.close();
  });

  it("counts decisions per slot and verdict, the top categories, chain states and the latest of a type", async () => {
    const writers = await openWriters(store());
    // minute 0: index 1..4 allow, 5 block; minute 1: 10 block, 11 allow
    for (const index of [1, 2, 3, 4, 5]) await writers.decide(writers.a, index, index);
    await writers.decide(writers.a, 10, 65);
    await writers.decide(writers.a, 11, 70, { verdict: "flag", categories: ["pii"] });
    await writers.change(writers.a, 75);
    const checkpoint = await writers.a.checkpointNow();
    const query = createAuditEventQuery(store().db);
    await query.sync();
    const from = new Date(START).toISOString();
    const to = new Date(START + 3_600_000).toISOString();
    const counts = await query.verdictCounts(from, to, "minute");
    const sorted = counts.sort((x, y) => (x.slot + x.verdict < y.slot + y.verdict ? -1 : 1));
    expect(sorted).toEqual([
      { slot: "2026-01-01T00:00", verdict: "allow", count: 4 },
      { slot: "2026-01-01T00:00", verdict: "block", count: 1 },
      { slot: "2026-01-01T00:01", verdict: "block", count: 1 },
      { slot: "2026-01-01T00:01", verdict: "flag", count: 1 },
    ]);
    expect(await query.verdictCounts(from, to, "hour")).toHaveLength(3);
    expect(await query.categoryCounts(from, to, "block", 5)).toEqual([
      { category: "prompt-injection", count: 2 },
    ]);
    expect(await query.categoryCounts(from, to, "flag", 5)).toEqual([{ category: "pii", count: 1 }]);
    expect(await query.firstEventAt()).toBe(new Date(START + 1000).toISOString());
    const states = await query.chainStates();
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({
      node: "node-a",
      firstSeq: 1,
      head: { seq: 8, at: new Date(START + 75_000).toISOString() },
      lastCheckpoint: { seq: 8 },
    });
    expect(checkpoint?.seq).toBe(8);
    const latest = await query.latestOfType("management.change");
    expect(latest).toMatchObject({ node: "node-a", seq: 8, type: "management.change" });
    expect(await query.latestOfType("audit.verification")).toBeUndefined();
    const stored = await query.event("node-a", 5);
    expect(stored?.envelope).toContain('"requestId":"req_5"');
    expect(
      (await query.summarise(stored ?? { node: "", seq: 0, at: "", type: "", envelope: "", hash: "" }))
        .verdict,
    ).toBe("block");
    await writers.close();
  });
});
