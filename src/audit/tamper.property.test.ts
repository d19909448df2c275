import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Store } from "../store/index.js";
import {
  createAuditRepository,
  type StoredAuditEvent,
} from "../store/repositories/audit-event-repository.js";
import { auditDatabase } from "../store/repositories/audit-tables.js";
import { describeEachDatabase, useFreshStore } from "../store/test-support/test-databases.js";
import { canonicalJson } from "./canonical-json.js";
import { hashEnvelopeText } from "./event-hash.js";
import { GENESIS_HASH } from "./event-schema.js";
import { exportTrail } from "./export-trail.js";
import type { SigningKey } from "./signing-key.js";
import {
  appendDecisions,
  openTestWriter,
  sampleDecision,
  testSigningKey,
} from "./test-support/audit-fixtures.js";
import { verifyExportFile } from "./verify-export.js";
import { verifyStore } from "./verify-store.js";

/** One tampering of an ordered list; positions are taken modulo the list's length. */
type Tamper =
  | { kind: "modify"; at: number; rehash: boolean }
  | { kind: "delete"; at: number }
  | { kind: "insert"; at: number; copyOf: number; forge: boolean }
  | { kind: "swap"; at: number; other: number };

const tamperArbitrary: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant("modify" as const), at: fc.nat(), rehash: fc.boolean() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), copyOf: fc.nat(), forge: fc.boolean() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }),
);

/** Changes a payload value inside canonical envelope text and returns the new canonical text. */
function editEnvelope(text: string, seq?: number, prevHash?: string): string {
  const envelope = JSON.parse(text) as Record<string, unknown> & { payload: Record<string, unknown> };
  envelope.payload = { ...envelope.payload, status: 299, tampered: true };
  if (seq !== undefined) envelope.seq = seq;
  if (prevHash !== undefined) envelope.prevHash = prevHash;
  return canonicalJson(envelope);
}

/**
 * Applies a tampering to the stored rows of a node. Rows keep their primary key (seq column) by
 * position, as a database forces: an insertion shifts the seq column of the rows after it.
 */
function tamperRows(rows: StoredAuditEvent[], tamper: Tamper): StoredAuditEvent[] | undefined {
  const result = rows.map((row) => ({ ...row }));
  const at = tamper.at % rows.length;
  const target = result[at];
  if (target === undefined) return undefined;
  if (tamper.kind === "modify") {
    target.envelope = editEnvelope(target.envelope);
    if (tamper.rehash) target.hash = hashEnvelopeText(target.envelope);
    return result;
  }
  if (tamper.kind === "delete") return result.filter((_, index) => index !== at);
  if (tamper.kind === "insert") {
    const source = rows[tamper.copyOf % rows.length] ?? target;
    const prevHash = result[at - 1]?.hash ?? GENESIS_HASH;
    const envelope = tamper.forge ? editEnvelope(source.envelope, at + 1, prevHash) : source.envelope;
    const forged = {
      ...source,
      seq: at + 1,
      envelope,
      hash: tamper.forge ? hashEnvelopeText(envelope) : source.hash,
    };
    const shifted = result.slice(at).map((row) => ({ ...row, seq: row.seq + 1 }));
    return [...result.slice(0, at), forged, ...shifted];
  }
  const other = tamper.other % rows.length;
  const swapWith = result[other];
  if (swapWith === undefined || other === at) return undefined;
  result[at] = { ...swapWith, seq: target.seq };
  result[other] = { ...target, seq: swapWith.seq };
  return result;
}

let runCounter = 0;

async function freshChain(store: Store, key: SigningKey, events: number): Promise<string> {
  runCounter += 1;
  const node = `run-${runCounter}`;
  const writer = await openTestWriter(store, key, { node, checkpointEveryEvents: 4 });
  await appendDecisions(writer, events);
  await writer.close();
  return node;
}

