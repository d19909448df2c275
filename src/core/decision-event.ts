import type { Category, Verdict } from "./finding.js";

/**
 * The structured record of one gateway decision. The audit trail stores these; until a store is
 * configured for it they go to the log. Never carries raw prompt or response text.
 */
export interface DecisionEvent {
  readonly type: "gateway.decision";
  readonly requestId: string;
  readonly at: string;
  readonly endpoint: string;
  readonly principal: { keyId: string; role: string; app: string | null; team: string | null } | null;
  readonly model: string | null;
  readonly upstream: string | null;
  readonly stream: boolean;
  readonly status: number;
  readonly verdict: Verdict;
  readonly inputVerdict: Verdict;
  readonly outputVerdict: Verdict;
  readonly categories: readonly Category[];
  readonly findings: readonly {
    detector: string;
    category: Category;
    rule: string;
    type?: string | undefined;
    score: number;
    direction: "input" | "output";
    start: number;
    end: number;
  }[];
  readonly skipped: readonly { detector: string; reason: string; direction: "input" | "output" }[];
  readonly errorCode: string | null;
  readonly usage: { promptTokens: number; completionTokens: number } | null;
  readonly timings: { totalMs: number; overheadMs: number; upstreamMs: number };
}

/**
 * The text behind a decision, for an audit trail that keeps content (`audit.content`): the scanned
 * input segments and output texts, each joined with a blank line in scan order, so the findings'
 * offsets point into them. `redacted*` are the same texts with personal data, secrets and canaries
 * masked character for character (offsets stay valid). Kept apart from the event, which never carries
 * text.
 */
export interface DecisionContent {
  readonly prompt?: string;
  readonly response?: string;
  readonly redactedPrompt?: string;
  readonly redactedResponse?: string;
  /** true when a text was longer than the gateway keeps and was cut */
  readonly truncated?: boolean;
}

/** Where decision events go. The audit trail implements this; `logDecisionSink` is the default. */
export interface DecisionSink {
  record(event: DecisionEvent, content?: DecisionContent): void | Promise<void>;
}
