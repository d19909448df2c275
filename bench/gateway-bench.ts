/**
 * Gateway latency and throughput: the model simulator (zero think time), Rampart in front of it,
 * and a load generator, each a process of its own on 127.0.0.1, with 1 KB benign prompts.
 *
 * 1. Fixed rate (open loop, 100 requests/s): p50 and p99 latency direct and through Rampart, JSON
 *    and streaming (time to last byte, and to first byte), the added milliseconds, and the
 *    x-rampart-overhead-ms header.
 * 2. One request at a time: the added latency without queueing, and the server CPU per request.
 * 3. Maximum throughput (closed loop, 32 in flight): requests/s direct and through Rampart.
 * 4. The gateway without detectors (a policy that extends none), at the fixed rate and at maximum
 *    throughput: what the gateway costs by itself (HTTP both ways, keys, limits, the audit commit).
 *
 * Run: `npm run bench:gateway` (builds dist/ first; writes the "gateway-latency" section of
 * docs/benchmarks.md). Flags: --no-build, --no-write, --duration-ms N (default 10000),
 * --rounds N (default 1; medians over rounds), --cpu-prof DIR (profile the gateway; only runs
 * through Rampart; never writes the docs), --answers json,stream and
 * --runs fixed-rate,sequential,throughput (a subset; the docs are written only for the full set),
 * --no-floor (skip the runs without detectors).
 */
import { readdirSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { markdownTable, updateBenchmarksSection } from "./lib/benchmarks-doc.js";
import { type LoadOptionsInput, type LoadResult, loadResultSchema } from "./load/load-protocol.js";
import { runCommand } from "./load/processes.js";
import {
  type ActivePolicy,
  activePolicy,
  BENCH_MODEL,
  type BenchEnvironment,
  buildRampart,
  cpuMsOf,
  startEnvironment,
} from "./load/rampart-setup.js";
import { buildTables, type Measurement, RUN_KINDS, type RunKind, type TargetPath } from "./load/report.js";
import { checkSampleAnswers, type SampleCheck } from "./load/sample-check.js";
import { formatNumber, median } from "./load/statistics.js";
import { readCpuProfile, renderSummary, summarizeProfile } from "./load/summarize-cpu-profile.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values: flags } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    "duration-ms": { type: "string", default: "10000" },
    rounds: { type: "string", default: "1" },
    "cpu-prof": { type: "string" },
    answers: { type: "string", default: "json,stream" },
    runs: { type: "string", default: RUN_KINDS.join(",") },
    "no-floor": { type: "boolean", default: false },
  },
});
const durationMs = Math.min(60_000, Math.max(1_000, Number(flags["duration-ms"]) || 10_000));
const rounds = Math.min(5, Math.max(1, Math.floor(Number(flags.rounds)) || 1));
const cpuProfileDir = flags["cpu-prof"];
const answers = flags.answers.split(",").map((answer) => answer.trim() === "stream");
const kinds = RUN_KINDS.filter((kind) => flags.runs.split(",").includes(kind));
const FIXED_RATE_PER_SECOND = 100;
const CONCURRENCY = 32;
/** the sequential runs (one request at a time) last at most this long */
const SEQUENTIAL_MS = 5_000;

/** A policy without detectors: what the gateway costs by itself. */
const NO_DETECTORS_POLICY = { version: 1, extends: "none" };

/** One run of the gateway without detectors (path "rampart") or of its simulator directly. */
interface FloorMeasurement {
  round: number;
  kind: "fixed-rate" | "throughput";
  stream: boolean;
  path: TargetPath;
  result: LoadResult;
  gatewayCpuMs: number;
}

async function runLoadGenerator(options: LoadOptionsInput): Promise<LoadResult> {
  const timeoutMs = options.durationMs + (options.warmupMs ?? 2_000) + 60_000;
  const output = await runCommand(
    process.execPath,
    ["--import", "tsx", "bench/load/load-generator.ts", JSON.stringify(options)],
    root,
    timeoutMs,
  );
  const lastLine = output.trim().split("\n").at(-1) ?? "";
  return loadResultSchema.parse(JSON.parse(lastLine));
}

