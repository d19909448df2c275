import type { KeyObject } from "node:crypto";
import { z } from "zod";
import { verifyStore } from "../../../audit/index.js";
import type { AuditRepository } from "../../../store/repositories/audit-event-repository.js";
import type { AuditChainSource, GatewayStats, GatewayStatsSource } from "../evidence-sources.js";

/** Events read per query while counting decisions. */
const PAGE_SIZE = 5000;

/** The part of a stored gateway.decision envelope the statistics need (the rest passes through). */
const decisionEnvelopeSchema = z.object({
  payload: z.object({
    verdict: z.string(),
    categories: z.array(z.string()).default([]),
  }),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Gateway statistics from the audit trail: counts the gateway.decision events at or after `since`
 * on every node. Events are read page by page from each node's first event in the window.
 */
export function auditGatewayStats(
  repository: AuditRepository,
  now: () => Date = () => new Date(),
): GatewayStatsSource {
  return {
    async decisionStats(since: Date, categories: readonly string[]): Promise<GatewayStats> {
      const from = since.toISOString();
      const wanted = new Set(categories);
      const stats = { decisions: 0, blocked: 0, redacted: 0, flagged: 0, matching: 0 };
      let lastAt: string | null = null;
      for (const node of await repository.nodes()) {
        const bounds = await repository.seqBounds(node, from);
        if (bounds === undefined) continue;
        let afterSeq = bounds.first - 1;
        for (;;) {
          const page = await repository.events(node, afterSeq, PAGE_SIZE);
          for (const event of page) {
            afterSeq = event.seq;
            if (event.type !== "gateway.decision" || event.at < from) continue;
            const parsed = decisionEnvelopeSchema.safeParse(parseJson(event.envelope));
            if (!parsed.success) continue;
            const { verdict, categories: found } = parsed.data.payload;
            stats.decisions += 1;
            if (verdict === "block") stats.blocked += 1;
            if (verdict === "redact") stats.redacted += 1;
            if (verdict === "flag") stats.flagged += 1;
            if (wanted.size === 0 || found.some((category) => wanted.has(category))) stats.matching += 1;
            if (lastAt === null || event.at > lastAt) lastAt = event.at;
          }
          if (page.length < PAGE_SIZE) break;
        }
      }
      return { from, to: now().toISOString(), ...stats, lastAt };
    },
  };
}

/** Audit-chain verification through the audit module's store verifier. */
export function auditChainVerifier(
  repository: AuditRepository,
  publicKey: KeyObject,
  now: () => Date = () => new Date(),
): AuditChainSource {
  return {
    async verify() {
      const report = await verifyStore(repository, publicKey);
      const breakText =
        report.firstBreak === null ? "" : `; first break: ${JSON.stringify(report.firstBreak)}`;
      return {
        ok: report.ok,
        events: report.events,
        verifiedAt: now().toISOString(),
        detail: `${report.nodes} nodes, ${report.checkpoints} checkpoints, ${report.uncheckpointed} not yet checkpointed${breakText}`,
      };
    },
  };
}
