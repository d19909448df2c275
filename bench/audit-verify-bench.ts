/**
 * Verification benchmark: `rampart audit verify` over a store of one million events (target: at
 * most 30 s, issue 6). The chain is generated in bulk straight into the tables (bench/
 * audit-chain-generator.ts), then the CLI command runs in-process, as an operator would run it,
 * several rounds; each round's wall time, CPU time and the machine's load average are recorded.
 *
 * Run: `npx tsx bench/audit-verify-bench.ts` (flags: --events N, default 1000000; --rounds N,
 * default 3; --stores sqlite,postgres; --content-bytes 0,1000 to also give every event redacted
 * content of about that size, default 0 and 1000; --keep DIR to keep the generated stores in DIR and
 * reuse them on the next run; --no-write to only print). Writes the `audit-verify` section of
 * docs/benchmarks.md. PostgreSQL runs when RAMPART_TEST_POSTGRES_URL is set (a database
 * `rampart_verify_bench_<events>[_c<bytes>]` on that server is created, and dropped unless --keep).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { defaultSigningKeyPath, loadOrCreateSigningKey } from "../src/audit/signing-key.js";
import { runCliCaptured } from "../src/cli/test-support/run-cli-captured.js";
import { migrateToLatest, openDatabase } from "../src/store/index.js";
import { createAuditRepository } from "../src/store/repositories/audit-event-repository.js";
import { generateChain } from "./audit-chain-generator.js";
import { markdownTable, updateBenchmarksSection } from "./lib/benchmarks-doc.js";

const { values: flags } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    rounds: { type: "string", default: "3" },
    stores: { type: "string" },
    keep: { type: "string" },
    "content-bytes": { type: "string", default: "0,1000" },
    "no-write": { type: "boolean", default: false },
  },
});
const EVENTS = Number(flags.events);
const ROUNDS = Number(flags.rounds);
const postgresUrl = process.env.RAMPART_TEST_POSTGRES_URL;
const stores = (flags.stores ?? (postgresUrl ? "sqlite,postgres" : "sqlite")).split(",");
const contentSizes = flags["content-bytes"].split(",").map(Number);

interface Prepared {
  name: string;
  storageUrl: string;
  folder: string;
  configFile: string;
  generateSeconds: number | undefined;
  dispose(): Promise<void>;
}

/** Opens (or reuses, with --keep) a store holding EVENTS generated events; writes its rampart.yaml. */
async function prepare(kind: string, contentBytes: number): Promise<Prepared> {
  const suffix = contentBytes > 0 ? `-c${contentBytes}` : "";
  const folder = flags.keep === undefined ? mkdtempSync(join(tmpdir(), "rampart-verify-bench-")) : flags.keep;
  mkdirSync(folder, { recursive: true });
  let storageUrl: string;
  let name: string;
  let drop: () => Promise<void> = async () => undefined;
  if (kind === "sqlite") {
    name = "SQLite (file, WAL)";
    storageUrl = `sqlite:./verify-${EVENTS}${suffix}.db`;
  } else if (kind === "postgres" && postgresUrl) {
    name = "PostgreSQL (local)";
    const database = `rampart_verify_bench_${EVENTS}${suffix.replace("-", "_")}`;
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    storageUrl = url.toString();
    const admin = await openDatabase(postgresUrl);
    try {
      const exists = await sql<{
        n: number;
      }>`select 1 as n from pg_database where datname = ${database}`.execute(admin.db);
      if (exists.rows.length === 0) await sql`create database ${sql.id(database)}`.execute(admin.db);
    } finally {
      await admin.close();
    }
    drop = async () => {
      const again = await openDatabase(postgresUrl);
      try {
        await sql`drop database ${sql.id(database)}`.execute(again.db);
      } finally {
        await again.close();
      }
    };
  } else {
    throw new Error(`unknown store ${kind} (sqlite, or postgres with RAMPART_TEST_POSTGRES_URL)`);
  }
  const configFile = join(folder, `rampart-${kind}${suffix}.yaml`);
  writeFileSync(configFile, `storage:\n  url: "${storageUrl}"\n`);
  const store = await openDatabase(storageUrl, { baseDir: folder });
  let generateSeconds: number | undefined;
  try {
    await migrateToLatest(store);
    const key = loadOrCreateSigningKey(
      defaultSigningKeyPath({
        sqliteFile: kind === "sqlite" ? join(folder, `verify-${EVENTS}${suffix}.db`) : undefined,
        baseDir: folder,
      }),
    );
    const count = await createAuditRepository(store.db).countEvents();
    if (count !== EVENTS) {
      if (count !== 0) throw new Error(`${storageUrl} holds ${count} events, not ${EVENTS}; remove it first`);
      generateSeconds = await generateChain(store, EVENTS, key, contentBytes);
    }
  } finally {
    await store.close();
  }
  return {
    name,
    storageUrl,
    folder,
    configFile,
    generateSeconds,
    async dispose() {
      if (flags.keep !== undefined) return;
      await drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const rows: (string | number)[][] = [];
for (const contentBytes of contentSizes) {
  for (const kind of stores) {
    const prepared = await prepare(kind, contentBytes);
    const content = contentBytes > 0 ? `redacted, ~${contentBytes} chars each` : "none";
    try {
      if (prepared.generateSeconds !== undefined) {
        process.stdout.write(
          `${prepared.name} (content ${content}): generated ${EVENTS} events in ${round(prepared.generateSeconds)} s\n`,
        );
      }
      for (let index = 1; index <= ROUNDS; index += 1) {
        const load = loadavg()[0] ?? 0;
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const run = await runCliCaptured(["audit", "verify", "--no-record", "--config", prepared.configFile]);
        const seconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        const expected = `ok: ${EVENTS} events`;
        const contents = contentBytes > 0 ? EVENTS : 0;
        if (
          run.code !== 0 ||
          !run.stdout.startsWith(expected) ||
          !run.stdout.includes(`${contents} contents`)
        ) {
          throw new Error(`verify did not pass: exit ${run.code}: ${run.stdout}${run.stderr}`);
        }
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        const end = loadavg()[0] ?? 0;
        process.stdout.write(
          `${prepared.name} (content ${content}) round ${index}: ${round(seconds, 2)} s wall, ${round(cpuSeconds, 2)} s CPU, load ${round(load, 2)} -> ${round(end, 2)}\n`,
        );
        rows.push([
          prepared.name,
          content,
          EVENTS.toLocaleString("en"),
          index,
          round(seconds, 2),
          round(cpuSeconds, 2),
          `${round(load, 1)} / ${round(end, 1)}`,
        ]);
      }
    } finally {
      await prepared.dispose();
    }
  }
}

const section = [
  "## Audit trail verification (`bench/audit-verify-bench.ts`)",
  "",
  `Command: \`npx tsx bench/audit-verify-bench.ts --events ${EVENTS} --rounds ${ROUNDS} --content-bytes ${contentSizes.join(",")}\` (PostgreSQL with \`RAMPART_TEST_POSTGRES_URL\` set). Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}. Target (issue 6): 1,000,000 events verified in at most 30 s.`,
  "",
  "The chain is generated in bulk straight into the tables (the writer's envelopes, hashes and signed checkpoints every 1,000 events; `bench/audit-chain-generator.ts`), then `rampart audit verify --no-record --config FILE` runs in-process over the whole store: every hash, seq, link, stored column and checkpoint signature, and with content every stored content row against its commitment (the default `audit.content: redacted` keeps a row per decision). Wall time is the whole command (configuration, migration check, key, verification); CPU is the process's user and system time during it, which on PostgreSQL excludes the server's own work. The machine is shared: the load average (1 minute) is given at the start and end of each round.",
  "",
  markdownTable(["store", "content", "events", "round", "wall s", "CPU s", "load average start / end"], rows),
].join("\n");
process.stdout.write(`\n${section}\n`);
if (!flags["no-write"]) {
  updateBenchmarksSection("audit-verify", section);
  process.stderr.write("wrote the audit-verify section of docs/benchmarks.md\n");
}
