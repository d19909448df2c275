import { cpus } from "node:os";
import type { PromptInjectionModel } from "../../src/detect/detectors/prompt-injection/model.js";
import { loadModel } from "../../src/detect/detectors/prompt-injection/model-loader.js";
import { assessViews } from "../../src/detect/detectors/prompt-injection/prompt-injection-detector.js";
import type { PromptAttackRow } from "../../src/detect/detectors/prompt-injection/training/data-sources.js";
import { planAndBuild } from "../../src/detect/detectors/prompt-injection/training/plan.js";
import {
  defaultTrainerOptions,
  FeatureCache,
} from "../../src/detect/detectors/prompt-injection/training/trainer.js";
import { createScanContext } from "../../src/detect/scan-context.js";
import { JudgementCache } from "./competitor-cache.js";
import { type Competitor, competitors } from "./competitors.js";
import {
  bipiaTestSet,
  type EvalItem,
  type EvalSet,
  foldOf,
  leaveOneOutSets,
  obfuscatedSets,
  rowItem,
  syntheticSets,
} from "./injection-sets.js";
import type { Scored } from "./metrics.js";

/** Judgements per system and item key. */
export type Judgements = Map<string, Map<string, Scored>>;

export const RAMPART = "Rampart";

function rampartScore(model: PromptInjectionModel, item: EvalItem): Scored {
  const context = createScanContext(item.text, { direction: "input", source: item.source });
  const score = assessViews(model, context.views, Number.POSITIVE_INFINITY, item.source).best.score;
  return { score, label: item.label, flagged: score >= model.meta.thresholds.medium };
}

export interface InjectionEvalResult {
  readonly sets: readonly EvalSet[];
  readonly judgements: Judgements;
  readonly systems: readonly string[];
  readonly folds: readonly { fold: string; rows: number; thresholds: string; seconds: number }[];
  readonly machine: string;
}

/**
 * Runs the whole prompt-injection evaluation: leave-one-source-out folds (a model trained
 * without the fold scores the fold), then the shipped model on BIPIA test, held-out synthetic
 * English, non-English and obfuscated sets, then the competitors on every item.
 */
export async function runInjectionEval(
  rows: readonly PromptAttackRow[],
  log: (line: string) => void,
): Promise<InjectionEvalResult> {
  const judgements: Judgements = new Map([[RAMPART, new Map()]]);
  const rampart = judgements.get(RAMPART) ?? new Map<string, Scored>();
  const folds: { fold: string; rows: number; thresholds: string; seconds: number }[] = [];
  const foldNames = [...new Set(rows.map(foldOf))].sort();
  const cache = new FeatureCache(defaultTrainerOptions.bits);
  for (const fold of foldNames) {
    const started = performance.now();
    const model = planAndBuild(
      rows.filter((row) => foldOf(row) !== fold),
      { cache },
    ).model;
    const heldOut = rows.filter((row) => foldOf(row) === fold);
    for (const row of heldOut) {
      const item = rowItem(row);
      rampart.set(item.key, rampartScore(model, item));
    }
    const { low, medium, high } = model.meta.thresholds;
    const seconds = (performance.now() - started) / 1000;
    folds.push({
      fold,
      rows: heldOut.length,
      thresholds: `${low.toFixed(3)} / ${medium.toFixed(3)} / ${high.toFixed(3)}`,
      seconds,
    });
    log(`fold ${fold}: ${heldOut.length} rows in ${seconds.toFixed(1)} s`);
  }
  const shipped = loadModel();
  const synthetic = syntheticSets();
  const shippedSets = [
    bipiaTestSet(rows),
    synthetic.english,
    ...synthetic.languages,
    ...obfuscatedSets(rows, synthetic.all),
  ];
  for (const set of shippedSets) {
    for (const item of set.items)
      if (!rampart.has(item.key)) rampart.set(item.key, rampartScore(shipped, item));
  }
  log("shipped model scored");
  const sets = [...leaveOneOutSets(rows), ...shippedSets];
  const unique = new Map<string, EvalItem>();
  for (const set of sets) for (const item of set.items) unique.set(item.key, item);
  for (const competitor of competitors) {
    judgements.set(competitor.name, await judgeAll(competitor, [...unique.values()]));
    log(`${competitor.name} scored`);
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return {
    sets,
    judgements,
    systems: [RAMPART, ...competitors.map((competitor) => competitor.name)],
    folds,
    machine: cpu,
  };
}

async function judgeAll(competitor: Competitor, items: readonly EvalItem[]): Promise<Map<string, Scored>> {
  const cache = new JudgementCache(competitor.name);
  const judged = new Map<string, Scored>();
  for (const item of items) {
    let judgement = cache.get(item.text);
    if (!judgement) {
      judgement = await competitor.judge(item.text);
      cache.set(item.text, judgement);
    }
    judged.set(item.key, { score: judgement.score, flagged: judgement.flagged, label: item.label });
  }
  cache.save();
  return judged;
}

/** The judgements of one system on one set (items it has not judged are skipped). */
export function scoredFor(result: InjectionEvalResult, system: string, set: EvalSet): Scored[] {
  const judged = result.judgements.get(system);
  if (!judged) return [];
  return set.items.flatMap((item) => {
    const scored = judged.get(item.key);
    return scored ? [scored] : [];
  });
}
