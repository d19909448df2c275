import { BLOCKED, ChoiceState, type OutChoice } from "./choice-state.js";
import { decodePayload, type StreamChunk, type UpstreamUsage } from "./chunk-schema.js";
import {
  DONE_FRAME,
  dataFrame,
  errorEventFrame,
  policyBlockMessage,
  type StreamErrorCode,
  streamErrorCodes,
} from "./error-event.js";
import type { HoldBackSettings, HoldBackStep } from "./hold-back.js";
import { ScanLedger } from "./scan-ledger.js";
import { createSseParser, type SseParseResult, type SseParser } from "./sse-parser.js";
import {
  parseStreamGuardSettings,
  type StreamGuardOptions,
  type StreamGuardSettings,
} from "./stream-guard-options.js";
import { buildStreamResult, type StreamEnd, type StreamGuardResult } from "./stream-result.js";
import { approximateTokenCount, type TokenCounter } from "./token-count.js";
import { IDLE, UpstreamReader, type UpstreamSource } from "./upstream-reader.js";

/**
 * The streaming output guard. It reads an upstream OpenAI SSE body, scans the generated text of
 * every choice and tool call through hold-back buffers, and yields the SSE frames for the client:
 *
 * - `hold-back` (default): frames carry text as soon as a scan has covered it;
 * - `buffer`: nothing is sent until the upstream ends and every channel had one scan; past
 *   `maxBufferBytes` the stream fails closed;
 * - `audit`: upstream frames pass through untouched; scans run behind them and never block; the
 *   findings are in `result`.
 *
 * A block ends the stream with one in-band error event and no `[DONE]`. The caller consumes
 * `frames` (e.g. `Readable.from(guard.frames)`), calls `abort()` on a client disconnect (or passes
 * `signal`), and reads `result` after the frames end.
 */

export interface StreamGuard {
  /** SSE frames for the client, in order; ends after `[DONE]`, an error event, or an abort */
  readonly frames: AsyncIterable<string>;
  /** settles once the frames end (in audit mode, once the background scans end too) */
  readonly result: Promise<StreamGuardResult>;
  /** cancels reading the upstream (a client disconnect) */
  abort(): void;
}

/** The chunk fields repeated in frames the guard makes itself (flushes, usage). */
const TEMPLATE_FIELDS = ["id", "object", "created", "model", "system_fingerprint"] as const;

function holdBackSettingsFor(settings: StreamGuardSettings, options: StreamGuardOptions): HoldBackSettings {
  const base = {
    overlap: settings.overlap,
    maxPlaceholderLength: settings.maxPlaceholderLength,
    failMode: settings.failMode,
    scanTimeoutMs: settings.scanTimeoutMs,
    scan: options.scan,
    transform: options.transform,
  };
  if (settings.mode === "buffer") {
    return {
      ...base,
      windowSize: Number.POSITIVE_INFINITY,
      holdTail: 0,
      maxPending: Number.POSITIVE_INFINITY,
      enforce: true,
    };
  }
  return {
    ...base,
    windowSize: settings.windowSize,
    holdTail: settings.holdTail,
    maxPending: settings.maxPending,
    enforce: settings.mode !== "audit",
  };
}

export function guardStream(upstream: UpstreamSource, options: StreamGuardOptions): StreamGuard {
  return new GuardedStream(upstream, options);
}

class GuardedStream implements StreamGuard {
  readonly result: Promise<StreamGuardResult>;
  private resolveResult!: (result: StreamGuardResult) => void;
  private readonly settings: StreamGuardSettings;
  private readonly holdBack: HoldBackSettings;
  private readonly countTokens: TokenCounter;
  private readonly ledger = new ScanLedger();
  private readonly choices = new Map<number, ChoiceState>();
  private readonly parser: SseParser;
  private readonly reader: UpstreamReader;
  private template: Record<string, unknown> = {};
  private upstreamUsage: UpstreamUsage | null = null;
  private localTokens = 0;
  /** released characters in the frame being built; dropped with the frame on a block */
  private frameCharacters = 0;
  /** released characters in built frames not yet handed to the consumer (buffer mode: until the end) */
  private unsentCharacters = 0;
  private releasedCharacters = 0;
  private deferred: string[] = [];
  private auditChain: Promise<unknown> = Promise.resolve();
  /** characters of chunks waiting for their audit scan */
  private auditBacklog = 0;
  private endReason: StreamEnd | null = null;
  private tooLarge = false;
  private upstreamDone = false;
  private started = false;
  private internalFailure = false;

  constructor(upstream: UpstreamSource, options: StreamGuardOptions) {
    this.settings = parseStreamGuardSettings(options);
    this.holdBack = holdBackSettingsFor(this.settings, options);
    this.countTokens = options.countTokens ?? approximateTokenCount;
    this.parser = createSseParser({ maxEventBytes: this.settings.maxEventBytes });
    this.reader = new UpstreamReader(upstream, options.signal);
    this.result = new Promise((resolve) => {
      this.resolveResult = resolve;
    });
  }

