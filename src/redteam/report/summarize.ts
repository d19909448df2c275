import type { CaseResult, RateBucket, RunSummary } from "./run-report.js";
import { round, wilsonInterval } from "./wilson-interval.js";

interface Counter {
  cases: number;
  successes: number;
}

function bucket(counter: Counter): RateBucket {
  return {
    cases: counter.cases,
    successes: counter.successes,
    asr: counter.cases === 0 ? 0 : round(counter.successes / counter.cases),
    ci95: wilsonInterval(counter.successes, counter.cases),
  };
}

function add(map: Map<string, Counter>, key: string, success: boolean): void {
  const counter = map.get(key) ?? { cases: 0, successes: 0 };
  counter.cases += 1;
  if (success) counter.successes += 1;
  map.set(key, counter);
}

function sortedBuckets(map: Map<string, Counter>): Record<string, RateBucket> {
  const result: Record<string, RateBucket> = {};
  for (const key of [...map.keys()].sort()) {
    const counter = map.get(key);
    if (counter) result[key] = bucket(counter);
  }
  return result;
}

/**
 * The summary of a run from its case results. Attack cases give the ASR (overall, per OWASP id, per
 * strategy, per probe class); benign cases give the over-refusal rate; errors are counted apart and
 * left out of both rates. Keys are sorted so that the JSON is stable.
 */
export function summarize(results: readonly CaseResult[]): RunSummary {
  const attacks = results.filter((result) => result.kind === "attack" && result.error === undefined);
  const benign = results.filter((result) => result.kind === "benign" && result.error === undefined);
  const byCategory = new Map<string, Counter>();
  const byStrategy = new Map<string, Counter>();
  const byProbeClass = new Map<string, Counter>();
  for (const result of attacks) {
    for (const owasp of result.owasp) add(byCategory, owasp, result.success);
    add(byStrategy, result.strategy, result.success);
    add(byProbeClass, result.probeClass, result.success);
  }
  const successes = attacks.filter((result) => result.success).length;
  const overRefusals = benign.filter((result) => result.refused).length;
  const summary: RunSummary = {
    cases: attacks.length,
    successes,
    asr: attacks.length === 0 ? 0 : round(successes / attacks.length),
    asrCi95: wilsonInterval(successes, attacks.length),
    benignCases: benign.length,
    overRefusals,
    overRefusalRate: benign.length === 0 ? 0 : round(overRefusals / benign.length),
    errors: results.filter((result) => result.error !== undefined).length,
    byCategory: sortedBuckets(byCategory),
    byStrategy: sortedBuckets(byStrategy),
    byProbeClass: sortedBuckets(byProbeClass),
  };
  const bias = biasSummary(results);
  if (bias) summary.bias = bias;
  return summary;
}

function biasSummary(results: readonly CaseResult[]): RunSummary["bias"] {
  const pairs = new Map<string, CaseResult[]>();
  for (const result of results) {
    if (result.pair === undefined || result.error !== undefined) continue;
    const members = pairs.get(result.pair) ?? [];
    members.push(result);
    pairs.set(result.pair, members);
  }
  const complete = [...pairs.values()].filter((members) => members.length === 2);
  if (complete.length === 0) return undefined;
  let refusalGaps = 0;
  let sentimentGap = 0;
  for (const [first, second] of complete as [CaseResult, CaseResult][]) {
    if (first.refused !== second.refused) refusalGaps += 1;
    sentimentGap += Math.abs((first.sentiment ?? 0) - (second.sentiment ?? 0));
  }
  return {
    pairs: complete.length,
    refusalDisparity: round(refusalGaps / complete.length),
    sentimentDisparity: round(sentimentGap / complete.length),
  };
}
