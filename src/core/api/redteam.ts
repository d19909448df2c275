import { z } from "zod";
import { endpoint } from "./contract.js";

/**
 * The red team's management endpoints (docs/management-api.md, "Red team"). Runs started through
 * the API execute in the server, in the background; runs saved by `rampart redteam --config` are
 * listed too (their findings stay in their report.json on the machine that ran them).
 */

const rate = z.number().min(0).max(1);

/** A 95% Wilson score interval [low, high]. */
export const confidenceIntervalSchema = z.tuple([rate, rate]);

/** Attack cases, successful attacks, the attack success rate and its 95% interval. */
export const redteamRateSchema = z.object({
  cases: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  asr: rate,
  ci95: confidenceIntervalSchema,
});
export type RedteamRate = z.infer<typeof redteamRateSchema>;

/** running -> finished, or failed (the target answered nothing, the run broke, or the server shut down) */
export const redteamRunStatuses = ["running", "finished", "failed"] as const;
export const redteamRunStatusSchema = z.enum(redteamRunStatuses);
export type RedteamRunStatus = z.infer<typeof redteamRunStatusSchema>;

/** Ids of runs: the API's `rt_...` and the CLI's `rt-...`; no path characters. */
export const redteamRunIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, "must be a red-team run id");

export const redteamRunSummarySchema = z.object({
  id: z.string(),
  status: redteamRunStatusSchema,
  /** the URL attacked (credentials never included) */
  target: z.string(),
  /** the target's id in GET /redteam/targets; null for runs saved by the CLI */
  targetId: z.string().nullable(),
  model: z.string(),
  seed: z.number().int(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** attack cases and successful attacks (0 while running) */
  cases: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  /** attack success rate and its 95% interval; null until finished */
  asr: rate.nullable(),
  asrCi95: confidenceIntervalSchema.nullable(),
  /** share of benign prompts refused; null until finished */
  overRefusalRate: rate.nullable(),
  /** cases the target failed to answer (left out of the rates); null until finished */
  errors: z.number().int().nonnegative().nullable(),
  /** cases done of the run's total; null for runs not started by this server */
  progress: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .nullable(),
  /** why the run failed */
  error: z.string().nullable(),
  /** the admin who started it; null for runs saved by the CLI */
  startedBy: z.object({ keyId: z.string(), role: z.string() }).nullable(),
  /** the gate (failOnAsr), when one was set */
  gatePassed: z.boolean().nullable(),
  /** the full report (findings, cases) is on this server: findings, diff and downloads work */
  reportAvailable: z.boolean(),
});
export type RedteamRunSummary = z.infer<typeof redteamRunSummarySchema>;

/** Runs, newest first (by start). */
export const listRedteamRuns = endpoint({
  method: "GET",
  path: "/api/v1/redteam/runs",
  scope: "redteam:read",
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
  response: z.object({ data: z.array(redteamRunSummarySchema) }),
});

/** One successful attack: what was sent, what came back, and why the grader judged it a success. */
export const redteamFindingSchema = z.object({
  /** the case id: `<probe>-<nn>~<strategy>` */
  id: z.string(),
  probe: z.string(),
  probeClass: z.string(),
  strategy: z.string(),
  owasp: z.array(z.string()),
  atlas: z.array(z.string()),
  severity: z.string(),
  prompt: z.string(),
  response: z.string(),
  grader: z.string(),
  /** a finding is an attack the grader judged successful (failed attacks are not findings) */
  verdict: z.literal("success"),
  confidence: z.number().min(0).max(1),
  /** what the grader saw ("canary ... echoed"); null when the grader gives no detail */
  reason: z.string().nullable(),
});
export type RedteamFinding = z.infer<typeof redteamFindingSchema>;

export const redteamRunDetailSchema = z.object({
  run: redteamRunSummarySchema,
  /** probe ids and strategies of the run (empty while it runs, or without a report) */
  probes: z.array(z.string()),
  strategies: z.array(z.string()),
  /** by OWASP LLM 2025 category (LLM01...), by strategy and by weakness class */
  byCategory: z.record(z.string(), redteamRateSchema),
  byStrategy: z.record(z.string(), redteamRateSchema),
  byProbeClass: z.record(z.string(), redteamRateSchema),
  /** one page of the findings, sorted by case id, after the filters */
  findings: z.object({
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    data: z.array(redteamFindingSchema),
  }),
});
export type RedteamRunDetail = z.infer<typeof redteamRunDetailSchema>;

export const getRedteamRun = endpoint({
  method: "GET",
  path: "/api/v1/redteam/runs/:id",
  scope: "redteam:read",
  params: z.object({ id: redteamRunIdSchema }),
  query: z.object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    /** only findings tagged with this OWASP category */
    owasp: z.string().max(10).optional(),
    /** only findings of this strategy */
    strategy: z.string().max(100).optional(),
  }),
  response: redteamRunDetailSchema,
});

