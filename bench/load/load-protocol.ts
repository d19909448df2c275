import { z } from "zod";

/**
 * What the benchmark passes to the load generator process (one JSON argument) and what the load
 * generator prints back (one JSON line on stdout). Both sides parse with these schemas.
 */

const summarySchema = z.strictObject({
  count: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
  mean: z.number(),
});

export const loadOptionsSchema = z.strictObject({
  /** origin of the server under load, for example http://127.0.0.1:8787 */
  origin: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+$/, "must be http://127.0.0.1:<port>"),
  /** the request path, /v1/chat/completions */
  path: z.string().startsWith("/"),
  /** a bearer key (through Rampart); none for the upstream directly */
  apiKey: z.string().optional(),
  model: z.string().min(1),
  stream: z.boolean(),
  /** fixed-rate: open loop, sends scheduled by time; closed-loop: `concurrency` requests always in flight */
  mode: z.enum(["fixed-rate", "closed-loop"]),
  ratePerSecond: z.number().positive().max(10_000).default(100),
  concurrency: z.number().int().positive().max(1_024).default(32),
  durationMs: z.number().int().positive().max(120_000),
  warmupMs: z.number().int().nonnegative().max(60_000).default(2_000),
  /** the prompt of request n is benignPrompt(firstIndex + n) */
  firstIndex: z.number().int().nonnegative().default(0),
  /** time for headers and between body bytes of one request */
  requestTimeoutMs: z.number().int().positive().max(60_000).default(10_000),
});
export type LoadOptions = z.infer<typeof loadOptionsSchema>;
export type LoadOptionsInput = z.input<typeof loadOptionsSchema>;

export const loadResultSchema = z.strictObject({
  mode: z.enum(["fixed-rate", "closed-loop"]),
  stream: z.boolean(),
  /** measured wall time, from the first send to the last answer */
  elapsedMs: z.number(),
  sent: z.number(),
  /** 200 answers read to the end (for streams: ending with data: [DONE]) */
  ok: z.number(),
  /** ok answers during the warm-up (not in the figures; server CPU covers them too) */
  warmupOk: z.number(),
  /** failures by HTTP status, "incomplete-stream" or error code */
  failures: z.record(z.string(), z.number()),
  /** x-rampart-verdict values of the answers (empty directly) */
  verdicts: z.record(z.string(), z.number()),
  /** ok answers per second over elapsedMs */
  throughputPerSecond: z.number(),
  /** send to last byte, ok answers only */
  latencyMs: summarySchema,
  /** send to first body byte, ok answers only */
  firstByteMs: summarySchema,
  /** x-rampart-overhead-ms header, when present */
  overheadMs: summarySchema.nullable(),
  /** fixed-rate: the latest a send left after its scheduled time (load generator lag) */
  maxScheduleLagMs: z.number(),
  /** fixed-rate: sends skipped because too many requests were in flight */
  skipped: z.number(),
});
export type LoadResult = z.infer<typeof loadResultSchema>;
