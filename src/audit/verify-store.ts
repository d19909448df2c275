import type { KeyObject } from "node:crypto";
import type {
  AuditRepository,
  ChainContent,
  ChainRow,
} from "../store/repositories/audit-event-repository.js";
import { type ChainBreak, NodeChainVerifier } from "./chain-verifier.js";
import { contentCommitment } from "./content-protection.js";
import { locateEnvelopeHeader, newHeaderPositions, regionEquals } from "./envelope-header.js";

/**
 * The seq range read per query while verifying (events per page of a sound chain). Small pages die
 * young in the garbage collector: 1,000 to 2,000 measured best on SQLite (bench/
 * audit-verify-bench.ts); on PostgreSQL round trips cost more, and 5,000 did slightly better.
 */
const PAGE_SIZE = 2000;
/**
 * Pages read while one is checked. One is right for SQLite, whose reads run on this thread anyway
 * (more only keeps pages alive longer, which costs garbage collection); a PostgreSQL server answers
 * while the client checks, so there two are read ahead (`verifyOptionsFor`).
 */
const READ_AHEAD = 1;
/** The envelope's content member when it holds a commitment (its value follows, 64 hex digits). */
const CONTENT_COMMITMENT = '"content":{"commitment":"';
/** Larger than any seq. */
const LAST_SEQ = 2_147_483_647;

export interface VerificationReport {
  ok: boolean;
  nodes: number;
  events: number;
  checkpoints: number;
  /** events after each node's last checkpoint: chained, not yet signed */
  uncheckpointed: number;
  /** stored content rows checked against their commitments */
  contents: number;
  firstBreak: ChainBreak | null;
}

export interface VerifyStoreOptions {
  /** only this node's chain */
  node?: string | undefined;
  /** the seq range per read; default 2,000 */
  pageSize?: number | undefined;
  /** reads in flight while a page is checked; default 1 */
  readAhead?: number | undefined;
}

/**
 * The read settings that measured best for a store's dialect (bench/audit-verify-bench.ts): on
 * PostgreSQL larger ranges (fewer round trips) with two read ahead; SQLite the defaults.
 */
export function verifyOptionsFor(dialect: "sqlite" | "postgres"): VerifyStoreOptions {
  return dialect === "postgres" ? { pageSize: 5000, readAhead: 2 } : { pageSize: PAGE_SIZE, readAhead: 1 };
}

/**
 * Verifies the whole store: every node's chain (hashes, seq gaps, prevHash links), every
 * checkpoint (signature, position, head hash, link to the one before), the start of the chain
 * (seq 1, or an anchor checkpoint with an audit.pruned record), and stored content against the
 * commitments in the envelopes. Reads page by page; memory stays flat.
 */
