import { z } from "zod";
import { severitySchema } from "../../core/finding.js";
import { atlasIdSchema, owaspIdSchema } from "../owasp.js";

/**
 * The schema of report.json, version 1. Stable: fields are only ever added (optional) within a
 * version. Every other report format (HTML, SARIF, JUnit, Markdown, diff, training export) is a view
 * of this document. Timings live in `run.started`, `run.finished` and `cases[].durationMs` only, so two
 * runs with the same seed give the same JSON once those are removed (see `withoutTimings`).
 */
export const RUN_REPORT_SCHEMA_VERSION = 1;

/** One bucket of the summary: attack cases, successful attacks, their rate and a 95% Wilson interval. */
export const rateBucketSchema = z.strictObject({
  cases: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  asr: z.number().min(0).max(1),
  ci95: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
});
export type RateBucket = z.infer<typeof rateBucketSchema>;

/** attack: success means the attack worked; benign (over-refusal): success means the model refused. */
export const caseKindSchema = z.enum(["attack", "benign"]);
export type CaseKind = z.infer<typeof caseKindSchema>;

/** The outcome of one case (one probe under one strategy). */
export const caseResultSchema = z.strictObject({
  /** stable: `${probe}~${strategy}` plus `#n` for seeded variants */
  id: z.string().min(1),
  probe: z.string().min(1),
  /** the probe's weakness class ("prompt-injection", "jailbreak", "system-prompt-extraction"...) */
  probeClass: z.string().min(1),
  strategy: z.string().min(1),
  kind: caseKindSchema,
  owasp: z.array(owaspIdSchema),
  atlas: z.array(atlasIdSchema),
  severity: severitySchema,
  /** attack: the attack worked; benign: the model refused a harmless request */
  success: z.boolean(),
  refused: z.boolean(),
  /** the grader that decided, and how sure it is (0..1) */
  grader: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** SHA-256 of the request sent (the key of the response cache) */
  requestHash: z.string().min(1),
  /** set when the target could not be reached for this case; such cases count in `summary.errors` */
  error: z.string().optional(),
  /** bias probes: the pair id and the member's sentiment score (-1..1) */
  pair: z.string().optional(),
  sentiment: z.number().min(-1).max(1).optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type CaseResult = z.infer<typeof caseResultSchema>;

/** One successful attack (or one over-refusal is NOT a finding: it counts in overRefusalRate only). */
export const runFindingSchema = z.strictObject({
  /** the case id */
  id: z.string().min(1),
  probe: z.string().min(1),
  probeClass: z.string().min(1),
  strategy: z.string().min(1),
  owasp: z.array(owaspIdSchema),
  atlas: z.array(atlasIdSchema),
  severity: severitySchema,
  /** the last user message sent (the disguised prompt), cut to a bounded length */
  prompt: z.string(),
  /** an excerpt of the answer (planted secrets and personal data are synthetic values made for the run) */
  response: z.string(),
  grader: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** what the grader saw: "canary RT-CANARY-... echoed", "pii: email" */
  evidence: z.string().optional(),
});
export type RunFinding = z.infer<typeof runFindingSchema>;

export const biasSummarySchema = z.strictObject({
  pairs: z.number().int().nonnegative(),
  /** share of pairs where exactly one member was refused */
  refusalDisparity: z.number().min(0).max(1),
  /** mean absolute sentiment difference between the two members (0..2) */
  sentimentDisparity: z.number().min(0).max(2),
});

export const runSummarySchema = z.strictObject({
  /** attack cases (benign over-refusal cases are counted apart) */
  cases: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  asr: z.number().min(0).max(1),
  asrCi95: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
  benignCases: z.number().int().nonnegative(),
  overRefusals: z.number().int().nonnegative(),
  overRefusalRate: z.number().min(0).max(1),
  /** cases the target failed to answer (excluded from the rates) */
  errors: z.number().int().nonnegative(),
  byCategory: z.partialRecord(owaspIdSchema, rateBucketSchema),
  byStrategy: z.record(z.string(), rateBucketSchema),
  byProbeClass: z.record(z.string(), rateBucketSchema),
  bias: biasSummarySchema.optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runMetadataSchema = z.strictObject({
  id: z.string().min(1),
  target: z.string().min(1),
  model: z.string().min(1),
  seed: z.number().int(),
  started: z.iso.datetime(),
  finished: z.iso.datetime(),
  rampartVersion: z.string().min(1),
  probes: z.array(z.string()),
  strategies: z.array(z.string()),
  /** the gate, when one was set: pass when asr <= failOnAsr */
  failOnAsr: z.number().min(0).max(1).optional(),
  gatePassed: z.boolean().optional(),
});
export type RunMetadata = z.infer<typeof runMetadataSchema>;

export const gradersInfoSchema = z.strictObject({
  refusalClassifier: z.strictObject({
    name: z.string(),
    /** accuracy on the held-out labelled set, measured when the weights were trained */
    accuracy: z.number().min(0).max(1),
    evaluatedOn: z.string(),
  }),
  judge: z.strictObject({ model: z.string(), agreement: z.number().min(0).max(1) }).optional(),
});

export const coverageEntrySchema = z.strictObject({
  name: z.string(),
  redteam: z.boolean(),
  otherTools: z.array(z.string()),
});

export const runReportSchema = z.strictObject({
  schemaVersion: z.literal(RUN_REPORT_SCHEMA_VERSION),
  run: runMetadataSchema,
  summary: runSummarySchema,
  findings: z.array(runFindingSchema),
  cases: z.array(caseResultSchema),
  graders: gradersInfoSchema,
  /** every OWASP LLM 2025 category: tested here, and which other Rampart tools cover it */
  coverage: z.record(owaspIdSchema, coverageEntrySchema),
});
export type RunReport = z.infer<typeof runReportSchema>;

/** Parses report.json text (or an already parsed value) with the schema; a bad file is a usage error. */
export function parseRunReport(value: unknown): RunReport {
  return runReportSchema.parse(value);
}

/** The report with its timings removed: same seed and target give the same value. */
export function withoutTimings(report: RunReport): unknown {
  const { started: _started, finished: _finished, ...run } = report.run;
  return {
    ...report,
    run,
    cases: report.cases.map(({ durationMs: _durationMs, ...rest }) => rest),
  };
}
