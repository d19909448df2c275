import { type BuiltModel, buildModel, rowToLabeled, syntheticToLabeled } from "./build-model.js";
import type { PromptAttackRow } from "./data-sources.js";
import { generateSynthetic } from "./synthetic/generate.js";
import { defaultTrainerOptions, type FeatureCache } from "./trainer.js";

/** Seeds of the synthetic data; the evaluation uses other seeds and the held-out templates. */
export const SYNTHETIC_SEEDS = { train: 1, dev: 2 } as const;

export interface PlanOptions {
  /** English examples per attack family (other families scale from it) */
  readonly englishPerFamily?: number;
  readonly perLanguage?: number;
  readonly epochs?: number;
  /** feature cache shared by several trainings in one process */
  readonly cache?: FeatureCache;
  readonly description?: Record<string, string | number | string[]>;
}

/** A stable 0..99 bucket from a row id, so the dev split is the same on every run. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1)
    hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % 100;
}

/** Rows in buckets below this go to the dev set (calibration and thresholds), not to training. */
const DEV_BUCKETS = 15;

/**
 * The full recipe: split the allowed rows into train and dev by id, add synthetic train and dev
 * data, train, calibrate. The shipped model and every leave-one-source-out fold use it.
 */
export function planAndBuild(rows: readonly PromptAttackRow[], options: PlanOptions = {}): BuiltModel {
  const englishPerFamily = options.englishPerFamily ?? 400;
  const perLanguage = options.perLanguage ?? 400;
  const trainRows = rows.filter((row) => bucketOf(row.id) >= DEV_BUCKETS);
  const devRows = rows.filter((row) => bucketOf(row.id) < DEV_BUCKETS);
  const synthetic = generateSynthetic({
    seed: SYNTHETIC_SEEDS.train,
    split: "train",
    englishPerFamily,
    perLanguage,
  });
  const syntheticDev = generateSynthetic({
    seed: SYNTHETIC_SEEDS.dev,
    split: "train",
    englishPerFamily: Math.ceil(englishPerFamily / 4),
    perLanguage: Math.ceil(perLanguage / 4),
  });
  return buildModel({
    rows: trainRows,
    synthetic,
    dev: [...devRows.map(rowToLabeled), ...syntheticDev.map(syntheticToLabeled)],
    ...(options.epochs ? { trainer: { ...defaultTrainerOptions, epochs: options.epochs } } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    description: {
      ...options.description,
      realRows: trainRows.length,
      devRows: devRows.length,
      syntheticRows: synthetic.length,
      syntheticDevRows: syntheticDev.length,
      sources: [...new Set(trainRows.map((row) => row.source))].sort(),
    },
  });
}
