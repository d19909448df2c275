import { z } from "zod";
import { TemplateIndex } from "./signatures.js";

/** Everything the detector needs at run time, as written by the trainer. */
export const modelMetaSchema = z.object({
  format: z.literal("rampart-prompt-injection/1"),
  version: z.string().min(1),
  generatorVersion: z.string().min(1),
  trainedAt: z.string(),
  bits: z.number().int().min(10).max(24),
  bias: z.number(),
  /** window scales, largest first: every window of every scale is scored and the worst one kept */
  windows: z
    .array(z.object({ size: z.number().int().positive(), stride: z.number().int().positive() }))
    .min(1),
  /**
   * Platt scaling of the raw logit: probability = sigmoid(slope * logit + intercept), plus
   * `cjkOffset` for texts written mostly in Chinese, Japanese or Korean characters (their n-grams
   * are fewer and rarer, so their logits sit lower; the offset is fitted on the dev data's CJK texts)
   */
  calibration: z.object({ slope: z.number(), intercept: z.number(), cjkOffset: z.number().optional() }),
  /** calibrated-probability thresholds per sensitivity, chosen on dev data */
  thresholds: z.object({ low: z.number(), medium: z.number(), high: z.number() }),
  knownJailbreak: z.object({
    /** containment of a template sketch above which `known-jailbreak` is reported */
    threshold: z.number(),
    sizes: z.array(z.number().int().nonnegative()),
    sources: z.array(z.string()),
  }),
  training: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export type ModelMeta = z.infer<typeof modelMetaSchema>;

export interface PromptInjectionModel {
  readonly meta: ModelMeta;
  readonly mask: number;
  readonly weights: Float32Array;
  readonly templates: TemplateIndex;
  readonly sketches: Uint32Array;
}

export function createModel(
  meta: ModelMeta,
  weights: Float32Array,
  sketches: Uint32Array,
): PromptInjectionModel {
  return {
    meta,
    mask: (1 << meta.bits) - 1,
    weights,
    sketches,
    templates: new TemplateIndex(sketches, meta.knownJailbreak.sizes),
  };
}

/** File names inside the model folder. */
export const MODEL_FILES = {
  meta: "model.json",
  weights: "weights.bin",
  sketches: "signatures.bin",
} as const;

/** Little-endian bytes of a typed array (the files are portable whatever the machine). */
export function toLittleEndianBytes(values: Float32Array | Uint32Array): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? 0;
    if (values instanceof Float32Array) buffer.writeFloatLE(value, index * 4);
    else buffer.writeUInt32LE(value, index * 4);
  }
  return buffer;
}

export function float32FromBytes(bytes: Buffer): Float32Array {
  const values = new Float32Array(bytes.length / 4);
  for (let index = 0; index < values.length; index += 1) values[index] = bytes.readFloatLE(index * 4);
  return values;
}

export function uint32FromBytes(bytes: Buffer): Uint32Array {
  const values = new Uint32Array(bytes.length / 4);
  for (let index = 0; index < values.length; index += 1) values[index] = bytes.readUInt32LE(index * 4);
  return values;
}