describeEachDatabase("tampering with stored audit events", (database) => {
  const store = useFreshStore(database);

  it("is detected for any single modified, deleted, inserted or reordered event", async () => {
    const key = testSigningKey();
    const repository = createAuditRepository(store().db);
    const db = auditDatabase(store().db);
    await fc.assert(
      // small pages put page boundaries and read-ahead anywhere in the chain
      fc.asyncProperty(
        fc.integer({ min: 2, max: 12 }),
        tamperArbitrary,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        async (count, tamper, pageSize, readAhead) => {
          const node = await freshChain(store(), key, count);
          const rows = await repository.events(node, 0, 100);
          expect((await verifyStore(repository, key.publicKey, { node, pageSize, readAhead })).ok).toBe(true);
          const tampered = tamperRows(rows, tamper);
          if (tampered === undefined) return;
          await db.deleteFrom("audit_events").where("node", "=", node).execute();
          await repository.append({ events: tampered, contents: [], checkpoints: [] });
          const report = await verifyStore(repository, key.publicKey, { node, pageSize, readAhead });
          expect(report.ok, JSON.stringify(tamper)).toBe(false);
          expect(report.firstBreak?.node).toBe(node);
        },
      ),
      { numRuns: database.name === "sqlite" ? 60 : 25 },
    );
  }, 120_000);

  it("names the first event after a deleted run longer than a page", async () => {
    const key = testSigningKey();
    const repository = createAuditRepository(store().db);
    const node = await freshChain(store(), key, 12);
    // events 3 to 8 and the checkpoints among them (4 and 8): three whole pages of two are empty
    for (const table of ["audit_events", "audit_checkpoints"] as const) {
      await auditDatabase(store().db)
        .deleteFrom(table)
        .where("node", "=", node)
        .where("seq", ">=", 3)
        .where("seq", "<=", 8)
        .execute();
    }
    const report = await verifyStore(repository, key.publicKey, { node, pageSize: 2, readAhead: 2 });
    expect(report.firstBreak).toEqual({
      node,
      seq: 9,
      reason: "expected seq 3, found 9: events missing (deleted)",
    });
  });
});

/** One tampering of stored content rows (outside the chain, bound to it by commitments). */
type ContentTamper =
  | { kind: "body"; at: number }
  | { kind: "salt"; at: number }
  | { kind: "swap"; at: number; other: number }
  | { kind: "attach"; at: number };

const contentTamperArbitrary: fc.Arbitrary<ContentTamper> = fc.oneof(
  fc.record({ kind: fc.constant("body" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("salt" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("attach" as const), at: fc.nat() }),
);

describeEachDatabase("tampering with stored audit content", (database) => {
  const store = useFreshStore(database);

  it("is detected for any modified, moved or attached content row; erasing one is not", async () => {
    const key = testSigningKey();
    const repository = createAuditRepository(store().db);
    const db = auditDatabase(store().db);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 10 }),
        contentTamperArbitrary,
        fc.integer({ min: 1, max: 4 }),
        async (count, tamper, pageSize) => {
          runCounter += 1;
          const node = `content-${runCounter}`;
          const writer = await openTestWriter(store(), key, {
            node,
            contentMode: "redacted",
            checkpointEveryEvents: 3,
          });
          // odd seqs carry content, even ones none
          for (let index = 1; index <= count; index += 1) {
            await writer.append({
              type: "gateway.decision",
              actor: null,
              payload: sampleDecision(index),
              content:
                index % 2 === 1 ? { prompt: `prompt ${index}`, response: `answer ${index}` } : undefined,
            });
          }
          await writer.close();
          const options = { node, pageSize };
          expect(await verifyStore(repository, key.publicKey, options)).toMatchObject({ ok: true });
          const rows = await repository.contents(node, 0, 100);
          const target = rows[tamper.at % rows.length];
          if (target === undefined) return;
          const where = (seq: number) =>
            db.updateTable("audit_content").where("node", "=", node).where("seq", "=", seq);
          if (tamper.kind === "body")
            await where(target.seq)
              .set({ body: `${target.body} ` })
              .execute();
          if (tamper.kind === "salt") {
            const flipped = (target.salt[0] === "0" ? "1" : "0") + target.salt.slice(1);
            await where(target.seq).set({ salt: flipped }).execute();
          }
          if (tamper.kind === "swap") {
            const other = rows[tamper.other % rows.length];
            if (other === undefined || other.seq === target.seq) return;
            await where(target.seq).set({ body: other.body, salt: other.salt }).execute();
          }
          if (tamper.kind === "attach") {
            // a copy of a real row, put on an event that has no content
            const bare = target.seq + 1 <= count ? target.seq + 1 : target.seq - 1;
            if (bare < 1) return;
            await repository.append({
              events: [],
              contents: [{ ...target, seq: bare }],
              checkpoints: [],
            });
          }
          const report = await verifyStore(repository, key.publicKey, options);
          expect(report.ok, JSON.stringify(tamper)).toBe(false);
          expect(report.firstBreak?.seq).toBe(
            tamper.kind === "attach" ? target.seq + (target.seq + 1 <= count ? 1 : -1) : target.seq,
          );
          // erasure keeps the chain sound
          await db.deleteFrom("audit_content").where("node", "=", node).execute();
          expect(await verifyStore(repository, key.publicKey, options)).toMatchObject({
            ok: true,
            contents: 0,
          });
        },
      ),
      { numRuns: database.name === "sqlite" ? 40 : 15 },
    );
  }, 120_000);
});

