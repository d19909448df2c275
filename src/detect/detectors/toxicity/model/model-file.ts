import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { RampartError } from "../../../../core/errors.js";
import type { FeatureOptions } from "./hashed-features.js";
import type { LinearModel } from "./linear-model.js";

/**
 * A shipped linear model: `<name>.json` (metadata, thresholds, per-class scales) and `<name>.bin`
 * (int8-quantised weights, class after class). Quantisation keeps the files small.
 */
export const modelMetaSchema = z.object({
  format: z.literal("rampart-linear/1"),
  name: z.string(),
  trainedAt: z.string(),
  classes: z.array(z.string()).min(2),
  bits: z.number().int().min(8).max(22),
  features: z.object({
    charGrams: z.array(z.number().int().min(2).max(6)),
    wordBigrams: z.boolean(),
    maxChars: z.number().int().positive(),
  }),
  biases: z.array(z.number()),
  scales: z.array(z.number().positive()),
  thresholds: z.record(z.string(), z.number()),
  training: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ModelMeta = z.infer<typeof modelMetaSchema>;

export interface LoadedModel {
  readonly meta: ModelMeta;
  readonly model: LinearModel;
  readonly features: FeatureOptions;
}

export function saveModel(
  directory: URL,
  name: string,
  model: LinearModel,
  meta: Omit<ModelMeta, "format" | "name" | "classes" | "bits" | "biases" | "scales">,
): void {
  const size = 2 ** model.bits;
  const bytes = new Int8Array(model.weights.length);
  const scales: number[] = [];
  for (let label = 0; label < model.classes.length; label++) {
    let max = 1e-9;
    for (let bucket = 0; bucket < size; bucket++)
      max = Math.max(max, Math.abs(model.weights[label * size + bucket] ?? 0));
    const scale = max / 127;
    scales.push(scale);
    for (let bucket = 0; bucket < size; bucket++) {
      bytes[label * size + bucket] = Math.round((model.weights[label * size + bucket] ?? 0) / scale);
    }
  }
  const full: ModelMeta = {
    format: "rampart-linear/1",
    name,
    classes: [...model.classes],
    bits: model.bits,
    biases: [...model.biases],
    scales,
    ...meta,
  };
  writeFileSync(new URL(`${name}.json`, directory), `${JSON.stringify(full, null, 1)}\n`);
  writeFileSync(new URL(`${name}.bin`, directory), new Uint8Array(bytes.buffer));
}

export function loadModel(directory: URL, name: string): LoadedModel {
  const metaUrl = new URL(`${name}.json`, directory);
  if (!existsSync(metaUrl))
    throw new RampartError("internal", `model ${name} not found at ${metaUrl.pathname}`);
  const parsed = modelMetaSchema.safeParse(JSON.parse(readFileSync(metaUrl, "utf8")));
  if (!parsed.success)
    throw new RampartError("internal", `model ${name} metadata is invalid: ${parsed.error.message}`);
  const meta = parsed.data;
  const raw = readFileSync(new URL(`${name}.bin`, directory));
  const size = 2 ** meta.bits;
  if (raw.length !== size * meta.classes.length)
    throw new RampartError("internal", `model ${name} weights do not match its metadata`);
  const bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  const weights = new Float32Array(bytes.length);
  for (let index = 0; index < bytes.length; index++)
    weights[index] = (bytes[index] ?? 0) * (meta.scales[Math.floor(index / size)] ?? 0);
  return {
    meta,
    model: { classes: meta.classes, bits: meta.bits, weights, biases: Float32Array.from(meta.biases) },
    features: { bits: meta.bits, ...meta.features },
  };
}

/**
 * Finds a folder under models/ from a module URL: from src/detect/detectors/<id>/ or from the
 * built dist tree (one level deeper). The first candidate holding `<name>.json` wins.
 */
export function findModelDirectory(moduleUrl: string, folder: string, name: string): URL {
  const candidates = [
    `../../../../models/${folder}/`,
    `../../../../../models/${folder}/`,
    `../../../../../../models/${folder}/`,
  ];
  for (const candidate of candidates) {
    const url = new URL(candidate, moduleUrl);
    if (existsSync(new URL(`${name}.json`, url))) return url;
  }
  return new URL(candidates[0] ?? "", moduleUrl);
}
