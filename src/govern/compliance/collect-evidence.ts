import type { EvidenceSpec } from "../catalog/catalog-schema.js";
import { runConfigCheck } from "./config-checks.js";
import type { EvidenceSources, RedTeamRunSummary } from "./evidence-sources.js";
import type { EvidenceItem } from "./report-schema.js";

/** One piece of evidence before it is attached to a control, with the problems behind a failure. */
export interface CollectedEvidence {
  readonly item: Omit<EvidenceItem, "control">;
  readonly problems: readonly string[];
}

const DAY_MS = 86_400_000;

function ageDays(at: string | null, now: Date): number | null {
  if (at === null) return null;
  return Math.max(0, Math.round(((now.getTime() - Date.parse(at)) / DAY_MS) * 100) / 100);
}

function none(
  source: EvidenceItem["source"],
  check: string,
  summary: string,
  maxAgeDays: number | null = null,
): CollectedEvidence {
  return {
    item: { source, check, outcome: "none", summary, observedAt: null, ageDays: null, maxAgeDays },
    problems: [],
  };
}

/** Reads the evidence one spec names. Absent sources give outcome "none", never an error. */
export async function collectEvidence(
  spec: EvidenceSpec,
  sources: EvidenceSources,
  now: Date,
): Promise<CollectedEvidence> {
  switch (spec.kind) {
    case "config": {
      const result = runConfigCheck(spec.check, sources.config, sources.policy);
      const observedAt = now.toISOString();
      return {
        item: {
          source: "config",
          check: spec.check,
          outcome: result.passed ? "pass" : "fail",
          summary: result.summary,
          observedAt,
          ageDays: 0,
          maxAgeDays: null,
          reference: sources.config.file ?? "(built-in defaults)",
        },
        problems: result.problems,
      };
    }
    case "gateway":
      return gatewayEvidence(spec, sources, now);
    case "redteam":
      return redTeamEvidence(spec, sources, now);
    case "audit-chain": {
      if (sources.auditChain === undefined) {
        return none("audit-chain", "verify", "audit chain verification not available", spec.maxAgeDays);
      }
      const result = await sources.auditChain.verify();
      return {
        item: {
          source: "audit-chain",
          check: "verify",
          outcome: result.ok ? "pass" : "fail",
          summary: `${result.events} events verified: ${result.detail}`,
          observedAt: result.verifiedAt,
          ageDays: ageDays(result.verifiedAt, now),
          maxAgeDays: spec.maxAgeDays,
        },
        problems: result.ok ? [] : [result.detail],
      };
    }
    case "records": {
      if (sources.records === undefined)
        return none("records", spec.check, "governance records not available");
      const result = await sources.records.check(spec.check, now);
      return {
        item: {
          source: "records",
          check: spec.check,
          outcome: result.passed ? "pass" : "fail",
          summary: result.summary,
          observedAt: result.observedAt,
          ageDays: ageDays(result.observedAt, now),
          maxAgeDays: null,
        },
        problems: result.problems,
      };
    }
  }
}

async function gatewayEvidence(
  spec: Extract<EvidenceSpec, { kind: "gateway" }>,
  sources: EvidenceSources,
  now: Date,
): Promise<CollectedEvidence> {
  const check = spec.categories.length === 0 ? "decisions" : spec.categories.join(",");
  if (sources.gateway === undefined) {
    return none("gateway", check, "gateway statistics not available (no audit store)", spec.windowDays);
  }
  const since = new Date(now.getTime() - spec.windowDays * DAY_MS);
  const stats = await sources.gateway.decisionStats(since, spec.categories);
  if (stats.decisions === 0) {
    return none(
      "gateway",
      check,
      `no gateway decisions in the last ${spec.windowDays} days`,
      spec.windowDays,
    );
  }
  const matching = spec.categories.length === 0 ? "" : `; ${stats.matching} with ${check} findings`;
  return {
    item: {
      source: "gateway",
      check,
      outcome: "pass",
      summary: `${stats.decisions} decisions in ${spec.windowDays} days: ${stats.blocked} blocked, ${stats.redacted} redacted, ${stats.flagged} flagged${matching}`,
      observedAt: stats.lastAt,
      ageDays: ageDays(stats.lastAt, now),
      maxAgeDays: spec.windowDays,
    },
    problems: [],
  };
}

function newestCovering(runs: readonly RedTeamRunSummary[], category: string): RedTeamRunSummary | undefined {
  let newest: RedTeamRunSummary | undefined;
  for (const run of runs) {
    if ((run.byOwasp[category]?.cases ?? 0) === 0) continue;
    if (newest === undefined || run.finishedAt > newest.finishedAt) newest = run;
  }
  return newest;
}

async function redTeamEvidence(
  spec: Extract<EvidenceSpec, { kind: "redteam" }>,
  sources: EvidenceSources,
  now: Date,
): Promise<CollectedEvidence> {
  const check = spec.owasp.join(",");
  if (sources.redteam === undefined)
    return none("redteam", check, "red-team runs not available", spec.maxAgeDays);
  const runs = await sources.redteam.recentRuns();
  const parts: string[] = [];
  const problems: string[] = [];
  const used = new Map<string, RedTeamRunSummary>();
  let failed = false;
  let stale = false;
  for (const category of spec.owasp) {
    const run = newestCovering(runs, category);
    if (run === undefined) {
      problems.push(`${category}: no red-team run covers it`);
      continue;
    }
    used.set(run.id, run);
    const bucket = run.byOwasp[category];
    const asr = bucket?.asr ?? 0;
    const age = ageDays(run.finishedAt, now) ?? 0;
    parts.push(`${category} ASR ${(asr * 100).toFixed(1)}% of ${bucket?.cases ?? 0} (run ${run.id})`);
    if (asr > spec.maxAsr) {
      failed = true;
      problems.push(`${category}: ASR ${(asr * 100).toFixed(1)}% above ${(spec.maxAsr * 100).toFixed(1)}%`);
    }
    if (age > spec.maxAgeDays) {
      stale = true;
      problems.push(`${category}: newest run is ${Math.floor(age)} days old (limit ${spec.maxAgeDays})`);
    }
  }
  if (used.size === 0)
    return {
      ...none("redteam", check, "no red-team run covers these categories", spec.maxAgeDays),
      problems,
    };
  const oldest = [...used.values()].map((run) => run.finishedAt).sort()[0] ?? null;
  return {
    item: {
      source: "redteam",
      check,
      outcome: failed ? "fail" : stale ? "stale" : "pass",
      summary: parts.join("; "),
      observedAt: oldest,
      ageDays: ageDays(oldest, now),
      maxAgeDays: spec.maxAgeDays,
      reference: [...used.values()].map((run) => run.reference).join(", "),
    },
    problems,
  };
}
