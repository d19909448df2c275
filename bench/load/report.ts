import { markdownTable } from "../lib/benchmarks-doc.js";
import type { LoadResult } from "./load-protocol.js";
import { formatNumber as format, median } from "./statistics.js";

/** Turns the runs of the gateway benchmark into tables (console and docs/benchmarks.md). */

export type TargetPath = "direct" | "rampart";

export interface Measurement {
  round: number;
  mode: LoadResult["mode"];
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

const answerName = (stream: boolean) => (stream ? "stream" : "JSON");

function select(
  measurements: readonly Measurement[],
  mode: LoadResult["mode"],
  stream: boolean,
  path: TargetPath,
) {
  return measurements.filter((item) => item.mode === mode && item.stream === stream && item.path === path);
}

/** The median over rounds of one number of a run. */
function med(items: readonly Measurement[], pick: (item: Measurement) => number): number {
  return median(items.map(pick));
}

/** Median over rounds of (through Rampart - direct) within each round. */
function addedWithinRound(
  direct: readonly Measurement[],
  rampart: readonly Measurement[],
  pick: (result: LoadResult) => number,
): number {
  const differences = rampart.flatMap((through) => {
    const same = direct.find((item) => item.round === through.round);
    return same === undefined ? [] : [pick(through.result) - pick(same.result)];
  });
  return median(differences);
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? "none" : entries.map(([name, count]) => `${name} ${count}`).join(", ");
}

function sumRecords(items: readonly Measurement[], pick: (result: LoadResult) => Record<string, number>) {
  const total: Record<string, number> = {};
  for (const item of items) {
    for (const [name, count] of Object.entries(pick(item.result))) total[name] = (total[name] ?? 0) + count;
  }
  return total;
}

const mark = (ok: boolean) => (ok ? "met" : "**missed**");

export interface Tables {
  latency: string;
  added: string;
  throughput: string;
  targetsMet: { latency: boolean; throughput: boolean };
}

export function buildTables(measurements: readonly Measurement[]): Tables {
  const latencyRows: (string | number)[][] = [];
  const addedRows: (string | number)[][] = [];
  const throughputRows: (string | number)[][] = [];
  let latencyMet = true;
  let throughputMet = true;
  for (const stream of [false, true]) {
    for (const path of ["direct", "rampart"] as const) {
      const items = select(measurements, "fixed-rate", stream, path);
      if (items.length === 0) continue;
      const ok = items.reduce((sum, item) => sum + item.result.ok, 0);
      const sent = items.reduce((sum, item) => sum + item.result.sent, 0);
      const overhead = items.every((item) => item.result.overheadMs !== null)
        ? `${format(med(items, (item) => item.result.overheadMs?.p50 ?? 0))} / ${format(med(items, (item) => item.result.overheadMs?.p99 ?? 0))}`
        : "n/a";
      latencyRows.push([
        answerName(stream),
        path === "direct" ? "direct" : "through Rampart",
        `${ok} / ${sent}`,
        format(med(items, (item) => item.result.latencyMs.p50)),
        format(med(items, (item) => item.result.latencyMs.p99)),
        `${format(med(items, (item) => item.result.firstByteMs.p50))} / ${format(med(items, (item) => item.result.firstByteMs.p99))}`,
        overhead,
        format(
          med(
            items,
            (item) =>
              (item.path === "rampart" ? item.gatewayCpuMs : item.simulatorCpuMs) /
              Math.max(1, item.result.ok),
          ),
        ),
        counts(sumRecords(items, (result) => result.failures)),
      ]);
    }
    const direct = select(measurements, "fixed-rate", stream, "direct");
    const rampart = select(measurements, "fixed-rate", stream, "rampart");
    if (direct.length > 0 && rampart.length > 0) {
      const addedP50 = addedWithinRound(direct, rampart, (result) => result.latencyMs.p50);
      const addedP99 = addedWithinRound(direct, rampart, (result) => result.latencyMs.p99);
      const met = addedP50 <= TARGETS.addedP50Ms && addedP99 <= TARGETS.addedP99Ms;
      latencyMet &&= met;
      addedRows.push([
        answerName(stream),
        format(addedP50),
        format(addedP99),
        `${format(addedWithinRound(direct, rampart, (result) => result.firstByteMs.p50))} / ${format(addedWithinRound(direct, rampart, (result) => result.firstByteMs.p99))}`,
        counts(sumRecords(rampart, (result) => result.verdicts)),
        mark(met),
      ]);
    }
    const closedDirect = select(measurements, "closed-loop", stream, "direct");
    const closedRampart = select(measurements, "closed-loop", stream, "rampart");
    if (closedDirect.length > 0 && closedRampart.length > 0) {
      const directRate = med(closedDirect, (item) => item.result.throughputPerSecond);
      const rampartRate = med(closedRampart, (item) => item.result.throughputPerSecond);
      const ratio = median(
        closedRampart.flatMap((through) => {
          const same = closedDirect.find((item) => item.round === through.round);
          return same === undefined
            ? []
            : [through.result.throughputPerSecond / same.result.throughputPerSecond];
        }),
      );
      const met = ratio >= TARGETS.throughputRatio;
      throughputMet &&= met;
      throughputRows.push([
        answerName(stream),
        format(directRate),
        format(rampartRate),
        `${format(ratio * 100)} %`,
        `${format(med(closedDirect, (item) => item.result.latencyMs.p50))} / ${format(med(closedDirect, (item) => item.result.latencyMs.p99))}`,
        `${format(med(closedRampart, (item) => item.result.latencyMs.p50))} / ${format(med(closedRampart, (item) => item.result.latencyMs.p99))}`,
        format(med(closedRampart, (item) => item.gatewayCpuMs / Math.max(1, item.result.ok))),
        counts(sumRecords([...closedDirect, ...closedRampart], (result) => result.failures)),
        mark(met),
      ]);
    }
  }
  return {
    latency: markdownTable(
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
      latencyRows,
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
    throughput: markdownTable(
      [
        "answer",
        "direct req/s",
        "through Rampart req/s",
        "ratio",
        "direct p50 / p99 ms",
        "Rampart p50 / p99 ms",
        "gateway CPU ms per request",
        "failures",
        "target (>= 40 %)",
      ],
      throughputRows,
    ),
    targetsMet: { latency: latencyMet, throughput: throughputMet },
  };
}
