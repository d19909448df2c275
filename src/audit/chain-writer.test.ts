import { expect, it } from "vitest";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { describeEachDatabase, useFreshStore } from "../store/test-support/test-databases.js";
import { contentCommitment, revealContent } from "./content-protection.js";
import { GENESIS_HASH } from "./event-schema.js";
import {
  appendDecisions,
  openTestWriter,
  sampleDecision,
  testSigningKey,
} from "./test-support/audit-fixtures.js";
import { verifyStore } from "./verify-store.js";

describeEachDatabase("the audit chain writer", (database) => {
  const store = useFreshStore(database);

  it("numbers events per node from 1, links each to its predecessor, and verifies", async () => {
    const key = testSigningKey();
    const writer = await openTestWriter(store(), key);
    const first = await writer.append({ type: "gateway.decision", actor: null, payload: sampleDecision(1) });
    expect(first.seq).toBe(1);
    await appendDecisions(writer, 9, 2);
    await writer.close();
    const repository = createAuditRepository(store().db);
    const rows = await repository.events("node-a", 0, 100);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]?.envelope).toContain(`"prevHash":"${GENESIS_HASH}"`);
    expect(rows[1]?.envelope).toContain(`"prevHash":"${rows[0]?.hash}"`);
    // every 4 events, plus the head on close
    expect((await repository.checkpoints("node-a", 0, 100)).map((checkpoint) => checkpoint.seq)).toEqual([
      4, 8, 10,
    ]);
    const report = await verifyStore(repository, key.publicKey);
    expect(report).toMatchObject({
      ok: true,
      events: 10,
      checkpoints: 3,
      uncheckpointed: 0,
      firstBreak: null,
    });
  });

  it("batched mode resolves each append once its group commit is stored", async () => {
    const key = testSigningKey();
    const writer = await openTestWriter(store(), key, { durability: "batched", batchIntervalMs: 20 });
    const repository = createAuditRepository(store().db);
    const commits = Array.from({ length: 25 }, (_, index) =>
      writer
        .append({ type: "gateway.decision", actor: null, payload: sampleDecision(index) })
        .then(async (event) => {
          const stored = await repository.events("node-a", event.seq - 1, 1);
          return stored[0]?.hash === event.hash;
        }),
    );
    expect(await Promise.all(commits)).toEqual(Array(25).fill(true));
    await writer.close();
  });

  it("sync mode commits the events appended in one turn together, and each later turn again", async () => {
    const key = testSigningKey();
    const repository = createAuditRepository(store().db);
    const batches: number[] = [];
    const counting = {
      ...repository,
      append: (batch: Parameters<typeof repository.append>[0]) => {
        batches.push(batch.events.length);
        return repository.append(batch);
      },
    };
    const writer = await openTestWriter(store(), key, { repository: counting, checkpointEveryEvents: 1000 });
    const turn = (from: number) =>
      Promise.all(
        [0, 1, 2].map((offset) =>
          writer.append({ type: "gateway.decision", actor: null, payload: sampleDecision(from + offset) }),
        ),
      );
    const first = await turn(1);
    expect(first.map((event) => event.seq)).toEqual([1, 2, 3]);
    await turn(4);
    expect(batches).toEqual([3, 3]);
    expect((await repository.events("node-a", 0, 10)).map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    await writer.close();
  });

  it("continues the chain where it ended after a restart", async () => {
    const key = testSigningKey();
    const first = await openTestWriter(store(), key);
    await appendDecisions(first, 3);
    await first.close();
    const second = await openTestWriter(store(), key);
    const next = await second.append({ type: "gateway.decision", actor: null, payload: sampleDecision(4) });
    expect(next.seq).toBe(4);
    await second.close();
    expect((await verifyStore(createAuditRepository(store().db), key.publicKey)).ok).toBe(true);
  });

  it("refuses a payload that does not match its type's schema", async () => {
    const writer = await openTestWriter(store(), testSigningKey());
    await expect(
      writer.append({
        type: "management.change",
        actor: null,
        payload: { action: "Not An Action", target: { kind: "key", id: "k" } },
      }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    await writer.close();
  });

  it("keeps encrypted content outside the chain: erasable, checked against its commitment", async () => {
    const key = testSigningKey();
    const contentKey = Buffer.alloc(32, 7);
    const writer = await openTestWriter(store(), key, { contentMode: "encrypted", contentKey });
    const event = await writer.append({
      type: "gateway.decision",
      actor: null,
      payload: sampleDecision(1),
      content: { prompt: "my card is 4111 1111 1111 1111", response: "noted" },
    });
    await writer.close();
    const repository = createAuditRepository(store().db);
    const stored = await repository.content("node-a", event.seq);
    expect(stored?.body).not.toContain("4111");
    expect(stored?.body.startsWith("aes-256-gcm:v1:")).toBe(true);
    expect(revealContent(stored ?? { mode: "", body: "" }, contentKey)).toEqual({
      prompt: "my card is 4111 1111 1111 1111",
      response: "noted",
    });
    const [row] = await repository.events("node-a", 0, 1);
    expect(row?.envelope).toContain(contentCommitment(stored?.salt ?? "", stored?.body ?? ""));
    expect((await verifyStore(repository, key.publicKey)).contents).toBe(1);

    // tampering with the stored content is caught; erasing it is not an error
    await store()
      .db.withTables<{ audit_content: { body: string; node: string } }>()
      .updateTable("audit_content")
      .set({ body: "aes-256-gcm:v1:AAAA" })
      .execute();
    expect((await verifyStore(repository, key.publicKey)).firstBreak).toMatchObject({
      seq: 1,
      reason: expect.stringContaining("commitment"),
    });
    expect(await repository.eraseContent("node-a", event.seq)).toBe(true);
    expect(await verifyStore(repository, key.publicKey)).toMatchObject({ ok: true, contents: 0 });
  });

  it("names the first broken event when a stored envelope is edited", async () => {
    const key = testSigningKey();
    const writer = await openTestWriter(store(), key);
    await appendDecisions(writer, 6);
    await writer.close();
    const db = store().db.withTables<{ audit_events: { envelope: string; seq: number; node: string } }>();
    const row = await db
      .selectFrom("audit_events")
      .select("envelope")
      .where("seq", "=", 3)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("audit_events")
      .set({ envelope: row.envelope.replace('"status":200', '"status":201') })
      .where("seq", "=", 3)
      .execute();
    const report = await verifyStore(createAuditRepository(store().db), key.publicKey);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      node: "node-a",
      seq: 3,
      reason: expect.stringContaining("modified"),
    });
  });
});
