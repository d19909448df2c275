import type { Verdict } from "../../core/index.js";
import type { UpstreamUsage } from "./chunk-schema.js";
import type { ScanFailure, ScanLedger } from "./scan-ledger.js";
import type { StreamMode } from "./stream-guard-options.js";

/** What a guarded stream did, for the decision event, usage accounting and the audit trail. */

export type StreamEnd = "completed" | "upstream_closed" | "blocked" | "upstream_error" | "aborted";

export interface StreamUsage {
  readonly completionTokens: number;
  readonly promptTokens: number | null;
  readonly totalTokens: number | null;
  /** upstream: the usage chunk of the upstream; local: counted from the generated text */
  readonly source: "upstream" | "local";
}

export interface StreamGuardResult {
  readonly mode: StreamMode;
  /** strongest verdict of the scans ("block" when the policy stopped the stream) */
  readonly verdict: Verdict;
  readonly findingsCategories: readonly string[];
  readonly blocked: boolean;
  readonly blockReason: "policy" | "scan_failed" | "too_large" | null;
  readonly end: StreamEnd;
  readonly usage: StreamUsage;
  /** characters of generated text sent to the client */
  readonly releasedCharacters: number;
  readonly scannedWindows: number;
  /** windows released without a verdict (fail-open); never counted as scanned */
  readonly skippedWindows: number;
  readonly replacementsApplied: number;
  /** redaction spans that fell in already released text and could not be applied */
  readonly lateReplacements: number;
  readonly scanFailures: readonly ScanFailure[];
  readonly upstreamBytes: number;
}

export interface StreamResultInput {
  readonly mode: StreamMode;
  readonly ledger: ScanLedger;
  readonly tooLarge: boolean;
  readonly internalFailure: boolean;
  readonly upstreamUsage: UpstreamUsage | null;
  readonly localTokens: number;
  readonly end: StreamEnd;
  readonly releasedCharacters: number;
  readonly upstreamBytes: number;
}

/**
 * The result of a stream. Usage comes from the upstream's usage chunk when it sent one, otherwise
 * from the local count. In audit mode nothing is blocked, whatever the verdict says.
 */
export function buildStreamResult(input: StreamResultInput): StreamGuardResult {
  const ledger = input.ledger;
  const block = ledger.block;
  const enforced = input.mode !== "audit";
  let blockReason: StreamGuardResult["blockReason"] = null;
  if (input.tooLarge) blockReason = "too_large";
  else if (input.internalFailure) blockReason = "scan_failed";
  else if (enforced && block !== null) blockReason = block.reason;
  const upstream = input.upstreamUsage;
  const usage: StreamUsage =
    upstream?.completion_tokens !== undefined
      ? {
          completionTokens: upstream.completion_tokens,
          promptTokens: upstream.prompt_tokens ?? null,
          totalTokens: upstream.total_tokens ?? null,
          source: "upstream",
        }
      : { completionTokens: input.localTokens, promptTokens: null, totalTokens: null, source: "local" };
  return {
    mode: input.mode,
    verdict: blockReason === "policy" ? "block" : ledger.verdict,
    findingsCategories: [...ledger.categories].sort(),
    blocked: blockReason !== null,
    blockReason,
    end: input.end,
    usage,
    releasedCharacters: input.releasedCharacters,
    scannedWindows: ledger.scannedWindows,
    skippedWindows: ledger.skippedWindows,
    replacementsApplied: ledger.replacementsApplied,
    lateReplacements: ledger.lateReplacements,
    scanFailures: [...ledger.failures],
    upstreamBytes: input.upstreamBytes,
  };
}
