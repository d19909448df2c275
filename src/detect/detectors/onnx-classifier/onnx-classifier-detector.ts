import { z } from "zod";
import type { Finding, Sensitivity, Severity } from "../../../core/index.js";
import { RampartError } from "../../../core/index.js";
import { truncateExcerpt } from "../../../core/mask.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { classify, type LoadedModel, sharedSession, sharedTokenizer } from "./classifier.js";
import { locateModelFolder, positiveLabels, readLabels } from "./model-folder.js";
import { type ImportRuntime, importOnnxRuntime } from "./runtime.js";

export const ONNX_CLASSIFIER_ID = "onnx-classifier";

const probability = z.number().min(0).max(1);

/** Default thresholds per sensitivity: a fine-tuned classifier is confident, so low asks 0.9. */
export const DEFAULT_THRESHOLDS: Readonly<Record<Sensitivity, number>> = { low: 0.9, medium: 0.8, high: 0.6 };

export const onnxClassifierOptionsSchema = z
  .strictObject({
    /** the operator's model folder: model.onnx (or onnx/model.onnx...), tokenizer.json, config.json */
    modelDir: z.string().min(1),
    /** the ONNX file inside modelDir, when it is not one of the usual names */
    modelFile: z.string().min(1).optional(),
    /** labels (names from config.json id2label, or column indexes) whose probabilities make the score */
    positiveLabels: z
      .array(z.union([z.string().min(1), z.number().int().min(0)]))
      .min(1)
      .optional(),
    /** the score at or above which a text is reported, per sensitivity */
    thresholds: z
      .strictObject({
        low: probability.default(DEFAULT_THRESHOLDS.low),
        medium: probability.default(DEFAULT_THRESHOLDS.medium),
        high: probability.default(DEFAULT_THRESHOLDS.high),
      })
      .prefault({}),
    /** tokens per window, special tokens included (the model's maximum: 512 for DeBERTa and Prompt Guard 2) */
    maxTokens: z.number().int().min(16).max(8192).default(512),
    /** tokens two consecutive windows share, so that an attack on a boundary is whole in one of them */
    strideTokens: z.number().int().min(0).max(4096).default(64),
    /** windows per model run */
    maxBatch: z.number().int().min(1).max(256).default(8),
    /** ONNX Runtime threads per run (the gateway runs requests in parallel: 1 keeps a request on one core) */
    intraOpThreads: z.number().int().min(1).max(64).default(1),
  })
  .refine((options) => options.strideTokens * 2 <= options.maxTokens, {
    message: "strideTokens must be at most half of maxTokens",
    path: ["strideTokens"],
  });
export type OnnxClassifierOptions = z.infer<typeof onnxClassifierOptionsSchema>;

export function severityOf(score: number): Severity {
  if (score >= 0.9) return "high";
  if (score >= 0.7) return "medium";
  return "low";
}

export interface OnnxClassifierDependencies {
  /** imports onnxruntime-node (tests inject a failing import to check the message) */
  readonly importRuntime?: ImportRuntime;
  /** folder that a relative modelDir resolves against (default: the working directory) */
  readonly cwd?: string;
}

/**
 * An instance: the folder is checked and the tokenizer read when it is created (a wrong folder
 * fails at once); the runtime and the model load on `load()` or on the first `detectAsync`.
 */
export function createOnnxClassifierInstance(
  options: OnnxClassifierOptions,
  dependencies: OnnxClassifierDependencies = {},
): DetectorInstance {
  const importRuntime = dependencies.importRuntime ?? importOnnxRuntime;
  const folder = locateModelFolder(options.modelDir, options.modelFile, dependencies.cwd);
  const tokenizer = sharedTokenizer(folder);
  const labels = readLabels(folder.configPath);
  const positive = positiveLabels(options.positiveLabels, labels, folder.configPath);
  const special = tokenizer.prefix.length + tokenizer.suffix.length;
  if (options.maxTokens - special <= options.strideTokens) {
    throw new RampartError(
      "config_invalid",
      `onnx-classifier: maxTokens ${options.maxTokens} leaves no room past ${special} special tokens and a stride of ${options.strideTokens}`,
    );
  }
  let loading: Promise<LoadedModel> | undefined;
  const model = (): Promise<LoadedModel> => {
    loading ??= sharedSession(
      folder,
      tokenizer,
      { intraOpThreads: options.intraOpThreads },
      importRuntime,
    ).then((loaded) => {
      const outside = positive.indexes.filter((index) => index >= loaded.labelCount);
      if (outside.length > 0) {
        throw new RampartError(
          "config_invalid",
          `onnx-classifier positiveLabels: column ${outside.join(", ")} does not exist (the model has ${loaded.labelCount} labels)`,
        );
      }
      return loaded;
    });
    return loading;
  };
  return {
    detect(): Finding[] {
      throw new Error(
        `${ONNX_CLASSIFIER_ID} needs the asynchronous scan (Scanner.scanAsync): ONNX inference is asynchronous`,
      );
    },
    async load(): Promise<void> {
      await model();
    },
    async detectAsync(text: string, context: ScanContext): Promise<Finding[]> {
      if (context.source === "system" || text.trim().length === 0) return [];
      const loaded = await model();
      const threshold = options.thresholds[context.sensitivity];
      const verdict = await classify(loaded, tokenizer, text, {
        maxTokens: options.maxTokens,
        strideTokens: options.strideTokens,
        maxBatch: options.maxBatch,
        positive: positive.indexes,
        deadline: context.deadline,
        enough: threshold,
      });
      if (verdict === undefined || verdict.score < threshold) return [];
      const start = Math.max(0, Math.min(verdict.start, text.length));
      const end = Math.max(start, Math.min(verdict.end, text.length));
      if (start >= end) return [];
      const label = positive.names.get(verdict.label);
      return [
        {
          detector: ONNX_CLASSIFIER_ID,
          category: "prompt-injection",
          rule: "classifier",
          ...(label === undefined ? {} : { type: label }),
          start,
          end,
          score: Math.round(verdict.score * 1e4) / 1e4,
          severity: severityOf(verdict.score),
          excerpt: truncateExcerpt(text.slice(start, end)),
        },
      ];
    },
  };
}

export const onnxClassifierDetector: Detector<OnnxClassifierOptions> = {
  id: ONNX_CLASSIFIER_ID,
  category: "prompt-injection",
  appliesTo: ["input"],
  description:
    "Prompt injection and jailbreaks by an operator-supplied transformer classifier (a Prompt Guard 2 or DeBERTa ONNX export) run with onnxruntime-node, offline, in overlapping 512-token windows. Opt-in: needs modelDir and the optional onnxruntime-node package.",
  optionsSchema: onnxClassifierOptionsSchema,
  optIn: true,
  pathOptions: ["modelDir"],
  create: (options) => createOnnxClassifierInstance(options),
};
