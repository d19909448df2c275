import type { ChunkChoice, DeltaTextField, ToolCallDelta } from "./chunk-schema.js";
import { deltaTextFields } from "./chunk-schema.js";
import { HoldBackBuffer, type HoldBackSettings, type HoldBackStep, type MaybePromise } from "./hold-back.js";
import type { ScanLedger, StreamChannel } from "./scan-ledger.js";

/**
 * The guarded state of one choice: one hold-back buffer per text channel (content, reasoning,
 * refusal, or `text` for completions) and one per tool call's arguments. `rewrite` turns an upstream
 * choice into the choice the client gets, carrying only released text, and keeps role, tool-call
 * index/id/type/name and finish_reason. Unknown choice and delta fields (logprobs included, which
 * repeat the generated tokens) are not forwarded: only scanned text reaches the client.
 */

type TextChannel = DeltaTextField | "text";

interface ToolCallState {
  readonly buffer: HoldBackBuffer;
  headerSent: boolean;
}

/** Receives each step's raw released text, for local token counting. */
export type ReleaseListener = (step: HoldBackStep) => void;

export type OutChoice = Record<string, unknown>;

/** The key of the legacy `function_call` among a choice's tool calls (real indexes are >= 0). */
const LEGACY_FUNCTION_CALL = -1;

export const BLOCKED = Symbol("blocked");
export type RewriteResult = OutChoice | null | typeof BLOCKED;

function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

export class ChoiceState {
  private readonly texts = new Map<TextChannel, HoldBackBuffer>();
  private readonly toolCalls = new Map<number, ToolCallState>();
  /** chat delta or completion text: decided by the first chunk that carries the choice */
  private completionStyle = false;
  finished = false;

  constructor(
    readonly index: number,
    private readonly settings: HoldBackSettings,
    private readonly ledger: ScanLedger,
    private readonly onRelease: ReleaseListener,
  ) {}

  /** every buffer, for token counting of held text when the stream ends early */
  *buffers(): Iterable<HoldBackBuffer> {
    yield* this.texts.values();
    for (const call of this.toolCalls.values()) yield call.buffer;
  }

  private textBuffer(channel: TextChannel): HoldBackBuffer {
    let buffer = this.texts.get(channel);
    if (buffer === undefined) {
      const scanChannel: StreamChannel = channel;
      buffer = new HoldBackBuffer(this.settings, this.ledger, {
        choiceIndex: this.index,
        channel: scanChannel,
      });
      this.texts.set(channel, buffer);
    }
    return buffer;
  }

  /** Notes a released step for token counting. Callers await only real promises (sync scans stay sync). */
  private note(step: HoldBackStep): HoldBackStep {
    if (!step.blocked && step.raw.length > 0) this.onRelease(step);
    return step;
  }

  async rewrite(choice: ChunkChoice): Promise<RewriteResult> {
    const out: OutChoice = { index: this.index };
    let meaningful = false;
    if (typeof choice.text === "string") {
      this.completionStyle = true;
      let step = this.textBuffer("text").push(choice.text);
      if (isPromise(step)) step = await step;
      this.note(step);
      if (step.blocked) return BLOCKED;
      if (step.text.length > 0) {
        out.text = step.text;
        meaningful = true;
      }
    }
    const delta = choice.delta;
    const outDelta: Record<string, unknown> = {};
    if (delta !== null && delta !== undefined) {
      if (typeof delta.role === "string") {
        outDelta.role = delta.role;
        meaningful = true;
      }
      for (const field of deltaTextFields) {
        const value = delta[field];
        if (value === undefined) continue;
        if (value === null || value.length === 0) {
          outDelta[field] = value;
          continue;
        }
        let step = this.textBuffer(field).push(value);
        if (isPromise(step)) step = await step;
        this.note(step);
        if (step.blocked) return BLOCKED;
        if (step.text.length > 0) {
          outDelta[field] = step.text;
          meaningful = true;
        }
      }
      if (delta.function_call !== null && delta.function_call !== undefined) {
        const outCall = await this.rewriteFunctionCall(delta.function_call);
        if (outCall === BLOCKED) return BLOCKED;
        if (outCall !== null) {
          outDelta.function_call = outCall;
          meaningful = true;
        }
      }
      if (delta.tool_calls !== null && delta.tool_calls !== undefined) {
        const calls: Record<string, unknown>[] = [];
        for (let position = 0; position < delta.tool_calls.length; position += 1) {
          const call = delta.tool_calls[position] as ToolCallDelta;
          const outCall = await this.rewriteToolCall(call, call.index ?? position);
          if (outCall === BLOCKED) return BLOCKED;
          if (outCall !== null) calls.push(outCall);
        }
        if (calls.length > 0) {
          outDelta.tool_calls = calls;
          meaningful = true;
        }
      }
    }
    const finishReason = choice.finish_reason;
    if (typeof finishReason === "string") {
      if ((await this.flush(out, outDelta)) === BLOCKED) return BLOCKED;
      meaningful = true;
    }
    if (!meaningful) return null;
    if (!this.completionStyle) out.delta = outDelta;
    else if (out.text === undefined) out.text = "";
    out.finish_reason = typeof finishReason === "string" ? finishReason : null;
    return out;
  }

