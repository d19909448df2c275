import { z } from "zod";
import type { Direction, Finding, Verdict } from "../../core/index.js";
import type { Scanner, SkippedDetector } from "../../detect/engine.js";
import { type Decision, decide, type EffectivePolicy, redactText } from "../../policy/index.js";

/**
 * The public `rampart scan --jsonl` contract (docs/scan.md). Input rows are parsed with this
 * schema; unknown fields are ignored so that producers can add their own.
 */
export const scanInputRowSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  system_prompt: z.string().optional(),
  source: z.enum(["user", "document", "tool"]).optional(),
});
export type ScanInputRow = z.infer<typeof scanInputRowSchema>;

export interface ScanOutputFinding {
  readonly detector: string;
  readonly category: Finding["category"];
  readonly rule: string;
  readonly type?: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly severity: Finding["severity"];
}

export interface ScanOutputRow {
  readonly id: string | number;
  readonly verdict: Verdict;
  readonly risk: number;
  readonly findings: readonly ScanOutputFinding[];
  readonly redacted?: string;
  readonly skipped?: readonly { readonly detector: string; readonly reason: SkippedDetector["reason"] }[];
}

export interface ScanErrorRow {
  readonly id: string | number | null;
  readonly line: number;
  readonly error: string;
}

export interface ScanSettings {
  readonly scanner: Scanner;
  readonly policy: EffectivePolicy;
  readonly direction: Direction;
}

export interface ScannedText {
  readonly decision: Decision;
  readonly durationMs: number;
}

/**
 * Scans one text with the policy's scanner: the asynchronous scan when a detector of the direction
 * needs it (onnx-classifier), so that no configured detector is skipped.
 */
export async function scanText(
  settings: ScanSettings,
  text: string,
  source: "user" | "document" | "tool",
  systemPrompt: string | undefined,
): Promise<ScannedText> {
  const request = {
    direction: settings.direction,
    source,
    ...(systemPrompt === undefined ? {} : { systemPrompt }),
  };
  const result = settings.scanner.hasAsync(settings.direction)
    ? await settings.scanner.scanAsync(text, request)
    : settings.scanner.scan(text, request);
  return {
    decision: decide(result.findings, settings.policy, settings.direction, result.skipped),
    durationMs: result.durationMs,
  };
}

function outputFinding(finding: Finding): ScanOutputFinding {
  return {
    detector: finding.detector,
    category: finding.category,
    rule: finding.rule,
    ...(finding.type === undefined ? {} : { type: finding.type }),
    start: finding.start,
    end: finding.end,
    score: finding.score,
    severity: finding.severity,
  };
}

/** The output row of one scanned text: fields in the documented order. */
export function outputRow(id: string | number, text: string, decision: Decision): ScanOutputRow {
  const redacts = decision.actions.some((entry) => entry.action === "redact");
  return {
    id,
    verdict: decision.verdict,
    risk: decision.risk,
    findings: decision.actions.map((entry) => outputFinding(entry.finding)),
    ...(redacts ? { redacted: redactText(text, decision.actions) } : {}),
    ...(decision.skipped.length === 0
      ? {}
      : { skipped: decision.skipped.map((entry) => ({ detector: entry.detector, reason: entry.reason })) }),
  };
}

/** Parses one JSONL line: a row, or the error row that replaces it in the output. */
export function parseInputLine(line: string, lineNumber: number): ScanInputRow | ScanErrorRow {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return {
      id: null,
      line: lineNumber,
      error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = scanInputRowSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = recoverId(raw);
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `;
  return { id, line: lineNumber, error: `invalid row: ${where}${issue?.message ?? "invalid"}` };
}

const idOnlySchema = z.object({ id: z.union([z.string(), z.number()]) });

function recoverId(raw: unknown): string | number | null {
  const parsed = idOnlySchema.safeParse(raw);
  return parsed.success ? parsed.data.id : null;
}

export function isErrorRow(row: ScanInputRow | ScanErrorRow): row is ScanErrorRow {
  return "error" in row;
}
