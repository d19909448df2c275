import type { Finding } from "../../core/index.js";
import type { ContentGuard, GuardResult } from "../guard.js";

/**
 * A content guard for the gateway's own tests: it finds fixed markers instead of running detectors,
 * so a test controls exactly what is blocked, redacted or fails. The real guard (policy plus
 * detectors) has its own tests; this one isolates the proxy mechanics.
 * - `BLOCKME` anywhere: block (category prompt-injection)
 * - `alice@example.com`: redact (category pii, type EMAIL)
 * - `SCANFAIL`: the scan "fails" (skipped) and fails closed
 * - `LEAKME`: blocked in model output only (category exfiltration), allowed in requests
 */
export const OUTPUT_BLOCK_MARKER = "LEAKME";
export const BLOCK_MARKER = "BLOCKME";
export const REDACT_VALUE = "alice@example.com";
export const FAIL_MARKER = "SCANFAIL";

function find(text: string, needle: string, finding: Omit<Finding, "start" | "end">): Finding[] {
  const found: Finding[] = [];
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + needle.length)) {
    found.push({ ...finding, start: index, end: index + needle.length });
  }
  return found;
}

function scan(text: string, direction: "input" | "output"): GuardResult {
  if (direction === "output" && text.includes(OUTPUT_BLOCK_MARKER)) {
    const findings = find(text, OUTPUT_BLOCK_MARKER, {
      detector: "marker",
      category: "exfiltration",
      rule: "marker",
      score: 1,
      severity: "high",
    });
    return { verdict: "block", risk: 1, findings, skipped: [], failedClosed: false };
  }
  if (text.includes(FAIL_MARKER)) {
    return {
      verdict: "allow",
      risk: 0,
      findings: [],
      skipped: [{ detector: "marker", reason: "error" }],
      failedClosed: true,
    };
  }
  const blocks = find(text, BLOCK_MARKER, {
    detector: "marker",
    category: "prompt-injection",
    rule: "marker",
    score: 1,
    severity: "high",
  });
  const redactions = find(text, REDACT_VALUE, {
    detector: "marker",
    category: "pii",
    rule: "email",
    type: "EMAIL",
    score: 0.9,
    severity: "medium",
  });
  if (blocks.length > 0)
    return { verdict: "block", risk: 1, findings: blocks, skipped: [], failedClosed: false };
  if (redactions.length > 0) {
    return {
      verdict: "redact",
      risk: 0.5,
      findings: redactions,
      skipped: [],
      failedClosed: false,
      redactedText: text.replaceAll(REDACT_VALUE, "[EMAIL_1]"),
      replacements: redactions.map((finding) => ({
        start: finding.start,
        end: finding.end,
        text: "[EMAIL_1]",
      })),
    };
  }
  return { verdict: "allow", risk: 0, findings: [], skipped: [], failedClosed: false };
}

export function markerGuard(): ContentGuard {
  return {
    begin: () => undefined,
    scanInput: (segment) => scan(segment.text, "input"),
    scanOutput: (text) => scan(text, "output"),
    restore: (text) => text.replaceAll("[EMAIL_1]", REDACT_VALUE),
    wantsCanary: () => false,
    usePolicy: () => ({
      acceptableUse: [],
      dataClassification: {
        fromFindings: { pii: "confidential", secret: "restricted" },
        default: "internal",
        acceptHeader: true,
      },
      tools: { allow: ["*"], destructive: [], highImpact: "allow" },
    }),
    describe: () => ({
      guard: "marker",
      markers: [BLOCK_MARKER, REDACT_VALUE, FAIL_MARKER, OUTPUT_BLOCK_MARKER],
    }),
    streamSettings: () => ({ mode: "hold-back", windowChars: 200 }),
  };
}
