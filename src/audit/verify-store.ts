import type { KeyObject } from "node:crypto";
import type {
  AuditRepository,
  StoredAuditEvent,
  StoredContent,
} from "../store/repositories/audit-event-repository.js";
import { type ChainBreak, NodeChainVerifier } from "./chain-verifier.js";
import { contentCommitment } from "./content-protection.js";

/** Events read per query while verifying. */
const PAGE_SIZE = 5000;
/**
 * The content commitment inside canonical envelope text. Keys are sorted, and the only member
 * before `content` is the strict `actor` object, so the first match is the envelope's own.
 */
const CONTENT_COMMITMENT = /"content":\{"commitment":"([0-9a-f]{64})"/;
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

/**
 * Verifies the whole store: every node's chain (hashes, seq gaps, prevHash links), every
 * checkpoint (signature, position, head hash, link to the one before), the start of the chain
 * (seq 1, or an anchor checkpoint with an audit.pruned record), and stored content against the
 * commitments in the envelopes. Reads page by page; memory stays flat.
 */
export async function verifyStore(
  repository: AuditRepository,
  publicKey: KeyObject,
  options: { node?: string | undefined } = {},
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
  const nodes = options.node === undefined ? await repository.nodes() : [options.node];
  for (const node of nodes) {
    report.nodes += 1;
    const verifier = new NodeChainVerifier({ node, publicKey, mode: "store" });
    const checkpoints = await repository.checkpoints(node, 0, LAST_SEQ);
    let nextCheckpoint = 0;
    let contentBreak: ChainBreak | undefined;
    const fetchPage = async (afterSeq: number) => {
      const page = await repository.events(node, afterSeq, PAGE_SIZE);
      return { page, contents: page.length === 0 ? [] : await contentsOf(repository, node, page) };
    };
    let pending = fetchPage(0);
    for (;;) {
      const { page, contents } = await pending;
      if (page.length === 0) break;
      // the next page is read while this one is checked (a PostgreSQL server answers meanwhile)
      pending = fetchPage(page.at(-1)?.seq ?? 0);
      let contentIndex = 0;
      for (const event of page) {
        while (nextCheckpoint < checkpoints.length && (checkpoints[nextCheckpoint]?.seq ?? 0) < event.seq) {
          verifier.checkpoint(checkpointAt(checkpoints, nextCheckpoint));
          nextCheckpoint += 1;
        }
        verifier.event(event.envelope, event.hash, { seq: event.seq, at: event.at, type: event.type });
        while (contentIndex < contents.length && (contents[contentIndex]?.seq ?? 0) < event.seq) {
          contentBreak ??= {
            node,
            seq: contents[contentIndex]?.seq ?? 0,
            reason: "stored content has no event",
          };
          contentIndex += 1;
        }
        const content = contents[contentIndex];
        if (content !== undefined && content.seq === event.seq) {
          contentIndex += 1;
          report.contents += 1;
          contentBreak ??= checkContent(event, content);
        }
      }
      if (verifier.firstBreak !== undefined) break;
    }
    await pending.catch(() => undefined);
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

/** The content rows of a page of events. */
async function contentsOf(
  repository: AuditRepository,
  node: string,
  page: readonly StoredAuditEvent[],
): Promise<StoredContent[]> {
  const first = page[0]?.seq ?? 0;
  const last = page.at(-1)?.seq ?? 0;
  const rows = await repository.contents(node, first - 1, page.length);
  return rows.filter((row) => row.seq <= last);
}

function checkContent(event: StoredAuditEvent, content: StoredContent): ChainBreak | undefined {
  const reference = CONTENT_COMMITMENT.exec(event.envelope)?.[1];
  if (reference === undefined) {
    return {
      node: event.node,
      seq: event.seq,
      reason: "stored content belongs to an event that has none (inserted)",
    };
  }
  if (contentCommitment(content.salt, content.body) !== reference) {
    return {
      node: event.node,
      seq: event.seq,
      reason: "stored content does not match its commitment (modified)",
    };
  }
  return undefined;
}
