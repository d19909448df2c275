import { errorMessage } from "../../core/index.js";
import type {
  ScanLedger,
  ScanReplacement,
  StreamChannel,
  StreamScanFunction,
  StreamScanOutcome,
} from "./scan-ledger.js";

/**
 * The hold-back buffer of one text channel (one choice's content, or one tool call's arguments).
 * Text is released only after a scan covered it. A scan covers the pending text plus an overlap of
 * already released text, so a pattern split across chunks is still seen whole. By default:
 *
 * - a scan runs when at least `windowSize` characters are pending (so the first character reaches
 *   the client at most one window late);
 * - after a scan everything pending is released except the last `holdTail` characters, which stay
 *   pending and are scanned again with what follows (a secret cut by the window edge is then seen
 *   whole before its second half is released);
 * - a redaction span that reaches the end of the pending text or crosses the release point is kept
 *   pending, unreplaced, until the next scan sees where it ends;
 * - with a `transform` (de-anonymisation), a trailing partial placeholder `[EMAIL_...` is kept
 *   pending until its `]` arrives, bounded by `maxPlaceholderLength`;
 * - when more than `maxPending` characters are pending, everything scanned is released (bound),
 *   except a trailing partial placeholder;
 * - `releaseIdle()` scans and releases early when the upstream goes quiet (slow models);
 * - `finish()` scans and releases the remainder.
 *
 * Calls must not overlap: await a step before the next `push` or `finish`.
 */

export type MaybePromise<T> = T | Promise<T>;

export interface HoldBackStep {
  /** released text, after redaction and transform, for the client */
  readonly text: string;
  /** released text after redaction, before transform (what later scans see as overlap) */
  readonly raw: string;
  readonly blocked: boolean;
}

export interface HoldBackSettings {
  readonly windowSize: number;
  readonly overlap: number;
  readonly holdTail: number;
  readonly maxPending: number;
  readonly maxPlaceholderLength: number;
  readonly failMode: "closed" | "open";
  /** bound on an asynchronous scan; 0 disables it. A synchronous scan cannot be interrupted. */
  readonly scanTimeoutMs: number;
  /** false in audit mode: never block, never redact */
  readonly enforce: boolean;
  readonly scan: StreamScanFunction;
  readonly transform?: ((text: string) => string) | undefined;
}

export interface HoldBackChannel {
  readonly choiceIndex: number;
  readonly channel: StreamChannel;
  readonly toolCallIndex?: number;
  toolName?: string;
}

