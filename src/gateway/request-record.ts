import { performance } from "node:perf_hooks";
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
  private readonly findings: { finding: Finding; direction: "input" | "output" }[] = [];
  private readonly skipped: { detector: string; reason: string; direction: "input" | "output" }[] = [];

  constructor(
    readonly requestId: string,
    readonly endpoint: string,
  ) {}

  /** categories of input findings that were passed on unredacted (reset before a re-scan) */
  readonly sentCategories = new Set<Category>();

  addResult(direction: "input" | "output", result: GuardResult): void {
    if (direction === "input") {
      const sent =
        result.sentCategories ??
        (result.verdict === "redact" ? [] : result.findings.map((finding) => finding.category));
      for (const category of sent) this.sentCategories.add(category);
    }
    for (const finding of result.findings) this.findings.push({ finding, direction });
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
      findings: this.findings.map(({ finding, direction }) => ({
        detector: finding.detector,
        category: finding.category,
        rule: finding.rule,
        type: finding.type,
        score: finding.score,
        direction,
        start: finding.start,
        end: finding.end,
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
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
