import { cpus, loadavg } from "node:os";

export interface LatencySummary {
  /** the fastest call: the least disturbed by other load on a shared machine */
  readonly best: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
}

/** Milliseconds per KB of text, per call: p50, p99 and the mean over all calls. */
export function perKilobyte(
  samples: ReadonlyArray<{ readonly ms: number; readonly chars: number }>,
): LatencySummary {
  const rates = samples
    .map((sample) => sample.ms / Math.max(0.25, sample.chars / 1024))
    .sort((left, right) => left - right);
  const at = (quantile: number) =>
    rates[Math.min(rates.length - 1, Math.floor(quantile * rates.length))] ?? Number.NaN;
  const totalMs = samples.reduce((sum, sample) => sum + sample.ms, 0);
  const totalKb = samples.reduce((sum, sample) => sum + sample.chars / 1024, 0);
  return {
    best: rates[0] ?? Number.NaN,
    p50: at(0.5),
    p99: at(0.99),
    mean: totalMs / Math.max(1e-9, totalKb),
  };
}

/**
 * Milliseconds for a fixed loop of 10 million multiply-xor steps (FNV-1a), a yardstick that lets a
 * reader scale the figures: it takes about 10-15 ms on an idle current x86 core.
 */
export function referenceLoopMs(): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let hash = 0x811c9dc5;
    for (let index = 0; index < 10_000_000; index++) hash = Math.imul(hash ^ (index & 0xff), 0x01000193);
    best = Math.min(best, performance.now() - started + (hash === 0.5 ? 1 : 0));
  }
  return best;
}

/** One line about the machine, because the figures depend on it (the build machine is shared). */
export function machineNote(): string {
  const [one = 0] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), load average ${one.toFixed(1)} while measuring, reference loop ${referenceLoopMs().toFixed(0)} ms (about 10-15 ms on an idle core), Node ${process.version}`;
}

export function format(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/**
 * Times `run` on every document `rounds` times and keeps each document's fastest call, which is
 * the figure least disturbed by other processes on a shared machine. One warm-up pass first.
 */
export function timeDocuments<Document extends { readonly text: string }>(
  documents: readonly Document[],
  run: (document: Document) => void,
  rounds = 9,
): Array<{ ms: number; chars: number }> {
  for (const document of documents.slice(0, 5)) run(document);
  return documents.map((document) => {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      run(document);
      best = Math.min(best, performance.now() - started);
    }
    return { ms: best, chars: document.text.length };
  });
}
