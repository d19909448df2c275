import { performance } from "node:perf_hooks";
import type { DecisionContent } from "../core/index.js";
import { type Category, type Finding, strongestVerdict, type Verdict } from "../core/index.js";
import type { DecisionEvent } from "./decision-event.js";
import { categoriesOf, type GuardResult } from "./guard.js";
import type { LimitReservation } from "./limits/index.js";
import type { Principal } from "./principal.js";

/**
 * Collects what happens to one gateway request (verdicts, findings, timings) and turns it into the
 * decision event and the x-rampart-* response headers.
 */
export class RequestRecord {
  readonly startedAt = performance.now();
  principal: Principal | null = null;
  model: string | null = null;
  upstream: string | null = null;
  stream = false;
  inputVerdict: Verdict = "allow";
  outputVerdict: Verdict = "allow";
  usage: DecisionEvent["usage"] = null;
  errorCode: string | null = null;
  /** the limits reservation to settle (with usage) or release when the request ends */
  reservation: LimitReservation | null = null;
  /** the request's data class, once the acceptable-use check derived it */
  dataClass: string | null = null;
  private upstreamMs = 0;
  private upstreamStartedAt: number | null = null;
  private readonly findings: { finding: Finding; direction: "input" | "output"; offset: number }[] = [];
  private readonly transcripts = { input: new Transcript(), output: new Transcript() };
  private readonly skipped: { detector: string; reason: string; direction: "input" | "output" }[] = [];

  constructor(
    readonly requestId: string,
    readonly endpoint: string,
  ) {}

  /** categories of input findings that were passed on unredacted (reset before a re-scan) */
  readonly sentCategories = new Set<Category>();

  /**
   * Adds one scan's result. With `text` (the scanned text), the text joins the direction's transcript
   * and the findings' offsets are moved to point into it; without it (a stream window) they stay
   * relative to what was scanned.
   */
  addResult(direction: "input" | "output", result: GuardResult, text?: string): void {
    const offset = text === undefined ? 0 : this.transcripts[direction].append(text, result.findings);
    if (direction === "input") {
      const sent =
        result.sentCategories ??
        (result.verdict === "redact" ? [] : result.findings.map((finding) => finding.category));
      for (const category of sent) this.sentCategories.add(category);
    }
    this.collect(direction, result, offset);
  }

  /**
   * Adds the result of one stream window. The first choice's content channel forms the response
   * transcript (the window's new text is appended; findings move by the window's offset in the
   * channel); other channels' findings keep offsets relative to their window.
   */
  addStreamResult(
    result: GuardResult,
    window: { text: string; channelOffset: number; overlapLength: number; primary: boolean },
  ): void {
    const offset = window.primary
      ? this.transcripts.output.extend(
          window.text,
          window.channelOffset,
          window.overlapLength,
          result.findings,
        )
      : 0;
    this.collect("output", result, offset);
  }

  private collect(direction: "input" | "output", result: GuardResult, offset: number): void {
    for (const finding of result.findings) this.findings.push({ finding, direction, offset });
    for (const skip of result.skipped) this.skipped.push({ ...skip, direction });
    if (direction === "input") this.inputVerdict = strongestVerdict([this.inputVerdict, result.verdict]);
    else this.outputVerdict = strongestVerdict([this.outputVerdict, result.verdict]);
  }

  upstreamStarted(): void {
    this.upstreamStartedAt = performance.now();
  }

  /** marks the end of waiting for the upstream (headers for streams, the whole body otherwise) */
  upstreamFinished(): void {
    if (this.upstreamStartedAt !== null) this.upstreamMs += performance.now() - this.upstreamStartedAt;
    this.upstreamStartedAt = null;
  }

  get verdict(): Verdict {
    return strongestVerdict([this.inputVerdict, this.outputVerdict]);
  }

  /** categories found in the request (before redaction) */
  inputCategories(): Category[] {
    return categoriesOf(
      this.findings.filter((item) => item.direction === "input").map((item) => item.finding),
    );
  }

  categories(): Category[] {
    return categoriesOf(this.findings.map((item) => item.finding));
  }

  /** milliseconds spent in Rampart itself, not waiting for the upstream */
  overheadMs(): number {
    const open = this.upstreamStartedAt === null ? 0 : performance.now() - this.upstreamStartedAt;
    return Math.max(0, performance.now() - this.startedAt - this.upstreamMs - open);
  }