export async function verifyStore(
  repository: AuditRepository,
  publicKey: KeyObject,
  options: VerifyStoreOptions = {},
): Promise<VerificationReport> {
  const report: VerificationReport = {
    ok: true,
    nodes: 0,
    events: 0,
    checkpoints: 0,
    uncheckpointed: 0,
    contents: 0,
    firstBreak: null,
  };
  const pageSize = Math.max(1, options.pageSize ?? PAGE_SIZE);
  const readAhead = Math.max(1, options.readAhead ?? READ_AHEAD);
  const nodes = options.node === undefined ? await repository.nodes() : [options.node];
  for (const node of nodes) {
    report.nodes += 1;
    const verifier = new NodeChainVerifier({ node, publicKey, mode: "store" });
    // checkpoints first, then the head: every checkpoint read is at or below the head
    const checkpoints = await repository.checkpoints(node, 0, LAST_SEQ);
    const head = await repository.head(node);
    const first = head === undefined ? undefined : await repository.nextEventSeq(node, 0);
    let nextCheckpoint = 0;
    let contentBreak: ChainBreak | undefined;
    const feedCheckpointsBefore = (seq: number) => {
      while (nextCheckpoint < checkpoints.length && (checkpoints[nextCheckpoint]?.seq ?? 0) < seq) {
        verifier.checkpoint(checkpointAt(checkpoints, nextCheckpoint));
        nextCheckpoint += 1;
      }
    };
    const orphan = (content: ChainContent): ChainBreak => ({
      node,
      seq: content.seq,
      reason: "stored content has no event",
    });
    if (head !== undefined && first !== undefined) {
      // seq ranges, not "the next N after": read ahead without waiting for the page before
      const reads: { through: number; result: Promise<{ events: ChainRow[]; contents: ChainContent[] }> }[] =
        [];
      let readFrom = first - 1;
      const startReads = () => {
        while (reads.length < readAhead && readFrom < head.seq) {
          const through = Math.min(readFrom + pageSize, head.seq);
          reads.push({ through, result: repository.chainRange(node, readFrom, through) });
          readFrom = through;
        }
      };
      startReads();
      for (let read = reads.shift(); read !== undefined; read = reads.shift()) {
        const { events, contents } = await read.result;
        startReads();
        let contentIndex = 0;
        const declared = { seq: 0, at: "", type: "" };
        for (const event of events) {
          feedCheckpointsBefore(event.seq);
          declared.seq = event.seq;
          declared.at = event.at;
          declared.type = event.type;
          verifier.event(event.envelope, event.hash, declared);
          while (contentIndex < contents.length && (contents[contentIndex]?.seq ?? 0) < event.seq) {
            contentBreak ??= orphan(checkpointAt(contents, contentIndex));
            contentIndex += 1;
          }
          const content = contents[contentIndex];
          if (content !== undefined && content.seq === event.seq) {
            contentIndex += 1;
            report.contents += 1;
            contentBreak ??= checkContent(node, event, content);
          }
        }
        if (contentIndex < contents.length) contentBreak ??= orphan(checkpointAt(contents, contentIndex));
        if (verifier.firstBreak !== undefined) break;
        if (events.length === 0) {
          // a whole range without events (deleted): go on at the next event, where the chain breaks
          await Promise.allSettled(reads.splice(0).map((pending) => pending.result));
          const next = await repository.nextEventSeq(node, read.through);
          if (next === undefined || next > head.seq) break;
          readFrom = next - 1;
          startReads();
        }
      }
      await Promise.allSettled(reads.map((pending) => pending.result));
    }
    while (verifier.firstBreak === undefined && nextCheckpoint < checkpoints.length) {
      verifier.checkpoint(checkpointAt(checkpoints, nextCheckpoint));
      nextCheckpoint += 1;
    }
    const { uncheckpointed } = verifier.finish();
    report.events += verifier.events;
    report.checkpoints += verifier.checkpoints;
    report.uncheckpointed += uncheckpointed;
    report.firstBreak ??= verifier.firstBreak ?? contentBreak ?? null;
  }
  report.ok = report.firstBreak === null;
  return report;
}

function checkpointAt<Item>(items: readonly Item[], index: number): Item {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

/**
 * Checks a content row against its event's commitment. In canonical text `content` is the member
 * right after `at` (keys are sorted: actor, at, content), so the commitment is read at that one
 * place, never from a payload that happens to hold the same words.
 */
function checkContent(node: string, event: ChainRow, content: ChainContent): ChainBreak | undefined {
  const text = event.envelope;
  const at = locateEnvelopeHeader(text, scratchHeader) ? scratchHeader.atEnd + 2 : -1;
  const start = at + CONTENT_COMMITMENT.length;
  if (at < 0 || !text.startsWith(CONTENT_COMMITMENT, at) || text.charCodeAt(start + 64) !== QUOTE) {
    return {
      node,
      seq: event.seq,
      reason: "stored content belongs to an event that has none (inserted)",
    };
  }
  if (!regionEquals(text, start, start + 64, contentCommitment(content.salt, content.body))) {
    return {
      node,
      seq: event.seq,
      reason: "stored content does not match its commitment (modified)",
    };
  }
  return undefined;
}

const QUOTE = 34;
const scratchHeader = newHeaderPositions();
