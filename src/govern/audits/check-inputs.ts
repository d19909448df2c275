import type { Policy } from "../../policy/index.js";
import { type ApiKeyRepository, apiKeyStatus } from "../../store/index.js";
import type { RedteamRunRepository } from "../../store/repositories/redteam-run-repository.js";
import type { AuditChainSource } from "../compliance/evidence-sources.js";
import type { AutomatedCheckInputs } from "../records/audit-checks.js";

const DAY_MS = 86_400_000;
/** Stored red-team runs read for freshness (newest first). */
const RUNS_READ = 500;

export interface CheckInputSources {
  /** the policy the gateway runs (policy drift); undefined: not available */
  readonly policy?: (() => Policy | undefined) | undefined;
  readonly redteamRuns?: RedteamRunRepository | undefined;
  readonly keys?: ApiKeyRepository | undefined;
  readonly auditChain?: AuditChainSource | undefined;
  readonly now?: (() => Date) | undefined;
}

/**
 * What the automated audit checks read besides the records, from the store and the running server:
 * the running policy, the newest red-team run per model, the audit chain's verification, and how
 * long each active key has been idle. A source that is not given, or that fails, leaves its check
 * "not available" (never passed).
 */
export function checkInputsFrom(
  sources: CheckInputSources,
): () => Promise<Omit<AutomatedCheckInputs, "now">> {
  const now = sources.now ?? (() => new Date());
  return async () => {
    const inputs: { -readonly [K in keyof Omit<AutomatedCheckInputs, "now">]: AutomatedCheckInputs[K] } = {};
    const policy = sources.policy?.();
    if (policy !== undefined) inputs.runningPolicy = policy;
    if (sources.redteamRuns !== undefined) {
      const last = new Map<string, string>();
      for (const run of await sources.redteamRuns.list(RUNS_READ)) {
        const at = run.finishedAt.toISOString();
        const known = last.get(run.model);
        if (known === undefined || at > known) last.set(run.model, at);
      }
      inputs.lastRedteamAt = last;
    }
    if (sources.auditChain !== undefined) {
      try {
        const verification = await sources.auditChain.verify();
        inputs.auditChain = { ok: verification.ok, detail: verification.detail };
      } catch (error) {
        inputs.auditChain = {
          ok: false,
          detail: `verification failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    if (sources.keys !== undefined) {
      const at = now();
      const ages = new Map<string, number>();
      for (const key of await sources.keys.list()) {
        if (apiKeyStatus(key, at) !== "active") continue;
        const since = (key.lastUsedAt ?? key.createdAt).getTime();
        ages.set(key.prefix, Math.floor((at.getTime() - since) / DAY_MS));
      }
      inputs.keyAges = ages;
    }
    return inputs;
  };
}