  get frames(): AsyncIterable<string> {
    return {
      [Symbol.asyncIterator]: () => {
        if (this.started) throw new Error("the frames of a guarded stream can be read only once");
        this.started = true;
        return this.run();
      },
    };
  }

  abort(): void {
    this.reader.abort();
    if (!this.started) {
      // the frames were never read: nothing else will settle the result
      this.started = true;
      this.endReason = "aborted";
      void this.settle();
    }
  }

  private readonly onRelease = (step: HoldBackStep): void => {
    this.localTokens += this.countTokens(step.raw);
    if (this.settings.mode === "audit") this.releasedCharacters += step.text.length;
    else this.frameCharacters += step.text.length;
  };

  private choice(index: number): ChoiceState {
    let state = this.choices.get(index);
    if (state === undefined) {
      state = new ChoiceState(index, this.holdBack, this.ledger, this.onRelease);
      this.choices.set(index, state);
    }
    return state;
  }

  private async *run(): AsyncGenerator<string, void, undefined> {
    const buffering = this.settings.mode === "buffer";
    try {
      for (;;) {
        const chunk = await this.reader.next(this.idleWait());
        if (chunk === IDLE) {
          const output = await this.releaseIdle();
          if (output.length > 0) yield this.send(output);
          if (this.endReason !== null) return;
          continue;
        }
        if (chunk === null) break;
        if (buffering && this.reader.bytes > this.settings.maxBufferBytes) {
          this.tooLarge = true;
          yield this.stop(
            streamErrorCodes.tooLarge,
            "The response exceeded the size Rampart can hold for scanning.",
          );
          return;
        }
        const output = await this.handle(this.parser.push(chunk));
        if (output.length > 0) yield this.send(output);
        if (this.endReason !== null) return;
      }
      if (this.reader.failed) {
        yield this.stop(
          streamErrorCodes.upstream,
          "The upstream connection failed during the response.",
          "upstream_error",
        );
        return;
      }
      if (this.reader.aborted) {
        this.endReason = "aborted";
        return;
      }
      const output = await this.handle(this.parser.end());
      if (this.settings.mode === "audit") {
        if (output.length > 0) yield this.send(output);
        this.endReason ??= "upstream_closed";
        return;
      }
      if (this.endReason !== null) {
        if (output.length > 0) yield this.send(output);
        return;
      }
      const last = await this.finishStream();
      if (last.length > 0) yield this.send(last);
    } catch {
      // an injected function (transform, token counter) or a defect threw: fail closed, in band
      this.internalFailure = true;
      yield this.stop(
        streamErrorCodes.scanFailed,
        "The response could not be scanned, so Rampart stopped it.",
      );
    } finally {
      // reaching here without an end reason means the consumer stopped reading: the client left
      if (this.endReason === null) {
        this.reader.abort();
        this.endReason = "aborted";
      }
      this.reader.close();
      void this.settle();
    }
  }

  /** How long to wait for the upstream before an idle release: only while unscanned text is held. */
  private idleWait(): number {
    const idleMs = this.settings.idleReleaseMs;
    if (idleMs === 0 || this.settings.mode !== "hold-back") return 0;
    for (const state of this.choices.values()) if (state.hasUnscannedText) return idleMs;
    return 0;
  }

  private async releaseIdle(): Promise<string> {
    const outChoices: OutChoice[] = [];
    for (const state of this.choices.values()) {
      if (!state.hasUnscannedText) continue;
      const outChoice = await state.flushToChoice(true);
      if (outChoice === BLOCKED) return this.blockFrame();
      if (outChoice !== null) outChoices.push(outChoice);
    }
    if (outChoices.length === 0) return "";
    this.commitFrame();
    return dataFrame({ ...this.template, choices: outChoices });
  }

  /** The frame being built will be sent: its released characters count as unsent until then. */
  private commitFrame(): void {
    this.unsentCharacters += this.frameCharacters;
    this.frameCharacters = 0;
  }

  /** Counts released characters as they leave; in buffer mode the whole output leaves at the end. */
  private send(output: string): string {
    if (this.settings.mode !== "buffer" || this.endReason !== null) {
      this.releasedCharacters += this.unsentCharacters;
      this.unsentCharacters = 0;
    }
    return output;
  }

  private stop(code: StreamErrorCode, message: string, reason: StreamEnd = "blocked"): string {
    this.endReason = reason;
    this.deferred = [];
    this.frameCharacters = 0;
    // buffer mode drops every built frame; otherwise built frames precede the error event
    if (this.settings.mode === "buffer") this.unsentCharacters = 0;
    this.reader.close();
    return errorEventFrame(code, message);
  }

  private blockFrame(): string {
    const block = this.ledger.block;
    if (block?.reason === "scan_failed") {
      return this.stop(
        streamErrorCodes.scanFailed,
        "The response could not be scanned, so Rampart stopped it.",
      );
    }
    return this.stop(streamErrorCodes.policy, policyBlockMessage(block?.categories ?? []));
  }

