import type { Finding } from "../core/index.js";

function key(finding: Finding): string {
  return `${finding.detector}\u0000${finding.rule}\u0000${finding.type ?? ""}\u0000${finding.start}\u0000${finding.end}`;
}

/**
 * Orders findings by start, end, detector and rule, and keeps one finding per detector, rule,
 * type and span (the highest score): overlapping windows and several views find the same thing.
 */
export function sortAndDedupe(findings: readonly Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const finding of findings) {
    const id = key(finding);
    const earlier = best.get(id);
    if (earlier === undefined || finding.score > earlier.score) best.set(id, finding);
  }
  return [...best.values()].sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      compareText(a.detector, b.detector) ||
      compareText(a.rule, b.rule) ||
      compareText(a.type ?? "", b.type ?? ""),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