/** A partial de-anonymisation placeholder at the end of released text: `[` then name characters. */
const PARTIAL_PLACEHOLDER = /^\[[A-Za-z0-9_]*$/;

const EMPTY_STEP: HoldBackStep = Object.freeze({ text: "", raw: "", blocked: false });
const BLOCKED_STEP: HoldBackStep = Object.freeze({ text: "", raw: "", blocked: true });

class ScanTimeoutError extends Error {}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Moves the release point back before any span that crosses it or touches the end of the pending text. */
function spanCut(spans: readonly ScanReplacement[], cut: number, pendingLength: number): number {
  let result = cut;
  for (let index = spans.length - 1; index >= 0; index -= 1) {
    const span = spans[index] as ScanReplacement;
    if (span.start < result && (span.end > result || span.end === pendingLength)) result = span.start;
  }
  return result;
}

export class HoldBackBuffer {
  private pending = "";
  private releasedTail = "";
  private releasedRawLength = 0;
  private pendingAfterLastScan = 0;
  private stopped = false;
  private busy = false;
  private readonly step: number;

  constructor(
    private readonly settings: HoldBackSettings,
    private readonly ledger: ScanLedger,
    readonly channel: HoldBackChannel,
  ) {
    this.step = Math.max(1, settings.windowSize - settings.holdTail);
  }

  /** characters received but not released (held or blocked) */
  get pendingLength(): number {
    return this.pending.length;
  }

  /** the held text, for local token counting when the stream ends early */
  get pendingText(): string {
    return this.pending;
  }

  push(text: string): MaybePromise<HoldBackStep> {
    if (this.stopped || text.length === 0) return EMPTY_STEP;
    if (this.busy) throw new Error("HoldBackBuffer: push while a scan is running");
    this.pending += text;
    const length = this.pending.length;
    if (length < this.settings.windowSize || length - this.pendingAfterLastScan < this.step)
      return EMPTY_STEP;
    return this.scanAndRelease(false);
  }

  /** characters received since the last scan */
  get unscannedLength(): number {
    return this.stopped ? 0 : this.pending.length - this.pendingAfterLastScan;
  }

  /**
   * The upstream went quiet: scan what arrived since the last scan and release it as a window
   * would be (the tail, open spans and partial placeholders stay held). Nothing new, no scan.
   */
  releaseIdle(): MaybePromise<HoldBackStep> {
    if (this.unscannedLength <= 0) return EMPTY_STEP;
    return this.scanAndRelease(false);
  }

  finish(): MaybePromise<HoldBackStep> {
    if (this.stopped || this.pending.length === 0) return EMPTY_STEP;
    return this.scanAndRelease(true);
  }

  private scanAndRelease(final: boolean): MaybePromise<HoldBackStep> {
    if (this.busy) throw new Error("HoldBackBuffer: a scan is already running");
    const overlapLength = this.releasedTail.length;
    const scanned = overlapLength === 0 ? this.pending : this.releasedTail + this.pending;
    const context = {
      choiceIndex: this.channel.choiceIndex,
      channel: this.channel.channel,
      ...(this.channel.toolCallIndex === undefined ? {} : { toolCallIndex: this.channel.toolCallIndex }),
      ...(this.channel.toolName === undefined ? {} : { toolName: this.channel.toolName }),
      final,
      channelOffset: this.releasedRawLength - overlapLength,
      overlapLength,
    };
    let outcome: StreamScanOutcome | Promise<StreamScanOutcome>;
    try {
      outcome = this.settings.scan(scanned, context);
    } catch (error) {
      return this.fail(error, final);
    }
    if (!isPromise(outcome)) return this.apply(outcome, final, overlapLength);
    this.busy = true;
    return this.withTimeout(outcome).then(
      (result) => {
        this.busy = false;
        return this.apply(result, final, overlapLength);
      },
      (error: unknown) => {
        this.busy = false;
        return this.fail(error, final);
      },
    );
  }

  private withTimeout(outcome: Promise<StreamScanOutcome>): Promise<StreamScanOutcome> {
    const timeoutMs = this.settings.scanTimeoutMs;
    if (timeoutMs <= 0) return outcome;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ScanTimeoutError(`scan exceeded ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([outcome, timeout]).finally(() => clearTimeout(timer));
  }

  private fail(error: unknown, final: boolean): HoldBackStep {
    this.ledger.recordFailure({
      channel: this.channel.channel,
      choiceIndex: this.channel.choiceIndex,
      reason: error instanceof ScanTimeoutError ? "timeout" : "error",
      message: errorMessage(error),
    });
    if (this.settings.failMode === "closed" && this.settings.enforce) {
      this.stopped = true;
      this.ledger.block ??= { reason: "scan_failed", categories: [] };
      return BLOCKED_STEP;
    }
    this.ledger.skippedWindows += 1;
    return this.release(final, [], true);
  }

  private apply(outcome: StreamScanOutcome, final: boolean, overlapLength: number): HoldBackStep {
    this.ledger.recordOutcome(outcome);
    if (!this.settings.enforce) return this.release(final, [], false);
    if (outcome.verdict === "block") {
      this.stopped = true;
      this.ledger.block ??= { reason: "policy", categories: [...outcome.categories] };
      return BLOCKED_STEP;
    }
    const replacements = outcome.replacements;
    if (replacements === undefined || replacements.length === 0) return this.release(final, [], false);
    return this.release(final, this.toPendingSpans(replacements, overlapLength), false);
  }

  /** Moves spans from scanned-text offsets to pending offsets, clipped, sorted, without overlaps. */
  private toPendingSpans(replacements: readonly ScanReplacement[], overlapLength: number): ScanReplacement[] {
    const pendingLength = this.pending.length;
    const spans: ScanReplacement[] = [];
    for (const replacement of replacements) {
      let start = Math.floor(replacement.start) - overlapLength;
      const end = Math.min(Math.floor(replacement.end) - overlapLength, pendingLength);
      if (!(end > 0) || !(start < end)) {
        if (end <= 0) this.ledger.lateReplacements += 1;
        continue;
      }
      if (start < 0) {
        this.ledger.lateReplacements += 1;
        start = 0;
      }
      spans.push({ start, end, text: replacement.text });
    }
    spans.sort((left, right) => left.start - right.start);
    const kept: ScanReplacement[] = [];
    let lastEnd = 0;
    for (const span of spans) {
      if (span.start < lastEnd) continue;
      kept.push(span);
      lastEnd = span.end;
    }
    return kept;
  }

  /** Chooses how much pending text to release, applies the spans before that point, releases it. */
  private release(final: boolean, spans: readonly ScanReplacement[], forcedOpen: boolean): HoldBackStep {
    const pending = this.pending;
    const settings = this.settings;
    let cut = pending.length;
    const overBound = pending.length > settings.maxPending;
    if (!final && !forcedOpen && overBound && settings.transform !== undefined)
      cut = this.placeholderCut(cut);
    if (!final && !forcedOpen && !overBound) {
      cut = Math.max(0, pending.length - settings.holdTail);
      // each pass only moves the cut back, so this ends
      for (let previous = -1; previous !== cut && cut > 0; ) {
        previous = cut;
        cut = spanCut(spans, cut, pending.length);
        if (settings.transform !== undefined && cut > 0) cut = this.placeholderCut(cut);
      }
    }
    if (cut === 0) {
      this.pendingAfterLastScan = pending.length;
      return EMPTY_STEP;
    }
    let raw = "";
    let from = 0;
    for (const span of spans) {
      if (span.end > cut) break;
      raw += pending.slice(from, span.start) + span.text;
      from = span.end;
      this.ledger.replacementsApplied += 1;
    }
    raw += pending.slice(from, cut);
    this.pending = cut === pending.length ? "" : pending.slice(cut);
    this.pendingAfterLastScan = this.pending.length;
    this.releasedRawLength += raw.length;
    const overlap = settings.overlap;
    if (overlap > 0) {
      const tail = this.releasedTail + raw;
      this.releasedTail = tail.length > overlap ? tail.slice(tail.length - overlap) : tail;
    }
    if (settings.transform === undefined) return { text: raw, raw, blocked: false };
    try {
      return { text: settings.transform(raw), raw, blocked: false };
    } catch (error) {
      // the text was scanned; only its de-anonymisation failed: placeholders stay, or the stream stops
      this.ledger.recordFailure({
        channel: this.channel.channel,
        choiceIndex: this.channel.choiceIndex,
        reason: "error",
        message: `transform: ${errorMessage(error)}`,
      });
      if (settings.failMode === "open" || !settings.enforce) return { text: raw, raw, blocked: false };
      this.stopped = true;
      this.ledger.block ??= { reason: "scan_failed", categories: [] };
      return BLOCKED_STEP;
    }
  }

  /** Moves the release point back to the start of a trailing partial placeholder, if there is one. */
  private placeholderCut(cut: number): number {
    const pending = this.pending;
    const bracket = pending.lastIndexOf("[", cut - 1);
    if (bracket < 0 || cut - bracket > this.settings.maxPlaceholderLength) return cut;
    const close = pending.indexOf("]", bracket);
    if (close >= 0 && close < cut) return cut;
    return PARTIAL_PLACEHOLDER.test(pending.slice(bracket, cut)) ? bracket : cut;
  }
}
