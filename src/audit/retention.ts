import type { AuditRepository } from "../store/repositories/audit-event-repository.js";
import type { AuditOutboxRepository } from "../store/repositories/audit-outbox-repository.js";
import type { ChainWriter } from "./chain-writer.js";

export interface PruneResult {
  /** events 1..throughSeq of the node are gone (0: nothing pruned) */
  throughSeq: number;
  removed: number;
}

const DAY_MS = 86_400_000;

/**
 * Retention for the writer's own node. The cut is a checkpoint taken before the cutoff (so every
 * event it covers is older than the cutoff), lowered to what every sink has delivered. First an
 * `audit.pruned` event records the cut in the chain (committed), then the rows go: a crash between
 * the two leaves extra old rows, never an unexplained gap. The checkpoint at the cut stays as the
 * anchor from which the rest verifies.
 */
export async function pruneExpired(input: {
  repository: AuditRepository;
  outbox: AuditOutboxRepository;
  writer: ChainWriter;
  retentionDays: number;
  now?: Date;
}): Promise<PruneResult> {
  const { repository, writer } = input;
  const node = writer.node;
  const cutoff = new Date((input.now ?? new Date()).getTime() - input.retentionDays * DAY_MS).toISOString();
  let anchor = await repository.checkpointAtOrBeforeTime(node, cutoff);
  const delivered = await input.outbox.lowestDelivered(node);
  if (anchor !== undefined && delivered !== undefined && delivered < anchor.seq) {
    anchor = await repository.checkpointAtOrBefore(node, delivered);
  }
  if (anchor === undefined || anchor.seq === 0) return { throughSeq: 0, removed: 0 };
  const bounds = await repository.seqBounds(node);
  if (bounds === undefined || bounds.first > anchor.seq) return { throughSeq: 0, removed: 0 };
  await writer.append({
    type: "audit.pruned",
    actor: { kind: "system", id: "retention" },
    payload: {
      throughSeq: anchor.seq,
      anchorHash: anchor.headHash,
      cutoff,
      removed: anchor.seq - bounds.first + 1,
    },
  });
  const removed = await repository.prune(node, anchor.seq);
  return { throughSeq: anchor.seq, removed };
}