  headers(): Record<string, string> {
    return {
      "x-rampart-verdict": this.verdict,
      "x-rampart-overhead-ms": this.overheadMs().toFixed(2),
    };
  }

  toEvent(status: number): DecisionEvent {
    const totalMs = performance.now() - this.startedAt;
    return {
      type: "gateway.decision",
      requestId: this.requestId,
      at: new Date().toISOString(),
      endpoint: this.endpoint,
      principal: this.principal && {
        keyId: this.principal.keyId,
        role: this.principal.role,
        app: this.principal.app,
        team: this.principal.team,
      },
      model: this.model,
      upstream: this.upstream,
      stream: this.stream,
      status,
      verdict: this.verdict,
      inputVerdict: this.inputVerdict,
      outputVerdict: this.outputVerdict,
      categories: this.categories(),
      findings: this.findings.map(({ finding, direction, offset }) => ({
        detector: finding.detector,
        category: finding.category,
        rule: finding.rule,
        type: finding.type,
        score: finding.score,
        direction,
        start: finding.start + offset,
        end: finding.end + offset,
      })),
      skipped: this.skipped,
      errorCode: this.errorCode,
      usage: this.usage,
      timings: {
        totalMs: round(totalMs),
        overheadMs: round(this.overheadMs()),
        upstreamMs: round(this.upstreamMs),
      },
    };
  }
  /** The scanned texts of the request, plain and masked, for an audit trail that keeps content. */
  content(): DecisionContent | undefined {
    const input = this.transcripts.input;
    const output = this.transcripts.output;
    if (input.empty && output.empty) return undefined;
    return {
      ...(input.empty ? {} : { prompt: input.text(), redactedPrompt: input.masked() }),
      ...(output.empty ? {} : { response: output.text(), redactedResponse: output.masked() }),
      ...(input.truncated || output.truncated ? { truncated: true } : {}),
    };
  }
}

/** How much text of one direction a request keeps for the audit trail (UTF-16 code units). */
export const TRANSCRIPT_LIMIT = 64 * 1024;
const SEPARATOR = "\n\n";
/** Categories whose spans are masked in the redacted transcript. */
const MASKED: ReadonlySet<Category> = new Set(["pii", "secret", "canary-leak"]);

/** The scanned texts of one direction, joined with a blank line, with the spans to mask. */
class Transcript {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly spans: { start: number; end: number }[] = [];
  truncated = false;

  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** Appends a scanned text; returns its offset in the transcript (its findings' offsets move by it). */
  append(text: string, findings: readonly Finding[]): number {
    const offset = this.parts.length === 0 ? 0 : this.length + SEPARATOR.length;
    const room = TRANSCRIPT_LIMIT - offset;
    if (room <= 0) {
      this.truncated = true;
      return offset;
    }
    const kept = text.length > room ? text.slice(0, room) : text;
    if (kept.length < text.length) this.truncated = true;
    if (this.parts.length > 0) this.parts.push(SEPARATOR);
    this.parts.push(kept);
    this.length = offset + kept.length;
    for (const finding of findings)
      if (MASKED.has(finding.category))
        this.spans.push({ start: offset + finding.start, end: Math.min(offset + finding.end, this.length) });
    return offset;
  }

  /**
   * Extends a streamed text with a window that starts at `channelOffset` and whose first
   * `overlapLength` characters were already appended; returns the offset of the window.
   */
  extend(text: string, channelOffset: number, overlapLength: number, findings: readonly Finding[]): number {
    const fresh = text.slice(overlapLength);
    const room = TRANSCRIPT_LIMIT - this.length;
    if (fresh.length > 0 && room > 0) {
      const kept = fresh.length > room ? fresh.slice(0, room) : fresh;
      if (kept.length < fresh.length) this.truncated = true;
      this.parts.push(kept);
      this.length += kept.length;
    } else if (fresh.length > 0) this.truncated = true;
    for (const finding of findings)
      if (MASKED.has(finding.category))
        this.spans.push({
          start: channelOffset + finding.start,
          end: Math.min(channelOffset + finding.end, this.length),
        });
    return channelOffset;
  }

  text(): string {
    return this.parts.join("");
  }

  /** The text with personal data, secrets and canaries replaced by `*`, one per UTF-16 code unit. */
  masked(): string {
    const text = this.text();
    if (this.spans.length === 0) return text;
    const units = text.split("");
    for (const span of this.spans)
      for (let at = span.start; at < span.end && at < units.length; at += 1) units[at] = "*";
    return units.join("");
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
