import { RampartError } from "../core/index.js";
import type { ChatSegment } from "./chat-input.js";
import type { ContentGuard, GuardContext } from "./guard.js";
import type { RequestRecord } from "./request-record.js";

/**
 * Scans every segment of a request and applies the verdict: block throws a policy violation that
 * names the categories (never the text); redact writes the redacted text back into the request;
 * a scan that could not run fails closed unless the policy says open.
 */
export async function guardInput(
  guard: ContentGuard,
  segments: readonly ChatSegment[],
  context: GuardContext,
  record: RequestRecord,
): Promise<void> {
  await guard.begin(context);
  for (const segment of segments) {
    const result = await guard.scanInput({ text: segment.text, source: segment.source }, context);
    record.addResult("input", result, segment.text);
    if (result.failedClosed) {
      throw new RampartError(
        "scan_failed",
        "the request could not be scanned and the policy fails closed; try again",
      );
    }
    if (result.verdict === "block") {
      const categories = [...new Set(result.findings.map((finding) => finding.category))].join(", ");
      throw new RampartError("policy_violation", `the request was blocked by policy (${categories})`, {
        details: { categories },
      });
    }
    // redaction, and invisible characters stripped by the policy, change the text passed on
    if (result.redactedText !== undefined && result.redactedText !== segment.text)
      segment.write(result.redactedText);
  }
}
