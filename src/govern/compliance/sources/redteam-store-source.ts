import { z } from "zod";
import type { RedteamRunRepository } from "../../../store/repositories/redteam-run-repository.js";
import type { RedTeamBucket, RedTeamRunSource, RedTeamRunSummary } from "../evidence-sources.js";

/** Runs read from the store per report; older runs beyond this are not evidence any more. */
const STORED_RUNS_READ = 200;

/** The part of a stored run summary the engine needs: the buckets per OWASP category. */
const storedSummarySchema = z.looseObject({
  byCategory: z
    .record(
      z.string(),
      z.looseObject({
        cases: z.number().int().nonnegative(),
        successes: z.number().int().nonnegative(),
        asr: z.number().min(0).max(1),
      }),
    )
    .default({}),
});

/** Red-team runs saved by `rampart redteam` in the store (table redteam_runs). */
export function redTeamStoreSource(repository: RedteamRunRepository): RedTeamRunSource {
  return {
    async recentRuns() {
      const runs: RedTeamRunSummary[] = [];
      for (const run of await repository.list(STORED_RUNS_READ)) {
        const parsed = storedSummarySchema.safeParse(run.summary);
        if (!parsed.success) continue;
        const byOwasp: Record<string, RedTeamBucket> = {};
        for (const [category, bucket] of Object.entries(parsed.data.byCategory)) {
          byOwasp[category] = { cases: bucket.cases, successes: bucket.successes, asr: bucket.asr };
        }
        runs.push({
          id: run.id,
          finishedAt: run.finishedAt.toISOString(),
          model: run.model,
          target: run.target,
          byOwasp,
          reference: `store:redteam_runs/${run.id}`,
        });
      }
      return runs;
    },
  };
}

/** Several sources as one; a run found in more than one (same id) is counted once. */
export function combinedRedTeamSource(sources: readonly RedTeamRunSource[]): RedTeamRunSource {
  return {
    async recentRuns() {
      const byId = new Map<string, RedTeamRunSummary>();
      for (const source of sources) {
        for (const run of await source.recentRuns()) if (!byId.has(run.id)) byId.set(run.id, run);
      }
      return [...byId.values()];
    },
  };
}
