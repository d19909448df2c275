import { diffRedteamRuns, getRedteamRun } from "@core/api/redteam";
import { z } from "zod";

/** Findings shown per page on a run's page. */
export const FINDINGS_PAGE_SIZE = 25;

const detailQuery = getRedteamRun.query.shape;
const diffQuery = diffRedteamRuns.query.shape;

/**
 * A run page's URL search: the findings' OWASP category and strategy filters (the contract's own
 * fields) and the page offset. A value the contract refuses is dropped, so an edited link still opens.
 */
export const runDetailSearchSchema = z.object({
  owasp: detailQuery.owasp.catch(undefined),
  strategy: detailQuery.strategy.catch(undefined),
  offset: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type RunDetailSearch = z.infer<typeof runDetailSearchSchema>;

/** The diff page's URL search: the base and head runs, each optional until chosen. */
export const runDiffSearchSchema = z.object({
  base: diffQuery.base.optional().catch(undefined),
  head: diffQuery.head.optional().catch(undefined),
});
export type RunDiffSearch = z.infer<typeof runDiffSearchSchema>;