  /** Handles the events of one upstream read; returns the frames to send now. */
  private async handle(events: readonly SseParseResult[]): Promise<string> {
    let output = "";
    for (const event of events) {
      if (event.kind === "error") {
        this.tooLarge = true;
        return output + this.stop(streamErrorCodes.tooLarge, "An upstream event exceeded the size limit.");
      }
      if (this.settings.mode === "audit") {
        output += `data: ${event.data}\n\n`;
        this.audit(event.data);
        if (this.upstreamDone) {
          this.endReason = "completed";
          return output;
        }
        continue;
      }
      const payload = decodePayload(event.data);
      if (payload.kind === "done") {
        this.upstreamDone = true;
        return output + (await this.finishStream());
      }
      if (payload.kind === "empty") continue;
      if (payload.kind !== "chunk") {
        const message =
          payload.kind === "upstream-error"
            ? "The upstream reported an error during the response."
            : "The upstream sent data that is not a completion chunk.";
        return output + this.stop(streamErrorCodes.upstream, message, "upstream_error");
      }
      const frame = await this.rewrite(payload.chunk);
      if (frame === BLOCKED) return output + this.blockFrame();
      if (frame.length === 0) continue;
      if (this.settings.mode === "buffer") this.deferred.push(frame);
      else output += frame;
    }
    return output;
  }

  /** Audit mode: the frame was already forwarded; scan it behind the stream, never blocking. */
  private audit(data: string): void {
    const payload = decodePayload(data);
    if (payload.kind === "done") this.upstreamDone = true;
    if (payload.kind !== "chunk") return;
    // slow scans must not hold an unbounded backlog: past maxBufferBytes, chunks go unscanned
    // and are counted as skipped windows
    if (this.auditBacklog + data.length > this.settings.maxBufferBytes) {
      this.ledger.skippedWindows += 1;
      return;
    }
    this.auditBacklog += data.length;
    this.auditChain = this.auditChain
      .then(() => this.rewrite(payload.chunk))
      .catch(() => {
        this.ledger.skippedWindows += 1;
      })
      .finally(() => {
        this.auditBacklog -= data.length;
      });
  }

  private async rewrite(chunk: StreamChunk): Promise<string | typeof BLOCKED> {
    const { choices, usage, ...rest } = chunk;
    for (const field of TEMPLATE_FIELDS) if (rest[field] !== undefined) this.template[field] = rest[field];
    if (usage !== null && usage !== undefined) this.upstreamUsage = usage;
    if (choices === null || choices === undefined || choices.length === 0) return "";
    const outChoices: OutChoice[] = [];
    for (let position = 0; position < choices.length; position += 1) {
      const upstreamChoice = choices[position];
      if (upstreamChoice === undefined) continue;
      const outChoice = await this.choice(upstreamChoice.index ?? position).rewrite(upstreamChoice);
      if (outChoice === BLOCKED) return BLOCKED;
      if (outChoice !== null) outChoices.push(outChoice);
    }
    if (outChoices.length === 0 || this.settings.mode === "audit") return "";
    this.commitFrame();
    return dataFrame({ ...rest, choices: outChoices });
  }

  /** End of the upstream: scan and release what every choice holds, then usage and `[DONE]`. */
  private async finishStream(): Promise<string> {
    const outChoices: OutChoice[] = [];
    for (const state of this.choices.values()) {
      if (state.finished && [...state.buffers()].every((buffer) => buffer.pendingLength === 0)) continue;
      const outChoice = await state.flushToChoice();
      if (outChoice === BLOCKED) return this.blockFrame();
      if (outChoice !== null) outChoices.push(outChoice);
    }
    let output = this.deferred.join("");
    this.deferred = [];
    if (outChoices.length > 0) {
      this.commitFrame();
      output += dataFrame({ ...this.template, choices: outChoices });
    }
    if (this.settings.forwardUsage && this.upstreamUsage !== null) {
      output += dataFrame({ ...this.template, choices: [], usage: this.upstreamUsage });
    }
    if (this.upstreamDone) output += DONE_FRAME;
    this.endReason = this.upstreamDone ? "completed" : "upstream_closed";
    return output;
  }

  private async settle(): Promise<void> {
    try {
      if (this.settings.mode === "audit") {
        await this.auditChain;
        for (const state of this.choices.values()) await state.flushToChoice().catch(() => null);
      }
      for (const state of this.choices.values()) {
        for (const buffer of state.buffers()) this.localTokens += this.countTokens(buffer.pendingText);
      }
    } catch {
      // an injected counter or scan failed after the stream ended: the result keeps what was counted
    } finally {
      this.resolveResult(this.buildResult());
    }
  }

  private buildResult(): StreamGuardResult {
    return buildStreamResult({
      mode: this.settings.mode,
      ledger: this.ledger,
      tooLarge: this.tooLarge,
      internalFailure: this.internalFailure,
      upstreamUsage: this.upstreamUsage,
      localTokens: this.localTokens,
      end: this.endReason ?? "upstream_closed",
      releasedCharacters: this.releasedCharacters,
      upstreamBytes: this.reader.bytes,
    });
  }
}
