/**
 * What OpenTelemetry tracing adds to a gateway request, measured apart from everything else: a
 * Fastify app with the tracing hooks of `src/server/tracing.ts` and one `/v1/chat/completions` route
 * that does what the gateway does around its work (input scan, upstream call with a streamed body,
 * output scan, decision commit) with instant stand-ins, so the difference of CPU per request between
 * tracing off and on is tracing itself: five spans, their attributes, the batch processor, the
 * OTLP/HTTP JSON export to a collector in this process. Rounds alternate off and on.
 * Run: `npx tsx bench/audit-tracing-bench.ts` (flags: --requests N per round, default 20000;
 * --rounds N per setting, default 5; --no-write to only print). Writes the `audit-tracing`
 * section of docs/benchmarks.md.
 */
import { createServer } from "node:http";
import { cpus, loadavg } from "node:os";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import Fastify from "fastify";
import { sampleDecision } from "../src/audit/test-support/audit-fixtures.js";
import { tracingConfigSchema, upstreamConfigSchema } from "../src/config/index.js";
import type { DecisionSink } from "../src/core/index.js";
import type { ContentGuard, GuardResult } from "../src/gateway/guard.js";
import type { UpstreamClient } from "../src/gateway/upstream-client.js";
import { startTracing } from "../src/server/tracing.js";
import { markdownTable, updateBenchmarksSection } from "./lib/benchmarks-doc.js";

const { values: flags } = parseArgs({
  options: {
    requests: { type: "string", default: "20000" },
    rounds: { type: "string", default: "5" },
    "no-write": { type: "boolean", default: false },
  },
});
const REQUESTS = Number(flags.requests);
const ROUNDS = Number(flags.rounds);

let exportedSpans = 0;
const collector = createServer((incoming, response) => {
  let body = "";
  incoming.on("data", (chunk) => {
    body += String(chunk);
  });
  incoming.on("end", () => {
    exportedSpans += (body.match(/"spanId"/g) ?? []).length;
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
const address = collector.address();
const collectorPort = typeof address === "object" && address !== null ? address.port : 0;

const allow: GuardResult = { verdict: "allow", risk: 0, findings: [], skipped: [], failedClosed: false };
const guard = {
  begin: () => undefined,
  scanInput: async () => allow,
  scanOutput: async () => allow,
} as unknown as ContentGuard;
const upstream = upstreamConfigSchema.parse({ name: "demo", url: "http://127.0.0.1:9", models: ["*"] });
const client = {
  request: async () => ({
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: Readable.from([Buffer.from('{"choices":[{"message":{"content":"Lisbon"}}]}')]),
  }),
} as unknown as UpstreamClient;
const sink: DecisionSink = { record: async () => undefined };

async function round(tracing: boolean) {
  const app = Fastify({ logger: false });
  const traced = await startTracing(
    app,
    tracingConfigSchema.parse({
      enabled: tracing,
      endpoint: `http://127.0.0.1:${collectorPort}/v1/traces`,
    }),
  );
  const routeGuard = traced?.guard(guard) ?? guard;
  const routeClient = traced?.client(client) ?? client;
  const decisions = traced?.decisions(sink) ?? sink;
  const context = { principal: {}, model: "m", conversationId: "c" } as never;
  app.post("/v1/chat/completions", async (request) => {
    await routeGuard.scanInput(
      { text: "What is the capital of Portugal?", source: "user" } as never,
      context,
    );
    const response = await routeClient.request(upstream, "POST", "/chat/completions", { model: "m" });
    let text = "";
    for await (const chunk of response.body) text += String(chunk);
    await routeGuard.scanOutput(text, context);
    await decisions.record(sampleDecision(1, { requestId: request.id }));
    return { ok: true };
  });
  await app.ready();
  const send = () => app.inject({ method: "POST", url: "/v1/chat/completions", payload: { model: "m" } });
  for (let index = 0; index < 500; index += 1) await send(); // warm-up
  const load = loadavg()[0] ?? 0;
  const before = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < REQUESTS; index += 1) await send();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(before);
  await traced?.shutdown();
  await app.close();
  return {
    tracing,
    cpuMicros: (cpu.user + cpu.system) / REQUESTS,
    wallMicros: (seconds * 1e6) / REQUESTS,
    load,
  };
}

const rounded = (value: number, digits = 1) => Number(value.toFixed(digits));
const results: Awaited<ReturnType<typeof round>>[] = [];
for (let index = 0; index < ROUNDS; index += 1) {
  for (const tracing of [false, true]) {
    const result = await round(tracing);
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
await new Promise<void>((resolve) => collector.close(() => resolve()));
const traced = ROUNDS * (REQUESTS + 500) * 5;
if (exportedSpans !== traced) throw new Error(`${exportedSpans} spans reached the collector, not ${traced}`);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const off = median(results.filter((result) => !result.tracing).map((result) => result.cpuMicros));
const on = median(results.filter((result) => result.tracing).map((result) => result.cpuMicros));
const section = [
  "## Tracing cost (`bench/audit-tracing-bench.ts`)",
  "",
  `Command: \`npx tsx bench/audit-tracing-bench.ts --requests ${REQUESTS} --rounds ${ROUNDS}\`. Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}.`,
  "",
  "What tracing adds to one gateway request, apart from the gateway's own work: the tracing hooks and wrappers of `src/server/tracing.ts` around a route that does the gateway's steps with instant stand-ins (input scan, upstream call with a streamed body, output scan, decision commit), requests through Fastify's `inject`, every request sampled, spans exported as OTLP/HTTP JSON to a collector in the same process (export included). CPU per request is the whole process; rounds alternate off and on. " +
    `${exportedSpans.toLocaleString("en")} spans reached the collector (five per traced request).`,
  "",
  markdownTable(
    ["tracing", "round", "CPU µs/request", "wall µs/request", "load average"],
    results.map((result, index) => [
      result.tracing ? "on" : "off",
      Math.floor(index / 2) + 1,
      rounded(result.cpuMicros),
      rounded(result.wallMicros),
      rounded(result.load, 1),
    ]),
  ),
  "",
  `Median CPU per request: ${rounded(off)} µs off, ${rounded(on)} µs on, so tracing costs about ${rounded(on - off)} µs of CPU per traced request (a full gateway request with the default policy costs about 1 to 2 ms of CPU). With tracing off nothing is loaded or registered; a request not sampled costs less than a sampled one.`,
].join("\n");
process.stdout.write(`\n${section}\n`);
if (!flags["no-write"]) {
  updateBenchmarksSection("audit-tracing", section);
  process.stderr.write("wrote the audit-tracing section of docs/benchmarks.md\n");
}
