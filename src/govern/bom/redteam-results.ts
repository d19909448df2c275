import type { RedTeamRunSummary } from "../compliance/evidence-sources.js";
import type { BomRedteamResult } from "./build-cyclonedx.js";

/** The newest run per model, as BOM quantitative analysis (ASR per OWASP id). */
export function latestRedteamResults(runs: readonly RedTeamRunSummary[]): BomRedteamResult[] {
  const newest = new Map<string, RedTeamRunSummary>();
  for (const run of runs) {
    const seen = newest.get(run.model);
    if (seen === undefined || run.finishedAt > seen.finishedAt) newest.set(run.model, run);
  }
  return [...newest.values()].map((run) => ({
    model: run.model,
    runId: run.id,
    finishedAt: run.finishedAt,
    asrByOwasp: Object.fromEntries(
      Object.entries(run.byOwasp).flatMap(([owasp, bucket]) =>
        bucket === undefined ? [] : [[owasp, bucket.asr]],
      ),
    ),
  }));
}