async function measure(
  environment: BenchEnvironment,
  round: number,
  kind: RunKind,
  stream: boolean,
  path: TargetPath,
): Promise<Measurement> {
  const throughRampart = path === "rampart";
  const gatewayBefore = cpuMsOf(environment.gateway);
  const simulatorBefore = cpuMsOf(environment.simulator);
  const result = await runLoadGenerator({
    origin: throughRampart ? environment.gatewayOrigin : environment.simulatorOrigin,
    path: "/v1/chat/completions",
    ...(throughRampart ? { apiKey: environment.gatewayKey } : {}),
    model: BENCH_MODEL,
    stream,
    mode: kind === "fixed-rate" ? "fixed-rate" : "closed-loop",
    ratePerSecond: FIXED_RATE_PER_SECOND,
    concurrency: kind === "sequential" ? 1 : CONCURRENCY,
    durationMs: kind === "sequential" ? Math.min(durationMs, SEQUENTIAL_MS) : durationMs,
    warmupMs: 2_000,
    firstIndex: round * 1_000_000 + (stream ? 500_000 : 0),
  });
  const measurement: Measurement = {
    round,
    kind,
    stream,
    path,
    result,
    gatewayCpuMs: throughRampart ? cpuMsOf(environment.gateway) - gatewayBefore : 0,
    simulatorCpuMs: cpuMsOf(environment.simulator) - simulatorBefore,
  };
  const latency = result.latencyMs;
  process.stderr.write(
    `round ${round + 1} ${kind} ${stream ? "stream" : "JSON"} ${path}: ${result.ok}/${result.sent} ok, ` +
      `${result.throughputPerSecond.toFixed(0)} req/s, p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms` +
      `${Object.keys(result.failures).length > 0 ? `, failures ${JSON.stringify(result.failures)}` : ""}\n`,
  );
  return measurement;
}

/** The gateway without detectors: fixed rate (direct and through it) and maximum throughput through it. */
async function measureFloor(environment: BenchEnvironment, round: number): Promise<FloorMeasurement[]> {
  const results: FloorMeasurement[] = [];
  for (const kind of ["fixed-rate", "throughput"] as const) {
    for (const stream of [false, true]) {
      const paths: TargetPath[] = kind === "fixed-rate" ? ["direct", "rampart"] : ["rampart"];
      for (const path of paths) {
        const before = cpuMsOf(environment.gateway);
        const result = await runLoadGenerator({
          origin: path === "rampart" ? environment.gatewayOrigin : environment.simulatorOrigin,
          path: "/v1/chat/completions",
          ...(path === "rampart" ? { apiKey: environment.gatewayKey } : {}),
          model: BENCH_MODEL,
          stream,
          mode: kind === "fixed-rate" ? "fixed-rate" : "closed-loop",
          ratePerSecond: FIXED_RATE_PER_SECOND,
          concurrency: CONCURRENCY,
          durationMs,
          warmupMs: 2_000,
          firstIndex: round * 1_000_000 + (stream ? 500_000 : 0) + 250_000,
        });
        const gatewayCpuMs = path === "rampart" ? cpuMsOf(environment.gateway) - before : 0;
        results.push({ round, kind, stream, path, result, gatewayCpuMs });
        process.stderr.write(
          `round ${round + 1} no detectors ${kind} ${stream ? "stream" : "JSON"} ${path}: ${result.ok}/${result.sent} ok, ` +
            `${result.throughputPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(2)} ms, p99 ${result.latencyMs.p99.toFixed(2)} ms\n`,
        );
      }
    }
  }
  return results;
}

/** Median over rounds of a number of one kind of run. */
function medianOf<T extends { kind: string; stream: boolean; path: TargetPath }>(
  items: readonly T[],
  where: Pick<T, "kind" | "stream" | "path">,
  pick: (item: T) => number,
): number {
  return median(
    items
      .filter((item) => item.kind === where.kind && item.stream === where.stream && item.path === where.path)
      .map(pick),
  );
}

/** Median over rounds of (through - direct) within each round, fixed rate. */
function addedWithinRound(
  items: readonly FloorMeasurement[],
  stream: boolean,
  pick: (result: LoadResult) => number,
): number {
  const through = items.filter(
    (item) => item.kind === "fixed-rate" && item.stream === stream && item.path === "rampart",
  );
  return median(
    through.flatMap((item) => {
      const direct = items.find(
        (other) =>
          other.kind === "fixed-rate" &&
          other.stream === stream &&
          other.path === "direct" &&
          other.round === item.round,
      );
      return direct === undefined ? [] : [pick(item.result) - pick(direct.result)];
    }),
  );
}

const perRequest = (cpuMs: number, result: LoadResult) => cpuMs / Math.max(1, result.ok + result.warmupOk);

/**
 * The section about the gateway's own cost, and the per-request budget that the throughput target
 * leaves: the gateway runs on one event loop, so at N requests/s it may spend 1000 / N ms each.
 */
