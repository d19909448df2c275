import { endpointPath } from "@core/api/contract";
import {
  diffRedteamRuns,
  getRedteamRun,
  listRedteamRuns,
  listRedteamTargets,
  redteamReportDownload,
} from "@core/api/redteam";
import { queryOptions } from "@tanstack/react-query";
import { call } from "@/lib/api-client";
import { anyRunning, RUNNING_REFRESH_MS } from "../lib/run-status";
import { FINDINGS_PAGE_SIZE, type RunDetailSearch } from "../lib/search";

/** Runs shown in the list (and offered for a diff). */
const RUNS_LISTED = 100;

/** Hierarchical keys: ['redteam'] covers everything, ['redteam','runs'] every list and detail. */
export const redteamKeys = {
  all: ["redteam"] as const,
  runs: () => ["redteam", "runs"] as const,
  runList: (limit: number) => ["redteam", "runs", "list", { limit }] as const,
  run: (id: string, search: RunDetailSearch) => ["redteam", "runs", "detail", id, search] as const,
  diff: (base: string, head: string) => ["redteam", "diff", base, head] as const,
  targets: () => ["redteam", "targets"] as const,
};

/** Runs, newest first; asked again every second while one is running. */
export const runListQuery = (limit = RUNS_LISTED) =>
  queryOptions({
    queryKey: redteamKeys.runList(limit),
    queryFn: async () => (await call(listRedteamRuns, { query: { limit } })).data,
    refetchInterval: (query) => (anyRunning(query.state.data ?? []) ? RUNNING_REFRESH_MS : false),
  });

/** One run with its rates and one page of findings; asked again every second while it runs. */
export const runDetailQuery = (id: string, search: RunDetailSearch) =>
  queryOptions({
    queryKey: redteamKeys.run(id, search),
    queryFn: () =>
      call(getRedteamRun, {
        params: { id },
        query: {
          offset: search.offset ?? 0,
          limit: FINDINGS_PAGE_SIZE,
          ...(search.owasp === undefined ? {} : { owasp: search.owasp }),
          ...(search.strategy === undefined ? {} : { strategy: search.strategy }),
        },
      }),
    refetchInterval: (query) => (query.state.data?.run.status === "running" ? RUNNING_REFRESH_MS : false),
    // a new filter or page keeps the run on screen until its findings arrive (never another run's)
    placeholderData: (previous) => (previous?.run.id === id ? previous : undefined),
  });

export const runDiffQuery = (base: string, head: string) =>
  queryOptions({
    queryKey: redteamKeys.diff(base, head),
    queryFn: () => call(diffRedteamRuns, { query: { base, head } }),
  });

/** Targets, probe packs and strategies: what the "Start a run" form offers. */
export const targetsQuery = () =>
  queryOptions({
    queryKey: redteamKeys.targets(),
    queryFn: () => call(listRedteamTargets),
    staleTime: 5 * 60_000,
  });

export type ReportFormat = (typeof redteamReportDownload.formats)[number];
export const reportFormats = redteamReportDownload.formats;

export function reportPath(id: string, format: ReportFormat): string {
  return `${endpointPath(redteamReportDownload.path, { id })}?format=${format}`;
}
