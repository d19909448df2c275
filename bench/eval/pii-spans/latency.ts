import { loadavg } from "node:os";
import type { DetectorInstance } from "../../../src/detect/detector.js";
import { createScanContext } from "../../../src/detect/scan-context.js";

export interface LatencyReport {
  readonly texts: number;
  readonly kilobytes: number;
  /** wall-clock milliseconds per KB, per text (texts of at least 256 characters) */
  readonly p50: number;
  readonly p99: number;
  /** process CPU time per KB over the whole corpus */
  readonly cpuPerKilobyte: number;
  readonly loadAverage: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

/**
 * Latency of `detect` per KB of text. Scan contexts are built beforehand (normalisation is the
 * engine's cost, not the detector's). Wall-clock figures suffer when the machine is shared, so the
 * CPU time and the load average are reported too.
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
    const started = performance.now();
    for (const instance of instances) instance.detect(text, context);
    perKilobyte.push((performance.now() - started) / (text.length / 1024));
    characters += text.length;
  }
  const cpu = process.cpuUsage(cpuBefore);
  perKilobyte.sort((left, right) => left - right);
  const kilobytes = characters / 1024;
  return {
    texts: prepared.length,
    kilobytes,
    p50: percentile(perKilobyte, 0.5),
    p99: percentile(perKilobyte, 0.99),
    cpuPerKilobyte: (cpu.user + cpu.system) / 1000 / kilobytes,
    loadAverage: loadavg()[0] ?? Number.NaN,
  };
}