/** Tampers with the lines of an export file; `semantic` keeps every edit a change of meaning. */
function tamperLines(lines: string[], tamper: Tamper, semantic: boolean): string[] | undefined {
  const result = [...lines];
  // with the file signature off, the header and the signature line carry nothing to check
  const first = semantic ? 1 : 0;
  const span = lines.length - first - (semantic ? 1 : 0);
  const at = first + (tamper.at % span);
  const target = result[at];
  if (target === undefined) return undefined;
  if (tamper.kind === "modify") {
    if (!semantic) {
      const position = tamper.rehash ? target.length - 3 : Math.floor(target.length / 2);
      const character = target[position] === "1" ? "2" : "1";
      result[at] = target.slice(0, position) + character + target.slice(position + 1);
      return result;
    }
    const value = JSON.parse(target) as Record<string, unknown>;
    if (value.kind === "event") {
      const envelope = value.envelope as Record<string, unknown>;
      value.envelope = { ...envelope, payload: { ...(envelope.payload as object), status: 299 } };
      if (tamper.rehash) value.hash = hashEnvelopeText(canonicalJson(value.envelope));
    } else value.at = "2030-01-01T00:00:00.000Z";
    result[at] = canonicalJson(value);
    return result;
  }
  if (tamper.kind === "delete") return result.filter((_, index) => index !== at);
  if (tamper.kind === "insert") {
    const copy = tamper.forge ? '{"kind":"event"}' : result[first + (tamper.copyOf % span)];
    if (copy === undefined) return undefined;
    return [...result.slice(0, at), copy, ...result.slice(at)];
  }
  const other = first + (tamper.other % span);
  const swapWith = result[other];
  if (swapWith === undefined || swapWith === target) return undefined;
  result[at] = swapWith;
  result[other] = target;
  return result;
}

describeEachDatabase("tampering with an audit export", (database) => {
  const store = useFreshStore(database);

  for (const semantic of [false, true]) {
    const what = semantic ? "the chain and checkpoints alone (file signature off)" : "the signed file";
    it(`is detected for any single modified, deleted, inserted or reordered line by ${what}`, async () => {
      const key = testSigningKey();
      const repository = createAuditRepository(store().db);
      const file = join(tmpdir(), `rampart-export-${process.pid}-${semantic}.jsonl`);
      const tamperedFile = `${file}.tampered`;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 10 }), tamperArbitrary, async (count, tamper) => {
          await auditDatabase(store().db).deleteFrom("audit_events").execute();
          await auditDatabase(store().db).deleteFrom("audit_checkpoints").execute();
          await freshChain(store(), key, count);
          await exportTrail(repository, file, { signingKey: key });
          const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
          const options = { fileSignature: !semantic };
          expect((await verifyExportFile(file, key.publicKey, options)).ok).toBe(true);
          const tampered = tamperLines(lines, tamper, semantic);
          if (tampered === undefined) return;
          await writeFile(tamperedFile, `${tampered.join("\n")}\n`);
          const report = await verifyExportFile(tamperedFile, key.publicKey, options);
          expect(report.ok, JSON.stringify(tamper)).toBe(false);
        }),
        { numRuns: database.name === "sqlite" ? 60 : 20 },
      );
    }, 120_000);
  }
});
