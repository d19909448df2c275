/**
 * The load generator of the gateway benchmark: a process of its own that sends chat completion
 * requests with 1 KB prompts to one server (the model simulator directly, or Rampart) and prints
 * one JSON line with the results (see load-protocol.ts).
 *
 * Run: `npx tsx bench/load/load-generator.ts '{"origin":"http://127.0.0.1:8788","path":"/v1/chat/completions",
 *   "model":"llama-3.1-8b-instruct","stream":false,"mode":"fixed-rate","durationMs":10000}'`
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import { type LoadOptions, type LoadResult, loadOptionsSchema } from "./load-protocol.js";
import { chatRequestBody } from "./prompts.js";
import { summarize } from "./statistics.js";

/** Most requests in flight in the open loop; beyond it a send is skipped and counted. */
const MAX_IN_FLIGHT = 2_000;
/** Most requests of one closed-loop run (a bound on top of the time limit). */
const MAX_CLOSED_LOOP_REQUESTS = 2_000_000;
/** Index offset of warm-up prompts, so they differ from the measured ones. */
const WARMUP_INDEX_OFFSET = 10_000_000;
/** The end of a complete OpenAI stream. */
const STREAM_END = "data: [DONE]";

interface Outcome {
  /** "ok", or the failure: an HTTP status, "incomplete-stream", an error code */
  outcome: string;
  latencyMs: number;
  firstByteMs: number;
  overheadMs: number | undefined;
  verdict: string | undefined;
}

class Recorder {
  readonly latencies: number[] = [];
  readonly firstBytes: number[] = [];
  readonly overheads: number[] = [];
  readonly failures: Record<string, number> = {};
  readonly verdicts: Record<string, number> = {};
  sent = 0;

  record(result: Outcome): void {
    if (result.verdict !== undefined)
      this.verdicts[result.verdict] = (this.verdicts[result.verdict] ?? 0) + 1;
    if (result.outcome !== "ok") {
      this.failures[result.outcome] = (this.failures[result.outcome] ?? 0) + 1;
      return;
    }
    this.latencies.push(result.latencyMs);
    this.firstBytes.push(result.firstByteMs);
    if (result.overheadMs !== undefined) this.overheads.push(result.overheadMs);
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function errorCode(error: unknown): string {
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return error instanceof Error ? error.name : "error";
}

async function sendOne(pool: Pool, options: LoadOptions, index: number): Promise<Outcome> {
  const body = chatRequestBody(index, options.model, options.stream);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
  const start = performance.now();
  try {
    const response = await pool.request({
      path: options.path,
      method: "POST",
      headers,
      body,
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
    });
    let firstByte: number | undefined;
    let tail = "";
    for await (const chunk of response.body) {
      firstByte ??= performance.now();
      // keep only the end of the body: enough to see the stream's last event
      tail = (tail + (chunk as Buffer).toString("latin1")).slice(-64);
    }
    const end = performance.now();
    const overhead = Number(headerText(response.headers["x-rampart-overhead-ms"]));
    const complete = !options.stream || tail.trimEnd().endsWith(STREAM_END);
    return {
      outcome:
        response.statusCode !== 200 ? String(response.statusCode) : complete ? "ok" : "incomplete-stream",
      latencyMs: end - start,
      firstByteMs: (firstByte ?? end) - start,
      overheadMs: Number.isFinite(overhead) ? overhead : undefined,
      verdict: headerText(response.headers["x-rampart-verdict"]),
    };
  } catch (error) {
    const end = performance.now();
    return {
      outcome: errorCode(error),
      latencyMs: end - start,
      firstByteMs: end - start,
      overheadMs: undefined,
      verdict: undefined,
    };
  }
}

interface RunTotals {
  elapsedMs: number;
  maxScheduleLagMs: number;
  skipped: number;
}

/** Open loop: request n leaves at start + n / rate, whether or not earlier answers came back. */
async function fixedRate(
  pool: Pool,
  options: LoadOptions,
  durationMs: number,
  firstIndex: number,
  recorder: Recorder,
): Promise<RunTotals> {
  const intervalMs = 1_000 / options.ratePerSecond;
  const total = Math.max(1, Math.round((options.ratePerSecond * durationMs) / 1_000));
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  const hardStop = start + durationMs + 5_000;
  let next = 0;
  let maxLag = 0;
  let skipped = 0;
  while (next < total && performance.now() < hardStop) {
    const now = performance.now();
    for (; next < total && start + next * intervalMs <= now; next += 1) {
      maxLag = Math.max(maxLag, now - (start + next * intervalMs));
      if (inFlight.size >= MAX_IN_FLIGHT) {
        skipped += 1;
        continue;
      }
      recorder.sent += 1;
      const request: Promise<void> = sendOne(pool, options, firstIndex + next).then((outcome) => {
        recorder.record(outcome);
        inFlight.delete(request);
      });
      inFlight.add(request);
    }
    const wait = start + next * intervalMs - performance.now();
    if (next < total) await sleep(Math.max(0, wait));
  }
  await Promise.all(inFlight);
  return { elapsedMs: performance.now() - start, maxScheduleLagMs: maxLag, skipped };
}

/** Closed loop: `concurrency` workers, each sends its next request when the previous one answered. */
async function closedLoop(
  pool: Pool,
  options: LoadOptions,
  durationMs: number,
  firstIndex: number,
  recorder: Recorder,
): Promise<RunTotals> {
  const start = performance.now();
  const deadline = start + durationMs;
  let index = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && index < MAX_CLOSED_LOOP_REQUESTS) {
      const own = index;
      index += 1;
      recorder.sent += 1;
      recorder.record(await sendOne(pool, options, firstIndex + own));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { elapsedMs: performance.now() - start, maxScheduleLagMs: 0, skipped: 0 };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.origin, {
    connections: options.mode === "closed-loop" ? options.concurrency : 64,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  });
  try {
    const run = options.mode === "fixed-rate" ? fixedRate : closedLoop;
    const warmup = new Recorder();
    if (options.warmupMs > 0) {
      await run(pool, options, options.warmupMs, WARMUP_INDEX_OFFSET + options.firstIndex, warmup);
    }
    const recorder = new Recorder();
    const totals = await run(pool, options, options.durationMs, options.firstIndex, recorder);
    return {
      mode: options.mode,
      stream: options.stream,
      elapsedMs: totals.elapsedMs,
      sent: recorder.sent,
      ok: recorder.latencies.length,
      warmupOk: warmup.latencies.length,
      failures: recorder.failures,
      verdicts: recorder.verdicts,
      throughputPerSecond: recorder.latencies.length / (totals.elapsedMs / 1_000),
      latencyMs: summarize(recorder.latencies),
      firstByteMs: summarize(recorder.firstBytes),
      overheadMs: recorder.overheads.length === 0 ? null : summarize(recorder.overheads),
      maxScheduleLagMs: totals.maxScheduleLagMs,
      skipped: totals.skipped,
    };
  } finally {
    await pool.close();
  }
}

async function main(): Promise<void> {
  const argument = process.argv[2];
  if (argument === undefined) {
    process.stderr.write("usage: load-generator.ts '<options JSON>' (see bench/load/load-protocol.ts)\n");
    process.exitCode = 2;
    return;
  }
  const options = loadOptionsSchema.parse(JSON.parse(argument));
  const result = await runLoad(options);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