  /** The legacy `function_call` delta: its arguments are scanned like a tool call's. */
  private async rewriteFunctionCall(call: {
    name?: string | null | undefined;
    arguments?: string | null | undefined;
  }): Promise<Record<string, unknown> | null | typeof BLOCKED> {
    const state = this.toolCallState(LEGACY_FUNCTION_CALL);
    const outCall: Record<string, unknown> = {};
    if (typeof call.name === "string") {
      if (call.name.length > 0) state.buffer.channel.toolName = call.name;
      outCall.name = call.name;
    }
    if (typeof call.arguments === "string" && call.arguments.length > 0) {
      let step = state.buffer.push(call.arguments);
      if (isPromise(step)) step = await step;
      this.note(step);
      if (step.blocked) return BLOCKED;
      if (step.text.length > 0) outCall.arguments = step.text;
    }
    if (outCall.name === undefined && outCall.arguments === undefined) return null;
    if (!state.headerSent && outCall.arguments === undefined) outCall.arguments = "";
    state.headerSent = true;
    return outCall;
  }

  private toolCallState(index: number): ToolCallState {
    let state = this.toolCalls.get(index);
    if (state === undefined) {
      const buffer = new HoldBackBuffer(this.settings, this.ledger, {
        choiceIndex: this.index,
        channel: "tool_arguments",
        ...(index === LEGACY_FUNCTION_CALL ? {} : { toolCallIndex: index }),
      });
      state = { buffer, headerSent: false };
      this.toolCalls.set(index, state);
    }
    return state;
  }

  private async rewriteToolCall(
    call: ToolCallDelta,
    index: number,
  ): Promise<Record<string, unknown> | null | typeof BLOCKED> {
    const state = this.toolCallState(index);
    const name = call.function?.name;
    if (typeof name === "string" && name.length > 0) state.buffer.channel.toolName = name;
    const outCall: Record<string, unknown> = { index };
    const outFunction: Record<string, unknown> = {};
    let meaningful = false;
    if (typeof call.id === "string") outCall.id = call.id;
    if (typeof call.type === "string") outCall.type = call.type;
    if (typeof name === "string") outFunction.name = name;
    if (outCall.id !== undefined || outCall.type !== undefined || outFunction.name !== undefined) {
      meaningful = true;
    }
    const argumentsText = call.function?.arguments;
    if (typeof argumentsText === "string" && argumentsText.length > 0) {
      let step = state.buffer.push(argumentsText);
      if (isPromise(step)) step = await step;
      this.note(step);
      if (step.blocked) return BLOCKED;
      if (step.text.length > 0) {
        outFunction.arguments = step.text;
        meaningful = true;
      }
    }
    if (!meaningful) return null;
    if (!state.headerSent && outFunction.arguments === undefined) outFunction.arguments = "";
    state.headerSent = true;
    outCall.function = outFunction;
    return outCall;
  }

  /**
   * Scans and releases everything the choice still holds into `out` / `outDelta` (appending to what
   * this chunk already carries). Called on finish_reason and at the end of the stream.
   */
  async flush(
    out: OutChoice,
    outDelta: Record<string, unknown>,
    idle = false,
  ): Promise<boolean | typeof BLOCKED> {
    if (!idle) this.finished = true;
    let released = false;
    for (const [channel, buffer] of this.texts) {
      let step = idle ? buffer.releaseIdle() : buffer.finish();
      if (isPromise(step)) step = await step;
      this.note(step);
      if (step.blocked) return BLOCKED;
      if (step.text.length === 0) continue;
      released = true;
      const target = channel === "text" ? out : outDelta;
      const before = target[channel];
      target[channel] = typeof before === "string" ? before + step.text : step.text;
    }
    for (const [index, state] of this.toolCalls) {
      let step = idle ? state.buffer.releaseIdle() : state.buffer.finish();
      if (isPromise(step)) step = await step;
      this.note(step);
      if (step.blocked) return BLOCKED;
      if (step.text.length === 0) continue;
      released = true;
      if (index === LEGACY_FUNCTION_CALL) {
        const outCall = (outDelta.function_call ?? {}) as Record<string, unknown>;
        const before = outCall.arguments;
        outCall.arguments = typeof before === "string" ? before + step.text : step.text;
        outDelta.function_call = outCall;
        continue;
      }
      if (outDelta.tool_calls === undefined) outDelta.tool_calls = [];
      const calls = outDelta.tool_calls as Record<string, unknown>[];
      const existing = calls.find((call) => call.index === index);
      if (existing === undefined) {
        calls.push({ index, function: { arguments: step.text } });
      } else {
        const outFunction = existing.function as Record<string, unknown>;
        const before = outFunction.arguments;
        outFunction.arguments = typeof before === "string" ? before + step.text : step.text;
      }
    }
    return released;
  }

  /** whether text arrived since the last scan of any channel */
  get hasUnscannedText(): boolean {
    for (const buffer of this.buffers()) if (buffer.unscannedLength > 0) return true;
    return false;
  }

  /**
   * Releases into a choice of its own: everything at the end of the stream, or (idle) what a scan
   * of the text received since the last scan allows. Null when nothing was released.
   */
  async flushToChoice(idle = false): Promise<RewriteResult> {
    const out: OutChoice = { index: this.index };
    const outDelta: Record<string, unknown> = {};
    const released = await this.flush(out, outDelta, idle);
    if (released === BLOCKED) return BLOCKED;
    if (!released) return null;
    if (!this.completionStyle) out.delta = outDelta;
    out.finish_reason = null;
    return out;
  }
}
