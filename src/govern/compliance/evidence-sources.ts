import type { LoadedConfig } from "../../config/index.js";
import type { Policy } from "../../policy/index.js";
import type { RecordCheckId } from "../catalog/catalog-schema.js";
import type { ResponsibleAsset } from "../records/shared-responsibility.js";

/**
 * The seams through which the compliance engine reads evidence. Configuration and policy are read
 * directly; every store-backed source is an interface, and an absent source yields "no evidence"
 * instead of an error.
 */

/** Decision counts from the audit trail's gateway.decision events. */
export interface GatewayStats {
  readonly from: string;
  readonly to: string;
  readonly decisions: number;
  readonly blocked: number;
  readonly redacted: number;
  readonly flagged: number;
  /** decisions with a finding in one of the requested categories (all decisions when none asked) */
  readonly matching: number;
  /** the newest decision, or null */
  readonly lastAt: string | null;
}

export interface GatewayStatsSource {
  decisionStats(since: Date, categories: readonly string[]): Promise<GatewayStats>;
}

export interface RedTeamBucket {
  readonly cases: number;
  readonly successes: number;
  readonly asr: number;
}

/** What the engine needs from one red-team run (a report.json or a stored run). */
export interface RedTeamRunSummary {
  readonly id: string;
  readonly finishedAt: string;
  readonly model: string;
  readonly target: string;
  readonly byOwasp: Readonly<Partial<Record<string, RedTeamBucket>>>;
  /** where the run's report lives (a path or a store id) */
  readonly reference: string;
}

export interface RedTeamRunSource {
  /** runs, any order; the engine picks the newest that covers each category */
  recentRuns(): Promise<readonly RedTeamRunSummary[]>;
}

export interface AuditChainVerification {
  readonly ok: boolean;
  readonly events: number;
  readonly verifiedAt: string;
  readonly detail: string;
}

export interface AuditChainSource {
  verify(): Promise<AuditChainVerification>;
}

export interface RecordCheckResult {
  readonly passed: boolean;
  readonly summary: string;
  /** when the records behind the result were last changed or reviewed */
  readonly observedAt: string;
  /** one line per failing record, capped by the source */
  readonly problems: readonly string[];
}

/** A person's statement about a requirement that no live evidence covers, or that does not apply. */
export interface Attestation {
  readonly framework: string;
  readonly requirement: string;
  readonly status: "attested" | "not-applicable";
  readonly by: string;
  readonly at: string;
  readonly expiresAt?: string | undefined;
  readonly note: string;
}

export interface GovernanceRecordsSource {
  check(id: RecordCheckId, now: Date): Promise<RecordCheckResult>;
  attestations(framework: string): Promise<readonly Attestation[]>;
  /** the records as a JSON-ready document, for the evidence pack; absent: the pack notes it */
  exportRecords?(): Promise<unknown>;
  /**
   * the models with their deployment type and responsibility overrides; they decide which controls
   * are the organisation's duty (absent or empty: every control is)
   */
  responsibility?(): Promise<readonly ResponsibleAsset[]>;
}

export interface EvidenceSources {
  readonly config: LoadedConfig;
  readonly policy: Policy;
  readonly gateway?: GatewayStatsSource | undefined;
  readonly redteam?: RedTeamRunSource | undefined;
  readonly auditChain?: AuditChainSource | undefined;
  readonly records?: GovernanceRecordsSource | undefined;
  readonly now?: (() => Date) | undefined;
}
