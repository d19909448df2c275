/**
 * Builds a valid audit chain straight into the tables, batch by batch, without the writer: the
 * store that the verification benchmarks replay. Envelopes come from one canonical template (a
 * gateway decision with a finding) with seq, time, request id and prevHash filled in, which is the
 * same text the writer would produce for those values; a checkpoint is signed every 1,000 events
 * (the writer's default) and after the last one.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { canonicalJson } from "../src/audit/canonical-json.js";
import { signCheckpoint } from "../src/audit/checkpoint.js";
import { contentCommitment } from "../src/audit/content-protection.js";
import { hashEnvelopeText } from "../src/audit/event-hash.js";
import { type AuditEnvelope, GENESIS_HASH } from "../src/audit/event-schema.js";
import type { SigningKey } from "../src/audit/signing-key.js";
import { sampleDecision } from "../src/audit/test-support/audit-fixtures.js";
import type { Store } from "../src/store/index.js";
import {
  createAuditRepository,
  type StoredAuditEvent,
  type StoredCheckpoint,
  type StoredContent,
} from "../src/store/repositories/audit-event-repository.js";

/** Rows per bulk insert transaction. */
const GENERATE_BATCH = 10_000;
/** Checkpoint interval of the generated store (the writer's default). */
export const CHECKPOINT_EVERY = 1000;
/** The node of the generated chain. */
export const BENCH_NODE = "bench";

/** Placeholders of the envelope template; the sample decision holds no "@@". */
const SEQ_MARK = "@@seq@@";
const AT_MARK = "@@at@@";
const PREV_MARK = "@@prev@@";
const COMMIT_MARK = "@@commit@@";

/**
 * Writes `count` chained events and their checkpoints; returns the seconds it took. With
 * `contentBytes` > 0 every event also has redacted content (a prompt and an answer of about that
 * many characters in all), kept outside the chain with its salted commitment in the envelope, as
 * `audit.content: redacted` (the default) stores it.
 */
export async function generateChain(
  store: Store,
  count: number,
  key: SigningKey,
  contentBytes = 0,
): Promise<number> {
  const repository = createAuditRepository(store.db);
  const started = performance.now();
  const template = canonicalJson({
    schemaVersion: 1,
    node: BENCH_NODE,
    seq: 0,
    at: AT_MARK,
    type: "gateway.decision",
    actor: { kind: "key", id: "key_1", role: "app" },
    payload: { ...sampleDecision(5), requestId: `req_${SEQ_MARK}` },
    content: contentBytes > 0 ? { mode: "redacted", commitment: COMMIT_MARK } : null,
    prevHash: PREV_MARK,
  } satisfies AuditEnvelope).replace('"seq":0', `"seq":${SEQ_MARK}`);
  const parts = template.split(/(@@(?:seq|at|prev|commit)@@)/);
  const half = "Summarise the attached meeting notes in three bullet points, please. ".repeat(
    Math.ceil(contentBytes / 140),
  );
  const body = JSON.stringify({
    prompt: half.slice(0, Math.floor(contentBytes / 2)),
    response: half.slice(0, Math.ceil(contentBytes / 2)),
  });
  let prevHash = GENESIS_HASH;
  let lastCheckpoint = 0;
  const base = Date.UTC(2026, 0, 1);
  for (let from = 1; from <= count; from += GENERATE_BATCH) {
    const events: StoredAuditEvent[] = [];
    const checkpoints: StoredCheckpoint[] = [];
    const contents: StoredContent[] = [];
    const salts = contentBytes > 0 ? randomBytes(16 * GENERATE_BATCH) : undefined;
    for (let seq = from; seq < Math.min(from + GENERATE_BATCH, count + 1); seq += 1) {
      const at = new Date(base + seq * 10).toISOString();
      const values: Record<string, string> = {
        [SEQ_MARK]: String(seq),
        [AT_MARK]: at,
        [PREV_MARK]: prevHash,
      };
      if (salts !== undefined) {
        const offset = ((seq - from) % GENERATE_BATCH) * 16;
        const salt = salts.subarray(offset, offset + 16).toString("hex");
        values[COMMIT_MARK] = contentCommitment(salt, body);
        contents.push({ node: BENCH_NODE, seq, mode: "redacted", salt, body });
      }
      const text = parts.map((part) => values[part] ?? part).join("");
      prevHash = hashEnvelopeText(text);
      events.push({ node: BENCH_NODE, seq, at, type: "gateway.decision", envelope: text, hash: prevHash });
      if (seq % CHECKPOINT_EVERY === 0 || seq === count) {
        checkpoints.push(
          signCheckpoint({ node: BENCH_NODE, seq, headHash: prevHash, at, previousSeq: lastCheckpoint }, key),
        );
        lastCheckpoint = seq;
      }
    }
    await repository.append({ events, contents, checkpoints });
  }
  return (performance.now() - started) / 1000;
}
