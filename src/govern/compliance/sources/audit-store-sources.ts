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

/** One pass over a window: verdict counts and decisions per distinct set of finding categories. */
interface WindowScan {
  decisions: number;
  blocked: number;
  redacted: number;
  flagged: number;
  lastAt: string | null;
  /** sorted categories joined by "," -> decisions with exactly that set */
  byCategorySet: Map<string, number>;
}

async function scanWindow(repository: AuditRepository, from: string): Promise<WindowScan> {
  const scan: WindowScan = {
    decisions: 0,
    blocked: 0,
    redacted: 0,
    flagged: 0,
    lastAt: null,
    byCategorySet: new Map(),
  };
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
        const { verdict, categories } = parsed.data.payload;
        scan.decisions += 1;
        if (verdict === "block") scan.blocked += 1;
        if (verdict === "redact") scan.redacted += 1;
        if (verdict === "flag") scan.flagged += 1;
        const key = [...new Set(categories)].sort().join(",");
        scan.byCategorySet.set(key, (scan.byCategorySet.get(key) ?? 0) + 1);
        if (scan.lastAt === null || event.at > scan.lastAt) scan.lastAt = event.at;
      }
      if (page.length < PAGE_SIZE) break;
    }
  }
  return scan;
}

/**
 * Gateway statistics from the audit trail: the gateway.decision events at or after `since` on
 * every node, read page by page. Each window is scanned once per source (a report asks for several
 * category filters over the same window), so one report reads the trail once.
 */
export function auditGatewayStats(
  repository: AuditRepository,
  now: () => Date = () => new Date(),
): GatewayStatsSource {
  const scans = new Map<string, Promise<WindowScan>>();
  return {
    async decisionStats(since: Date, categories: readonly string[]): Promise<GatewayStats> {
      const from = since.toISOString();
      let pending = scans.get(from);
      if (pending === undefined) {
        pending = scanWindow(repository, from);
        scans.set(from, pending);
      }
      const scan = await pending;
      const wanted = new Set(categories);
      let matching = 0;
      for (const [key, count] of scan.byCategorySet) {
        if (wanted.size === 0 || key.split(",").some((category) => wanted.has(category))) matching += count;
      }
      const { decisions, blocked, redacted, flagged, lastAt } = scan;
      return { from, to: now().toISOString(), decisions, blocked, redacted, flagged, matching, lastAt };
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
