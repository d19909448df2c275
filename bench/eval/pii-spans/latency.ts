import { loadavg } from "node:os";
import type { DetectorInstance } from "../../../src/detect/detector.js";
import { createScanContext } from "../../../src/detect/scan-context.js";

export interface LatencyReport {
  readonly texts: number;
  readonly kilobytes: number;
  /** wall-clock milliseconds per KB, per text, best of REPEATS runs (texts of at least 256 characters) */
  readonly p50: number;
  readonly p99: number;
  /** process CPU time per KB over the whole corpus */
  readonly cpuPerKilobyte: number;
  readonly loadAverage: number;
}

/** Each text is scanned this many times and the fastest run is kept (scheduling noise removed). */
export const REPEATS = 5;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

/**
 * Latency of `detect` per KB of text. Scan contexts are built beforehand (normalisation is the
 * engine's cost, not the detector's). Wall-clock figures suffer when the machine is shared, so the
 * fastest of several runs per text, the CPU time over all runs and the load average are reported.
 */
export function measureLatency(
  instances: readonly DetectorInstance[],
  texts: readonly string[],
): LatencyReport {
  const prepared = texts
    .filter((text) => text.length >= 256)
    .map((text) => ({ text, context: createScanContext(text, { direction: "input" }) }));
  for (const { text, context } of prepared.slice(0, 50))
    for (const instance of instances) instance.detect(text, context);
  const perKilobyte: number[] = [];
  let characters = 0;
  const cpuBefore = process.cpuUsage();
  for (const { text, context } of prepared) {
    let best = Number.POSITIVE_INFINITY;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const started = performance.now();
      for (const instance of instances) instance.detect(text, context);
      best = Math.min(best, performance.now() - started);
    }
    perKilobyte.push(best / (text.length / 1024));
    characters += text.length * REPEATS;
  }
  const cpu = process.cpuUsage(cpuBefore);
  perKilobyte.sort((left, right) => left - right);
  const kilobytes = characters / 1024;
  const scannedOnce = kilobytes / REPEATS;
  return {
    texts: prepared.length,
    kilobytes: scannedOnce,
    p50: percentile(perKilobyte, 0.5),
    p99: percentile(perKilobyte, 0.99),
    cpuPerKilobyte: (cpu.user + cpu.system) / 1000 / kilobytes,
    loadAverage: loadavg()[0] ?? Number.NaN,
  };
}
