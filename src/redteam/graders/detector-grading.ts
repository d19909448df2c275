import type { Finding } from "../../core/finding.js";
import { createScanner, type Scanner } from "../../detect/engine.js";
import { getDetector } from "../../detect/registry.js";

const scanners = new Map<string, Scanner>();

/** A scanner over some detectors, built once per detector list and shared. */
export function scannerFor(detectorIds: readonly string[]): Scanner {
  const key = [...detectorIds].sort().join(",");
  let scanner = scanners.get(key);
  if (scanner === undefined) {
    // generous budgets: grading runs offline and long answers must be scanned whole
    scanner = createScanner({
      detectors: detectorIds.map((id) => ({ detector: getDetector(id) })),
      timeBudgetMs: 2_000,
      timeBudgetPerKbMs: 20,
    });
    scanners.set(key, scanner);
  }
  return scanner;
}

/** The findings of the output detectors on an answer, with the system prompt and canaries known. */
export function outputFindings(
  text: string,
  detectorIds: readonly string[],
  context: { systemPrompt: string; canaries: readonly string[]; conversation: readonly string[] },
): Finding[] {
  return scannerFor(detectorIds).scan(text, {
    direction: "output",
    source: "assistant",
    systemPrompt: context.systemPrompt,
    canaries: context.canaries,
    conversation: context.conversation,
  }).findings;
}
