/**
 * Compliance report benchmark: the time to build each framework's report (evidence collection,
 * statuses, score) and to render it, with synthetic governance records of 1,000 assets and
 * 10,000 risks behind the records interface, 20 red-team runs and gateway statistics.
 * A second table uses a real SQLite audit trail for gateway statistics and chain verification.
 * Run: `npx tsx bench/comply-bench.ts` (flags: --assets N, --risks N, --repeat N, --decisions N,
 * --no-write).
 * Writes the `comply` section of docs/benchmarks.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { appendDecisions, openTestWriter, testSigningKey } from "../src/audit/test-support/audit-fixtures.js";
import { loadConfig } from "../src/config/index.js";
import { listFrameworks, loadControls, loadFramework } from "../src/govern/catalog/index.js";
import {
  auditChainVerifier,
  auditGatewayStats,
  buildComplianceReport,
  type EvidenceSources,
  type GovernanceSnapshot,
  type RedTeamRunSummary,
  renderComplianceHtml,
  renderComplianceMarkdown,
  snapshotRecordsSource,
} from "../src/govern/compliance/index.js";
import { loadPolicyFromConfig } from "../src/policy/index.js";
import { migrateToLatest, openDatabase } from "../src/store/index.js";
import { createAuditRepository } from "../src/store/repositories/audit-event-repository.js";
import { markdownTable, updateBenchmarksSection } from "./lib/benchmarks-doc.js";

const { values: flags } = parseArgs({
  options: {
    assets: { type: "string", default: "1000" },
    risks: { type: "string", default: "10000" },
    repeat: { type: "string", default: "20" },
    decisions: { type: "string", default: "20000" },
    "no-write": { type: "boolean", default: false },
  },
});
const ASSETS = Number(flags.assets);
const RISKS = Number(flags.risks);
const REPEAT = Number(flags.repeat);
const DECISIONS = Number(flags.decisions);
const NOW = new Date("2026-11-27T12:00:00Z");
const DAY_MS = 86_400_000;

function isoDaysFromNow(days: number): string {
  return new Date(NOW.getTime() + days * DAY_MS).toISOString();
}

/** Deterministic synthetic records: a few owners missing, some reviews overdue, like a real register. */
function syntheticSnapshot(): GovernanceSnapshot {
  const kinds = ["model", "dataset", "application", "prompt", "vendor", "tool"];
  return {
    assets: Array.from({ length: ASSETS }, (_, index) => ({
      id: `asset_${index}`,
      kind: kinds[index % kinds.length] ?? "model",
      name: `asset ${index}`,
      owner: index % 97 === 0 ? null : `owner-${index % 40}`,
      updatedAt: isoDaysFromNow(-(index % 300)),
    })),
    risks: Array.from({ length: RISKS }, (_, index) => ({
      id: `risk_${index}`,
      status: index % 4 === 0 ? "closed" : "open",
      reviewDate: isoDaysFromNow((index % 200) - 20),
      updatedAt: isoDaysFromNow(-(index % 365)),
    })),
    raci: Array.from({ length: 24 }, (_, index) => ({
      activity: `activity-${index}`,
      assignments: { ciso: "A", "ml-lead": "R", dpo: "C", legal: "I" },
    })),
    policies: Array.from({ length: 60 }, (_, index) => ({
      id: `policy_${index}`,
      title: `policy ${index}`,
      state: index % 10 === 0 ? "draft" : "approved",
      reviewDue: isoDaysFromNow(index * 5),
      updatedAt: isoDaysFromNow(-index),
    })),
    training: Array.from({ length: 3000 }, (_, index) => ({
      assignee: `person-${index}`,
      module: "owasp-llm-top-10",
      dueAt: isoDaysFromNow((index % 60) - 30),
      completedAt: index % 3 === 0 ? null : isoDaysFromNow(-(index % 30)),
    })),
    incidents: Array.from({ length: 300 }, (_, index) => ({
      id: `incident_${index}`,
      status: index % 5 === 0 ? "open" : "closed",
      deadlineAt: isoDaysFromNow((index % 30) - 15),
      updatedAt: isoDaysFromNow(-(index % 90)),
    })),
    impactAssessments: Array.from({ length: ASSETS / 4 }, (_, index) => ({
      assetId: `asset_${index * 3}`,
      at: isoDaysFromNow(-index),
    })),
    vendors: Array.from({ length: 150 }, (_, index) => ({
      id: `vendor_${index}`,
      name: `vendor ${index}`,
      reviewedAt: index % 7 === 0 ? null : isoDaysFromNow(-index),
      reviewDueAt: isoDaysFromNow(200 - index * 2),
    })),
    attestations: [],
  };
}

function syntheticRuns(): RedTeamRunSummary[] {
  return Array.from({ length: 20 }, (_, index) => ({
    id: `run_${index}`,
    finishedAt: isoDaysFromNow(-index * 3),
    model: "llama-3-8b",
    target: "http://127.0.0.1:8000/v1",
    reference: `runs/run_${index}/report.json`,
    byOwasp: Object.fromEntries(
      ["LLM01", "LLM02", "LLM05", "LLM06", "LLM07", "LLM09", "LLM10"].map((id, position) => [
        id,
        { cases: 100, successes: (index + position) % 12, asr: ((index + position) % 12) / 100 },
      ]),
    ),
  }));
}

