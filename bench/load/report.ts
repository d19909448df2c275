import { markdownTable } from "../lib/benchmarks-doc.js";
import type { LoadResult } from "./load-protocol.js";
import { formatNumber as format, median } from "./statistics.js";

/** Turns the runs of the gateway benchmark into tables (console and docs/benchmarks.md). */

export type TargetPath = "direct" | "rampart";

/**
 * fixed-rate: open loop at a fixed rate; sequential: one request at a time (latency without
 * queueing); throughput: closed loop with many requests in flight.
 */
export const RUN_KINDS = ["fixed-rate", "sequential", "throughput"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export interface Measurement {
  round: number;
  kind: RunKind;
  stream: boolean;
  path: TargetPath;
  result: LoadResult;
  /** CPU ms of the gateway process during the run (through Rampart only) */
  gatewayCpuMs: number;
  /** CPU ms of the simulator process during the run */
  simulatorCpuMs: number;
}

/** Targets of the gateway issue. */
export const TARGETS = { addedP50Ms: 1, addedP99Ms: 3, throughputRatio: 0.4 };

type Row = (string | number)[];
const answerName = (stream: boolean) => (stream ? "stream" : "JSON");
const mark = (ok: boolean) => (ok ? "met" : "**missed**");

function select(measurements: readonly Measurement[], kind: RunKind, stream: boolean, path: TargetPath) {
  return measurements.filter((item) => item.kind === kind && item.stream === stream && item.path === path);
}

/** The median over rounds of one number of a run. */
function med(items: readonly Measurement[], pick: (item: Measurement) => number): number {
  return median(items.map(pick));
}

/** "p50 / p99" of a summary, medians over rounds. */
function pair(
  items: readonly Measurement[],
  pick: (result: LoadResult) => { p50: number; p99: number } | null,
) {
  if (items.some((item) => pick(item.result) === null)) return "n/a";
  return `${format(med(items, (item) => pick(item.result)?.p50 ?? 0))} / ${format(med(items, (item) => pick(item.result)?.p99 ?? 0))}`;
}

/** Median over rounds of (through Rampart - direct) within each round. */
function withinRound(
  direct: readonly Measurement[],
  rampart: readonly Measurement[],
  pick: (result: LoadResult) => number,
  combine: (through: number, direct: number) => number = (through, same) => through - same,
): number {
  const values = rampart.flatMap((through) => {
    const same = direct.find((item) => item.round === through.round);
    return same === undefined ? [] : [combine(pick(through.result), pick(same.result))];
  });
  return median(values);
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? "none" : entries.map(([name, count]) => `${name} ${count}`).join(", ");
}

function failures(items: readonly Measurement[]): string {
  const total: Record<string, number> = {};
  for (const item of items) {
    for (const [name, count] of Object.entries(item.result.failures))
      total[name] = (total[name] ?? 0) + count;
  }
  return counts(total);
}

function verdicts(items: readonly Measurement[]): string {
  const total: Record<string, number> = {};
  for (const item of items) {
    for (const [name, count] of Object.entries(item.result.verdicts))
      total[name] = (total[name] ?? 0) + count;
  }
  return counts(total);
}

/**
 * Server CPU per answered request: the gateway's through Rampart, the simulator's directly. The
 * CPU is read around the whole load generator run, so the warm-up answers count as well.
 */
function cpuPerRequest(items: readonly Measurement[]): string {
  return format(
    med(
      items,
      (item) =>
        (item.path === "rampart" ? item.gatewayCpuMs : item.simulatorCpuMs) /
        Math.max(1, item.result.ok + item.result.warmupOk),
    ),
  );
}

export interface Tables {
  fixedRate: string;
  added: string;
  sequential: string;
  throughput: string;
  targetsMet: { latency: boolean; throughput: boolean };
}

export function buildTables(measurements: readonly Measurement[]): Tables {
  const fixedRows: Row[] = [];
  const addedRows: Row[] = [];
  const sequentialRows: Row[] = [];
  const throughputRows: Row[] = [];
  let latencyMet = true;
  let throughputMet = true;
  for (const stream of [false, true]) {
    for (const path of ["direct", "rampart"] as const) {
      const items = select(measurements, "fixed-rate", stream, path);
      if (items.length === 0) continue;
      const ok = items.reduce((sum, item) => sum + item.result.ok, 0);
      const sent = items.reduce((sum, item) => sum + item.result.sent, 0);
      fixedRows.push([
        answerName(stream),
        path === "direct" ? "direct" : "through Rampart",
        `${ok} / ${sent}`,
        format(med(items, (item) => item.result.latencyMs.p50)),
        format(med(items, (item) => item.result.latencyMs.p99)),
        pair(items, (result) => result.firstByteMs),
        pair(items, (result) => result.overheadMs),
        cpuPerRequest(items),
        failures(items),
      ]);
    }
    const direct = select(measurements, "fixed-rate", stream, "direct");
    const rampart = select(measurements, "fixed-rate", stream, "rampart");
    if (direct.length > 0 && rampart.length > 0) {
      const addedP50 = withinRound(direct, rampart, (result) => result.latencyMs.p50);
      const addedP99 = withinRound(direct, rampart, (result) => result.latencyMs.p99);
      const met = addedP50 <= TARGETS.addedP50Ms && addedP99 <= TARGETS.addedP99Ms;
      latencyMet &&= met;
      addedRows.push([
        answerName(stream),
        format(addedP50),
        format(addedP99),
        `${format(withinRound(direct, rampart, (result) => result.firstByteMs.p50))} / ${format(withinRound(direct, rampart, (result) => result.firstByteMs.p99))}`,
        verdicts(rampart),
        mark(met),
      ]);
    }
    const oneDirect = select(measurements, "sequential", stream, "direct");
    const oneRampart = select(measurements, "sequential", stream, "rampart");
    if (oneDirect.length > 0 && oneRampart.length > 0) {
      sequentialRows.push([
        answerName(stream),
        pair(oneDirect, (result) => result.latencyMs),
        pair(oneRampart, (result) => result.latencyMs),
        `${format(withinRound(oneDirect, oneRampart, (result) => result.latencyMs.p50))} / ${format(withinRound(oneDirect, oneRampart, (result) => result.latencyMs.p99))}`,
        pair(oneRampart, (result) => result.overheadMs),
        `${cpuPerRequest(oneDirect)} / ${cpuPerRequest(oneRampart)}`,
        failures([...oneDirect, ...oneRampart]),
      ]);
    }
    const manyDirect = select(measurements, "throughput", stream, "direct");
    const manyRampart = select(measurements, "throughput", stream, "rampart");
    if (manyDirect.length > 0 && manyRampart.length > 0) {
      const ratio = withinRound(
        manyDirect,
        manyRampart,
        (result) => result.throughputPerSecond,
        (through, same) => through / same,
      );
      const met = ratio >= TARGETS.throughputRatio;
      throughputMet &&= met;
      throughputRows.push([
        answerName(stream),
        format(med(manyDirect, (item) => item.result.throughputPerSecond)),
        format(med(manyRampart, (item) => item.result.throughputPerSecond)),
        `${format(ratio * 100)} %`,
        pair(manyDirect, (result) => result.latencyMs),
        pair(manyRampart, (result) => result.latencyMs),
        `${cpuPerRequest(manyDirect)} / ${cpuPerRequest(manyRampart)}`,
        failures([...manyDirect, ...manyRampart]),
        mark(met),
      ]);
    }
  }
  return {
    fixedRate: markdownTable(
      [
        "answer",
        "path",
        "ok / sent",
        "p50 ms",
        "p99 ms",
        "first byte p50 / p99 ms",
        "x-rampart-overhead-ms p50 / p99",
        "server CPU ms per request",
        "failures",
      ],
      fixedRows,
    ),
    added: markdownTable(
      [
        "answer",
        "added p50 ms",
        "added p99 ms",
        "added first byte p50 / p99 ms",
        "verdicts",
        "target (p50 <= 1, p99 <= 3)",
      ],
      addedRows,
    ),
    sequential: markdownTable(
      [
        "answer",
        "direct p50 / p99 ms",
        "through Rampart p50 / p99 ms",
        "added p50 / p99 ms",
        "x-rampart-overhead-ms p50 / p99",
        "server CPU ms per request, simulator / gateway",
        "failures",
      ],
      sequentialRows,
    ),
    throughput: markdownTable(
      [
        "answer",
        "direct req/s",
        "through Rampart req/s",
        "ratio",
        "direct p50 / p99 ms",
        "through Rampart p50 / p99 ms",
        "server CPU ms per request, simulator / gateway",
        "failures",
        "target (>= 40 %)",
      ],
      throughputRows,
    ),
    targetsMet: { latency: latencyMet, throughput: throughputMet },
  };
}
