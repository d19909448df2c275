import type { Category, ContentSource, Finding, Verdict } from "../core/index.js";
import type { AcceptableUseRule, ToolRules } from "../policy/index.js";
import type { Principal } from "./principal.js";

/** A piece of a request that is scanned on its own: one message's text, with where it came from. */
export interface ScanSegment {
  readonly text: string;
  readonly source: ContentSource;
}

/** A detector that could not run (error, time budget): recorded as skipped, never as passed. */
export interface SkippedScan {
  readonly detector: string;
  readonly reason: string;
}

/** What the guard decided for one piece of text. */
export interface GuardResult {
  readonly verdict: Verdict;
  readonly risk: number;
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedScan[];
  /** the text with redact-action findings replaced (placeholders), when the verdict is redact */
  readonly redactedText?: string;
  /** the same redaction as spans of the scanned text (UTF-16, end exclusive) and their replacement */
  readonly replacements?: readonly { start: number; end: number; text: string }[];
  /** true when a skipped scan made the guard fail closed */
  readonly failedClosed: boolean;
  /** categories of findings left in the text passed on (not redacted): what reaches the model */
  readonly sentCategories?: readonly Category[];
}

export interface GuardContext {
  readonly principal: Principal;
  readonly model: string;
  /** scopes redaction placeholders: the same value keeps its placeholder within a conversation */
  readonly conversationId: string;
  readonly systemPrompt?: string;
  readonly canaries?: readonly string[];
  readonly conversation?: readonly string[];
  /** categories redacted whatever the policy's action (acceptable use: `conditional`) */
  readonly forceRedact?: readonly Category[];
}

/** The acceptable-use part of the policy that applies to a caller and model. */
export interface UsePolicy {
  readonly acceptableUse: readonly AcceptableUseRule[];
  readonly dataClassification: {
    readonly fromFindings: Partial<Record<string, "public" | "internal" | "confidential" | "restricted">>;
    readonly default: "public" | "internal" | "confidential" | "restricted";
    readonly acceptHeader: boolean;
  };
  readonly tools: ToolRules;
}

/**
 * The gateway's view of detection plus policy. The gateway never decides by itself: it asks the
 * guard, and the guard applies the policy resolved for the principal and the model.
 */
export interface ContentGuard {
  /** prepares a request's conversation (loads its redaction placeholders); called once, before any scan */
  begin(context: GuardContext): Promise<void> | void;
  scanInput(segment: ScanSegment, context: GuardContext): Promise<GuardResult> | GuardResult;
  scanOutput(text: string, context: GuardContext): Promise<GuardResult> | GuardResult;
  /** restores placeholders in model output to the values they stand for (same conversation only) */
  restore(text: string, context: GuardContext): string;
  /** whether the gateway should plant a canary in the system prompt for this principal and model */
  wantsCanary(context: Pick<GuardContext, "principal" | "model">): boolean;
  /** the stream mode and hold-back window the policy sets for this principal and model */
  /** the acceptable-use matrix, data classification and tool rules for this caller and model */
  usePolicy(context: Pick<GuardContext, "principal" | "model">): UsePolicy;
  /** the effective policy as data, for the management API and `rampart config print` */
  describe(): unknown;
  streamSettings(context: Pick<GuardContext, "principal" | "model">): {
    mode: "hold-back" | "buffer" | "audit";
    windowChars: number;
  };
}

/** Categories present in findings, in a stable order, without repeats. */
export function categoriesOf(findings: readonly Finding[]): Category[] {
  return [...new Set(findings.map((finding) => finding.category))].sort();
}