function renderFloor(measurements: readonly Measurement[], floor: readonly FloorMeasurement[]): string {
  const rows = [false, true].map((stream) => {
    const answer = stream ? "stream" : "JSON";
    const direct = medianOf(
      measurements,
      { kind: "throughput", stream, path: "direct" },
      (item) => item.result.throughputPerSecond,
    );
    const bare = medianOf(
      floor,
      { kind: "throughput", stream, path: "rampart" },
      (item) => item.result.throughputPerSecond,
    );
    const full = medianOf(
      measurements,
      { kind: "throughput", stream, path: "rampart" },
      (item) => item.result.throughputPerSecond,
    );
    const bareCpu = medianOf(floor, { kind: "throughput", stream, path: "rampart" }, (item) =>
      perRequest(item.gatewayCpuMs, item.result),
    );
    const fullCpu = medianOf(measurements, { kind: "throughput", stream, path: "rampart" }, (item) =>
      perRequest(item.gatewayCpuMs, item.result),
    );
    const overhead = medianOf(
      floor,
      { kind: "fixed-rate", stream, path: "rampart" },
      (item) => item.result.overheadMs?.p50 ?? Number.NaN,
    );
    const budget = 1_000 / (0.4 * direct);
    return {
      row: [
        answer,
        `${formatNumber(addedWithinRound(floor, stream, (result) => result.latencyMs.p50))} / ${formatNumber(addedWithinRound(floor, stream, (result) => result.latencyMs.p99))}`,
        formatNumber(overhead),
        `${formatNumber(bare)} (${formatNumber((100 * bare) / direct)} %)`,
        formatNumber(bareCpu),
        formatNumber(fullCpu),
        formatNumber(budget),
      ],
      line: `${answer}: 40 % of ${formatNumber(direct)} requests/s direct is ${formatNumber(0.4 * direct)} requests/s, so ${formatNumber(budget)} ms of gateway time per request; the gateway spends ${formatNumber(bareCpu)} ms without detectors and ${formatNumber(fullCpu)} ms with the default policy (${formatNumber(full)} requests/s)`,
    };
  });
  return [
    "### The gateway without detectors (its own cost)",
    "",
    `The same runs through a second gateway whose policy is \`${JSON.stringify(NO_DETECTORS_POLICY)}\` (no detector runs; keys, limits,`,
    "routing, the decision event with its content committed to SQLite, HTTP both ways). Added latency at",
    `${FIXED_RATE_PER_SECOND} requests/s is against its own simulator in the same round; throughput is closed loop with ${CONCURRENCY} in flight`,
    "and compared with the direct throughput above.",
    "",
    markdownTable(
      [
        "answer",
        "added p50 / p99 ms at 100 requests/s",
        "x-rampart-overhead-ms p50",
        "throughput req/s (of direct)",
        "gateway CPU ms per request, no detectors",
        "gateway CPU ms per request, default policy",
        "budget ms per request at 40 % of direct",
      ],
      rows.map((item) => item.row),
    ),
    "",
    "Budget: the gateway handles requests on one event loop, so N requests/s leave it 1000 / N ms each.",
    ...rows.map((item) => `${item.line}.`),
  ].join("\n");
}

function maxLag(measurements: readonly Measurement[]): string {
  const lags = measurements
    .filter((item) => item.kind === "fixed-rate")
    .map((item) => item.result.maxScheduleLagMs);
  return lags.length === 0 ? "n/a" : Math.max(...lags).toFixed(1);
}

function describeMachine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `Node ${process.version}, ${availableParallelism()} cores (${cpu})`;
}