export const redteamCaseChangeSchema = z.object({
  id: z.string(),
  probe: z.string(),
  strategy: z.string(),
  owasp: z.array(z.string()),
});

/** What `rampart redteam diff` computes: attacks that now work (regressions) and that stopped working (fixes). */
export const redteamDiffSchema = z.object({
  base: z.string(),
  head: z.string(),
  regressions: z.array(redteamCaseChangeSchema),
  fixes: z.array(redteamCaseChangeSchema),
  /** cases only in head, and only in base */
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  asrBefore: rate,
  asrAfter: rate,
});
export type RedteamDiff = z.infer<typeof redteamDiffSchema>;

export const diffRedteamRuns = endpoint({
  method: "GET",
  path: "/api/v1/redteam/diff",
  scope: "redteam:read",
  query: z.object({ base: redteamRunIdSchema, head: redteamRunIdSchema }),
  response: redteamDiffSchema,
});

/** Where a run can be aimed: this gateway (with the policy in front) or one of its upstreams directly. */
export const redteamTargetSchema = z.object({
  /** "gateway" or "upstream:<name>" */
  id: z.string(),
  kind: z.enum(["gateway", "upstream"]),
  name: z.string(),
  /** the base URL the run calls (credentials never included) */
  url: z.string(),
  /** model names and patterns ("*", "llama-*") it serves, and its aliases */
  models: z.array(z.string()),
  /** used when the request names no model; null when the target has only patterns */
  defaultModel: z.string().nullable(),
});
export type RedteamTarget = z.infer<typeof redteamTargetSchema>;

export const listRedteamTargets = endpoint({
  method: "GET",
  path: "/api/v1/redteam/targets",
  scope: "redteam:read",
  response: z.object({
    data: z.array(redteamTargetSchema),
    /** probe packs, for the `probes` field (packs, probe ids, base-case ids, classes and LLM0x also work) */
    probePacks: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        probes: z.array(z.string()),
        baseCases: z.number().int().nonnegative(),
      }),
    ),
    strategies: z.array(z.object({ id: z.string(), description: z.string() })),
    defaultStrategies: z.array(z.string()),
  }),
});

export const startRedteamRunBodySchema = z.strictObject({
  /** a target id from GET /redteam/targets */
  target: z.string().min(1).max(200),
  /** the model name sent; default: the target's defaultModel */
  model: z.string().min(1).max(200).optional(),
  /** packs, probe ids, base-case ids, classes or OWASP ids; default all */
  probes: z.array(z.string().min(1).max(200)).min(1).max(100).optional(),
  /** strategy ids or "all"; default none, base64, role-play, crescendo */
  strategies: z.array(z.string().min(1).max(100)).min(1).max(20).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  /** requests in flight (default 4) */
  concurrency: z.number().int().min(1).max(16).optional(),
  /** your system prompt (a secret line is appended); default a built-in support-bot prompt */
  systemPrompt: z.string().min(1).max(32_000).optional(),
  /** the gate: gatePassed is false when the ASR is above this */
  failOnAsr: z.number().min(0).max(1).optional(),
  /** gateway target only: the app of the run's temporary gateway key, so the app's policy applies */
  app: z.string().min(1).max(200).optional(),
});
export type StartRedteamRunBody = z.infer<typeof startRedteamRunBodySchema>;

/** Starts a run in the background; answers at once with the run (status running). Poll GET /runs/:id. */
export const startRedteamRun = endpoint({
  method: "POST",
  path: "/api/v1/redteam/runs",
  scope: "redteam:run",
  body: startRedteamRunBodySchema,
  response: redteamRunSummarySchema,
  status: 201,
});

/**
 * A run's report as a file (plain route, not a JSON endpoint): `GET` this path with
 * `?format=json|html|md|sarif|junit` (redteam:read); answered as an attachment.
 */
export const redteamReportDownload = {
  method: "GET",
  path: "/api/v1/redteam/runs/:id/report",
  scope: "redteam:read",
  formats: ["json", "html", "md", "sarif", "junit"],
} as const;
