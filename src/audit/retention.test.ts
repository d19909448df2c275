import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { createAuditOutboxRepository } from "../store/repositories/audit-outbox-repository.js";
import { auditDatabase } from "../store/repositories/audit-tables.js";
import { describeEachDatabase, useFreshStore } from "../store/test-support/test-databases.js";
import { exportTrail } from "./export-trail.js";
import { pruneExpired } from "./retention.js";
import { appendDecisions, openTestWriter, testSigningKey } from "./test-support/audit-fixtures.js";
import { verifyExportFile } from "./verify-export.js";
import { verifyStore } from "./verify-store.js";

describeEachDatabase("audit retention and export ranges", (database) => {
  const store = useFreshStore(database);

  it("prunes to a checkpoint anchor, records it in the chain, and still verifies", async () => {
    const key = testSigningKey();
    let clock = new Date("2026-01-01T00:00:00.000Z");
    const writer = await openTestWriter(store(), key, { now: () => clock });
    await appendDecisions(writer, 10); // checkpoints at 4 and 8, all on 1 January
    clock = new Date("2026-07-01T00:00:00.000Z");
    await appendDecisions(writer, 3, 11);
    const repository = createAuditRepository(store().db);
    const outbox = createAuditOutboxRepository(store().db);
    const result = await pruneExpired({
      repository,
      outbox,
      writer,
      retentionDays: 180,
      now: new Date("2026-07-02T00:00:00.000Z"),
    });
    expect(result).toEqual({ throughSeq: 8, removed: 8 });
    await writer.close();
    const rows = await repository.events("node-a", 0, 100);
    expect(rows[0]?.seq).toBe(9);
    expect(rows.at(-1)?.type).toBe("audit.pruned");
    expect((await repository.checkpoints("node-a", 0, 100))[0]?.seq).toBe(8);
    expect(await verifyStore(repository, key.publicKey)).toMatchObject({ ok: true, events: 6 });

    // deleting one more event from the start is not retention: verification names it
    await auditDatabase(store().db).deleteFrom("audit_events").where("seq", "=", 9).execute();
    const report = await verifyStore(repository, key.publicKey);
    expect(report.firstBreak).toMatchObject({ seq: 10, reason: expect.stringContaining("expected seq 9") });
  });

  it("keeps events that a sink has not delivered yet", async () => {
    const key = testSigningKey();
    let clock = new Date("2026-01-01T00:00:00.000Z");
    const writer = await openTestWriter(store(), key, { now: () => clock });
    await appendDecisions(writer, 10);
    clock = new Date("2026-07-01T00:00:00.000Z");
    const repository = createAuditRepository(store().db);
    const outbox = createAuditOutboxRepository(store().db);
    await outbox.ensure("siem", "node-a", 5);
    const result = await pruneExpired({ repository, outbox, writer, retentionDays: 30, now: clock });
    expect(result.throughSeq).toBe(4);
    await writer.close();
    expect((await verifyStore(repository, key.publicKey)).ok).toBe(true);
  });

  it("exports a time range widened to whole checkpoint intervals, verifiable offline", async () => {
    const key = testSigningKey();
    let minute = 0;
    const writer = await openTestWriter(store(), key, {
      now: () => new Date(Date.UTC(2026, 0, 1, 0, minute++)),
    });
    await appendDecisions(writer, 14);
    await writer.close();
    const repository = createAuditRepository(store().db);
    const file = join(tmpdir(), `rampart-range-${process.pid}-${database.name}.jsonl`);
    // event 6 at minute 5 .. event 7 at minute 6, plus checkpoints taken later
    const summary = await exportTrail(repository, file, {
      signingKey: key,
      from: "2026-01-01T00:05:00.000Z",
      to: "2026-01-01T00:06:00.000Z",
    });
    expect(summary).toMatchObject({ events: 4, leftOut: 0 });
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    const kinds = lines.map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(kinds).toEqual([
      "rampart-audit-export",
      "checkpoint",
      "event",
      "event",
      "event",
      "event",
      "checkpoint",
      "export-signature",
    ]);
    expect(await verifyExportFile(file, key.publicKey)).toMatchObject({
      ok: true,
      events: 4,
      checkpoints: 2,
    });
  });
});