function renderSection(
  measurements: readonly Measurement[],
  policy: ActivePolicy,
  samples: SampleCheck,
  loadBefore: number,
  loadAfter: number,
  floor: readonly FloorMeasurement[],
): string {
  const tables = buildTables(measurements);
  const list = (ids: readonly string[]) =>
    ids.length === 0 ? "none" : ids.map((id) => `\`${id}\``).join(", ");
  return [
    "## Gateway latency and throughput (`bench/gateway-bench.ts`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench:gateway${rounds > 1 ? ` -- --rounds ${rounds}` : ""}\`; ${describeMachine()}.`,
    "The machine has 2 cores, shared by all three processes (model simulator, gateway, load generator)",
    `and by other work: load average ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end, so absolute figures are`,
    "pessimistic, and a process that needs more than its share of a core queues. Everything runs on",
    "127.0.0.1. The upstream is `rampart demo-upstream` (zero think time; a reply of",
    `${samples.replyChars} characters, streamed as one SSE event per token, written at once). The gateway is`,
    "`rampart serve` with SQLite storage, log level warn and the built-in default policy. Every request",
    "carries a different benign English prompt of about 1,000 characters (bench/load/prompts.ts) after a",
    `short system message. Each run: 2 s warm-up, then ${durationMs / 1_000} s measured (sequential runs ${Math.min(durationMs, SEQUENTIAL_MS) / 1_000} s);`,
    `${rounds} round(s), medians over rounds; added figures are differences within a round. Server CPU is the`,
    "gateway's (through Rampart) or the simulator's (direct) user + system time from /proc over the run.",
    "",
    `Detectors of the default policy: input ${list(policy.input)}; output ${list(policy.output)} (${policy.summary}).`,
    `Sample answers through Rampart: ${samples.answers.map((sample) => `${sample.stream ? "stream" : "JSON"} ${sample.status}, verdict ${sample.verdict}, overhead ${sample.overheadMs} ms`).join("; ")}.`,
    `Warm-up before measuring (20 JSON and 20 stream requests alternating, one at a time, statuses in order): ${samples.warmup}.`,
    "",
    `### Latency at a fixed ${FIXED_RATE_PER_SECOND} requests/s (open loop)`,
    "",
    "Latency is send to last byte; first byte is the first body byte. A reply shorter than the",
    "hold-back window is released only when the stream ends, so its first byte comes with its last.",
    "",
    tables.fixedRate,
    "",
    tables.added,
    "",
    `The load generator left its sends at most ${maxLag(measurements)} ms after their scheduled time`,
    "(its own CPU share; latency is measured from the actual send). For a stream, x-rampart-overhead-ms",
    "is sent with the headers, before the answer exists: it covers the request side only.",
    "",
    "### One request at a time (latency without queueing)",
    "",
    tables.sequential,
    "",
    `### Maximum throughput (closed loop, ${CONCURRENCY} requests in flight)`,
    "",
    tables.throughput,
    ...(floor.length === 0 ? [] : ["", renderFloor(measurements, floor)]),
  ].join("\n");
}

/** Prints the summary of the gateway's CPU profile (the newest in the folder), start-up left out. */
function printProfileSummary(directory: string, skipMs: number): void {
  const newest = readdirSync(directory)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => join(directory, name))
    .sort((left, right) => statSync(right).mtimeMs - statSync(left).mtimeMs)[0];
  if (newest === undefined) {
    process.stderr.write(`no .cpuprofile in ${directory} (the gateway did not exit cleanly)\n`);
    return;
  }
  process.stdout.write(`\nCPU profile of the gateway: ${newest} (first ${skipMs} ms left out)\n`);
  process.stdout.write(`${renderSummary(summarizeProfile(readCpuProfile(newest), 15, skipMs))}\n`);
}

let profileSkipMs = 0;

async function main(): Promise<void> {
  if (!flags["no-build"]) {
    process.stderr.write("building dist/ ...\n");
    await buildRampart(root);
  }
  const loadBefore = loadavg()[0] ?? 0;
  const environment = await startEnvironment({ root, cpuProfileDir });
  // stopped from outside: end the simulator and the gateway too
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`${signal}: stopping the simulator and the gateway\n`);
    void environment.close().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const policy = await activePolicy(environment);
    process.stderr.write(`input detectors: ${policy.input.join(", ") || "none"}\n`);
    process.stderr.write(`output detectors: ${policy.output.join(", ") || "none"}\n`);
    const samples = await checkSampleAnswers(environment);
    const paths: TargetPath[] = cpuProfileDir === undefined ? ["direct", "rampart"] : ["rampart"];
    const measurements: Measurement[] = [];
    profileSkipMs = Date.now() - environment.gatewayStartedAt;
    for (let round = 0; round < rounds; round += 1) {
      for (const kind of kinds) {
        for (const stream of answers) {
          for (const path of paths) measurements.push(await measure(environment, round, kind, stream, path));
        }
      }
    }
    const floor: FloorMeasurement[] = [];
    const fullSet = answers.length === 2 && answers[0] !== answers[1] && kinds.length === RUN_KINDS.length;
    if (!flags["no-floor"] && cpuProfileDir === undefined && fullSet) {
      const bare = await startEnvironment({ root, policy: NO_DETECTORS_POLICY });
      try {
        await checkSampleAnswers(bare);
        for (let round = 0; round < rounds; round += 1) floor.push(...(await measureFloor(bare, round)));
      } finally {
        await bare.close();
      }
    }
    const loadAfter = loadavg()[0] ?? 0;
    const section = renderSection(measurements, policy, samples, loadBefore, loadAfter, floor);
    process.stdout.write(`${section}\n`);
    if (!flags["no-write"] && cpuProfileDir === undefined && fullSet) {
      updateBenchmarksSection("gateway-latency", section);
      process.stderr.write("wrote the gateway-latency section of docs/benchmarks.md\n");
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await environment.close();
  }
  if (cpuProfileDir !== undefined) printProfileSummary(cpuProfileDir, profileSkipMs);
}

await main();