/** Times the OWASP and NIST reports with gateway statistics and chain verification from a real store. */
async function storeRows(
  controls: ReturnType<typeof loadControls>,
  sources: () => EvidenceSources,
): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "rampart-comply-bench-"));
  const store = await openDatabase("sqlite:./rampart.db", { baseDir: folder });
  try {
    await migrateToLatest(store);
    const key = testSigningKey();
    const writer = await openTestWriter(store, key, { durability: "batched", checkpointEveryEvents: 1000 });
    for (let from = 1; from <= DECISIONS; from += 1000)
      await appendDecisions(writer, Math.min(1000, DECISIONS - from + 1), from);
    await writer.close();
    const repository = createAuditRepository(store.db);
    const rows: (string | number)[][] = [];
    for (const id of ["owasp-llm-2025", "nist-ai-rmf"]) {
      const framework = loadFramework(id);
      for (const withChain of [false, true]) {
        const times: number[] = [];
        for (let round = 0; round < 3; round += 1) {
          const start = performance.now();
          await buildComplianceReport(framework, controls, {
            ...sources(),
            gateway: auditGatewayStats(repository),
            auditChain: withChain ? auditChainVerifier(repository, key.publicKey) : undefined,
            now: () => new Date(),
          });
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        rows.push([
          id,
          withChain ? "gateway statistics + chain verification" : "gateway statistics",
          percentile(times, 0.5).toFixed(0),
        ]);
      }
    }
    return markdownTable(["framework", "store-backed evidence", "report p50 ms"], rows);
  } finally {
    await store.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

async function main(): Promise<void> {
  const loaded = loadConfig({ cwd: process.cwd(), env: {} });
  const policy = loadPolicyFromConfig(loaded);
  const controls = loadControls();
  const snapshot = syntheticSnapshot();
  const runs = syntheticRuns();
  /** A fresh records source per report, so every record check is recomputed each time. */
  const sources = (): EvidenceSources => ({
    config: loaded,
    policy,
    records: snapshotRecordsSource(async () => snapshot),
    redteam: { recentRuns: async () => runs },
    gateway: {
      decisionStats: async (since) => ({
        from: since.toISOString(),
        to: NOW.toISOString(),
        decisions: 120_000,
        blocked: 800,
        redacted: 2_400,
        flagged: 5_100,
        matching: 900,
        lastAt: isoDaysFromNow(-0.01),
      }),
    },
    auditChain: {
      verify: async () => ({
        ok: true,
        events: 1_000_000,
        verifiedAt: NOW.toISOString(),
        detail: "synthetic",
      }),
    },
    now: () => NOW,
  });
  const ids = [...new Set(listFrameworks().map((entry) => entry.id))];
  const rows: (string | number)[][] = [];
  let allMax = 0;
  for (const id of ids) {
    const framework = loadFramework(id);
    const build: number[] = [];
    const render: number[] = [];
    let score = 0;
    for (let round = 0; round < REPEAT; round += 1) {
      const start = performance.now();
      const report = await buildComplianceReport(framework, controls, sources());
      const built = performance.now();
      renderComplianceMarkdown(report);
      renderComplianceHtml(report);
      JSON.stringify(report);
      build.push(built - start);
      render.push(performance.now() - built);
      score = report.score;
    }
    build.sort((a, b) => a - b);
    render.sort((a, b) => a - b);
    const max = (build.at(-1) ?? 0) + (render.at(-1) ?? 0);
    allMax = Math.max(allMax, max);
    rows.push([
      id,
      framework.requirements.length,
      percentile(build, 0.5).toFixed(1),
      percentile(render, 0.5).toFixed(1),
      max.toFixed(1),
      score,
    ]);
  }
  const all: number[] = [];
  for (let round = 0; round < Math.max(3, Math.floor(REPEAT / 4)); round += 1) {
    const start = performance.now();
    for (const id of ids)
      renderComplianceHtml(await buildComplianceReport(loadFramework(id), controls, sources()));
    all.push(performance.now() - start);
  }
  all.sort((a, b) => a - b);
  const store = await storeRows(controls, sources);
  const table = markdownTable(
    ["framework", "requirements", "build p50 ms", "render p50 ms (json+md+html)", "max total ms", "score"],
    rows,
  );
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, load ${loadavg()[0]?.toFixed(2)}, Node ${process.version}`;
  const text = `## Compliance reports (\`bench/comply-bench.ts\`)

Synthetic governance records behind the records interface: ${ASSETS.toLocaleString("en")} assets,
${RISKS.toLocaleString("en")} risks, 3,000 training assignments, 300 incidents, 150 vendors; 20 red-team
runs and gateway statistics through their interfaces; the default policy. Each report gets a fresh
records source, so every record check is recomputed. ${REPEAT} rounds per framework. Target: a report
in at most 2 s.

${table}

With a real audit trail (SQLite, ${DECISIONS.toLocaleString("en")} gateway decisions written through the
chain writer) in place of synthetic gateway statistics and chain verification:

${store}

All six frameworks one after another (loading each catalogue file, build, HTML): p50 ${percentile(all, 0.5).toFixed(1)} ms. Slowest
single report: ${allMax.toFixed(1)} ms (target 2,000 ms). Machine: ${machine}.
`;
  process.stdout.write(`${text}\n`);
  if (!flags["no-write"]) updateBenchmarksSection("comply", text);
}

await main();
