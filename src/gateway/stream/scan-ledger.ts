import type { Verdict } from "../../core/index.js";
import { verdictRank } from "../../core/index.js";

/** A replacement of generated text, in UTF-16 offsets into the text given to the scan (end exclusive). */
export interface ScanReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What a scan of one window says. The policy behind the scan function decides the verdict. */
export interface StreamScanOutcome {
  readonly verdict: Verdict;
  readonly replacements?: readonly ScanReplacement[];
  readonly categories: readonly string[];
}

/** Which text channel of the stream a window belongs to. */
export type StreamChannel =
  | "content"
  | "reasoning_content"
  | "reasoning"
  | "refusal"
  | "text"
  | "tool_arguments";

export interface StreamScanContext {
  readonly choiceIndex: number;
  readonly channel: StreamChannel;
  /** set for the `tool_arguments` channel */
  readonly toolCallIndex?: number;
  readonly toolName?: string;
  /** true for the last scan of the channel (end of the choice or of the stream) */
  readonly final: boolean;
  /** offset of the scanned text's first character in the channel's text (after earlier redactions) */
  readonly channelOffset: number;
  /** how many leading characters of the scanned text were already released (the overlap) */
  readonly overlapLength: number;
}

/** The injected scan: synchronous or asynchronous. A sync function avoids a promise per window. */
export type StreamScanFunction = (
  text: string,
  context: StreamScanContext,
) => StreamScanOutcome | Promise<StreamScanOutcome>;

/** Why a stream was stopped. */
export type BlockReason = "policy" | "scan_failed";

export interface ScanFailure {
  readonly channel: StreamChannel;
  readonly choiceIndex: number;
  readonly reason: "error" | "timeout";
  readonly message: string;
}

/**
 * What the scans of one stream found, shared by all its buffers: the strongest verdict, the
 * categories, how many windows were scanned and how many were skipped (fail-open), and the first
 * block, if any. A skipped window is counted as skipped, never as scanned.
 */
export class ScanLedger {
  verdict: Verdict = "allow";
  readonly categories = new Set<string>();
  scannedWindows = 0;
  skippedWindows = 0;
  replacementsApplied = 0;
  /** replacement spans that fell in text already released (the overlap), so could not be applied */
  lateReplacements = 0;
  readonly failures: ScanFailure[] = [];
  block: { readonly reason: BlockReason; readonly categories: readonly string[] } | null = null;

  recordOutcome(outcome: StreamScanOutcome): void {
    this.scannedWindows += 1;
    if (verdictRank[outcome.verdict] > verdictRank[this.verdict]) this.verdict = outcome.verdict;
    for (const category of outcome.categories) this.categories.add(category);
  }

  recordFailure(failure: ScanFailure): void {
    if (this.failures.length < 16) this.failures.push(failure);
  }
}
