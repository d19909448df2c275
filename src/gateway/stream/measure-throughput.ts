import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { decodePayload } from "./chunk-schema.js";
import type { StreamScanFunction } from "./scan-ledger.js";
import { createSseParser } from "./sse-parser.js";
import { guardStream } from "./stream-guard.js";
import type { StreamMode } from "./stream-guard-options.js";

/**
 * Measures what the stream guard itself costs: a synthetic vLLM-style stream (one content delta of
 * a few characters per chunk, like one token per event) goes through the guard with a trivial
 * scan, and the loop reports chunks and megabytes of SSE per second. No timing is asserted
 * anywhere; run it on demand:
 *
 *   npx tsx src/gateway/stream/measure-throughput.ts
 */

export interface ThroughputRow {
  readonly label: string;
  readonly chunks: number;
  readonly bytes: number;
  readonly milliseconds: number;
  readonly chunksPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly scannedWindows: number;
}

/** Runs per case; the fastest is reported. */
const REPEATS = 3;

/** Words cycled to build deltas of 1 to 9 characters, as tokens of English text are. */
const WORDS = [
  "The",
  " quick",
  " brown",
  " fox",
  " jumps",
  " over",
  " the",
  " lazy",
  " dog",
  ".",
  " Then",
  " it",
];

export function syntheticStream(chunks: number, readSize: number): Uint8Array[] {
  const encoder = new TextEncoder();
  const frames: string[] = [];
  const base = { id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1732700000, model: "bench" };
  frames.push(
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }] })}\n\n`,
  );
  for (let index = 0; index < chunks; index += 1) {
    const content = WORDS[index % WORDS.length] as string;
    frames.push(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }] })}\n\n`,
    );
  }
  frames.push(
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
  );
  frames.push("data: [DONE]\n\n");
  const bytes = encoder.encode(frames.join(""));
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += readSize)
    parts.push(bytes.subarray(offset, offset + readSize));
  return parts;
}

interface MeasureOptions {
  mode: StreamMode;
  scan: StreamScanFunction;
  windowSize?: number;
  maxBufferBytes?: number;
}

async function* replay(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

export async function measureOnce(
  label: string,
  parts: readonly Uint8Array[],
  chunks: number,
  options: MeasureOptions,
): Promise<ThroughputRow> {
  const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const started = performance.now();
  const stream = guardStream(replay(parts), options);
  let outputLength = 0;
  for await (const frame of stream.frames) outputLength += frame.length;
  const result = await stream.result;
  const milliseconds = performance.now() - started;
  if (outputLength === 0 || result.blocked)
    throw new Error(`the measured stream failed: ${JSON.stringify(result)}`);
  return {
    label,
    chunks,
    bytes,
    milliseconds: Math.round(milliseconds * 10) / 10,
    chunksPerSecond: Math.round(chunks / (milliseconds / 1000)),
    megabytesPerSecond: Math.round((bytes / (1024 * 1024) / (milliseconds / 1000)) * 10) / 10,
    scannedWindows: result.scannedWindows,
  };
}

/** The floor any guard pays: split the events and parse each chunk once (JSON and schema). */
function baseline(label: string, parts: readonly Uint8Array[], chunks: number): ThroughputRow {
  const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const started = performance.now();
  const parser = createSseParser();
  let decoded = 0;
  for (const part of parts) {
    for (const event of parser.push(part))
      if (event.kind === "event" && decodePayload(event.data).kind === "chunk") decoded += 1;
  }
  const milliseconds = performance.now() - started;
  if (decoded < chunks) throw new Error("the baseline decoded too few chunks");
  return {
    label,
    chunks,
    bytes,
    milliseconds: Math.round(milliseconds * 10) / 10,
    chunksPerSecond: Math.round(chunks / (milliseconds / 1000)),
    megabytesPerSecond: Math.round((bytes / (1024 * 1024) / (milliseconds / 1000)) * 10) / 10,
    scannedWindows: 0,
  };
}

export async function measureStreamGuardThroughput(chunks = 100_000): Promise<ThroughputRow[]> {
  const syncScan: StreamScanFunction = () => ({ verdict: "allow", categories: [] });
  const asyncScan: StreamScanFunction = async () => ({ verdict: "allow", categories: [] });
  const network = syntheticStream(chunks, 16 * 1024);
  const perEvent = syntheticStream(chunks, 160);
  const cases: [string, readonly Uint8Array[], MeasureOptions][] = [
    ["hold-back, sync scan, 16 KiB reads", network, { mode: "hold-back", scan: syncScan }],
    ["hold-back, async scan, 16 KiB reads", network, { mode: "hold-back", scan: asyncScan }],
    ["hold-back, sync scan, 160 B reads", perEvent, { mode: "hold-back", scan: syncScan }],
    ["hold-back, window 50, 160 B reads", perEvent, { mode: "hold-back", scan: syncScan, windowSize: 50 }],
    ["buffer, sync scan, 16 KiB reads", network, { mode: "buffer", scan: syncScan, maxBufferBytes: 1 << 30 }],
    ["audit, sync scan, 16 KiB reads", network, { mode: "audit", scan: syncScan, maxBufferBytes: 1 << 30 }],
  ];
  const rows: ThroughputRow[] = [
    baseline("baseline: SSE parser + decode only, 16 KiB reads", network, chunks),
  ];
  await measureOnce("warm-up", syntheticStream(5_000, 4096), 5_000, { mode: "hold-back", scan: syncScan });
  // the machine is shared: each case runs REPEATS times and the fastest run is kept
  for (const [label, parts, options] of cases) {
    let best: ThroughputRow | null = null;
    for (let repeat = 0; repeat < REPEATS; repeat += 1) {
      const row = await measureOnce(label, parts, chunks, options);
      if (best === null || row.milliseconds < best.milliseconds) best = row;
    }
    if (best !== null) rows.push(best);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await measureStreamGuardThroughput();
  const header = ["case", "chunks", "MiB", "ms", "chunks/s", "MiB/s", "windows"];
  process.stdout.write(`| ${header.join(" | ")} |\n| ${header.map(() => "---").join(" | ")} |\n`);
  for (const row of rows) {
    const cells = [
      row.label,
      row.chunks,
      (row.bytes / 1048576).toFixed(1),
      row.milliseconds,
      row.chunksPerSecond,
      row.megabytesPerSecond,
      row.scannedWindows,
    ];
    process.stdout.write(`| ${cells.join(" | ")} |\n`);
  }
}
