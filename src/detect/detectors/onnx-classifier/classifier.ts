import { Tokenizer } from "@huggingface/tokenizers";
import { errorMessage, RampartError } from "../../../core/index.js";
import { DetectorTimeBudgetError } from "../../detector.js";
import { type ModelFolder, readJsonObject } from "./model-folder.js";
import type { ImportRuntime, OrtRuntime, OrtSession, OrtTensor } from "./runtime.js";
import { loadRuntime } from "./runtime.js";
import { type TokenizedText, tokenizeWithSpans, tokenWindows } from "./token-windows.js";

/** The tokenizer of a model folder, with the special tokens its post-processor puts around a text. */
export interface TextTokenizer {
  /** ids of one piece of text, without special tokens (cached) */
  encodePiece(piece: string): readonly number[];
  /** what the post-processor puts before a sequence: [CLS] for BERT and DeBERTa, <s> for RoBERTa */
  readonly prefix: readonly number[];
  /** what it puts after: [SEP], </s> */
  readonly suffix: readonly number[];
  readonly padId: number;
}

/** Distinct pieces remembered per tokenizer (words repeat: most pieces of a text are cache hits). */
const PIECE_CACHE_LIMIT = 50_000;
/** A probe whose encoding with and without special tokens shows the prefix and suffix. */
const SPECIAL_PROBE = "hello";

function indexOfRun(haystack: readonly number[], needle: readonly number[]): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++) {
      if (haystack[start + index] !== needle[index]) continue outer;
    }
    return start;
  }
  return -1;
}

function padIdOf(tokenizer: Tokenizer, json: Record<string, unknown>): number {
  const padding = json.padding as { pad_id?: unknown } | null | undefined;
  if (typeof padding?.pad_id === "number") return padding.pad_id;
  for (const token of ["[PAD]", "<pad>", "<|pad|>"]) {
    const id = tokenizer.token_to_id(token);
    if (id !== undefined) return id;
  }
  return 0;
}

export function createTextTokenizer(
  json: Record<string, unknown>,
  config: Record<string, unknown> = {},
  where = "tokenizer.json",
): TextTokenizer {
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(json, config);
  } catch (error) {
    throw new RampartError(
      "config_invalid",
      `onnx-classifier cannot build the tokenizer of ${where}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  const cache = new Map<string, readonly number[]>();
  const encodePiece = (piece: string): readonly number[] => {
    const cached = cache.get(piece);
    if (cached !== undefined) return cached;
    const ids = tokenizer.encode(piece, { add_special_tokens: false }).ids;
    if (cache.size >= PIECE_CACHE_LIMIT) cache.clear();
    cache.set(piece, ids);
    return ids;
  };
  const bare = tokenizer.encode(SPECIAL_PROBE, { add_special_tokens: false }).ids;
  const full = tokenizer.encode(SPECIAL_PROBE, { add_special_tokens: true }).ids;
  const at = bare.length === 0 ? -1 : indexOfRun(full, bare);
  return {
    encodePiece,
    prefix: at < 0 ? [] : full.slice(0, at),
    suffix: at < 0 ? [] : full.slice(at + bare.length),
    padId: padIdOf(tokenizer, json),
  };
}

const tokenizers = new Map<string, TextTokenizer>();

/** The tokenizer of a model folder, read once per file version and shared by every instance. */
export function sharedTokenizer(folder: ModelFolder): TextTokenizer {
  const key = `${folder.tokenizerPath}\u0000${folder.version}`;
  let found = tokenizers.get(key);
  if (found === undefined) {
    const json = readJsonObject(folder.tokenizerPath);
    const config = folder.tokenizerConfigPath === undefined ? {} : readJsonObject(folder.tokenizerConfigPath);
    found = createTextTokenizer(json, config, folder.tokenizerPath);
    tokenizers.set(key, found);
  }
  return found;
}

/** Inputs a sequence-classification export may declare; anything else cannot be fed. */
const KNOWN_INPUTS = new Set(["input_ids", "attention_mask", "token_type_ids"]);

export interface LoadedModel {
  readonly runtime: OrtRuntime;
  readonly session: OrtSession;
  readonly outputName: string;
  readonly feedsAttentionMask: boolean;
  readonly feedsTokenTypes: boolean;
  /** logit columns (labels) */
  readonly labelCount: number;
}

export interface SessionSettings {
  readonly intraOpThreads: number;
}

function float32Of(tensor: OrtTensor | undefined, what: string): Float32Array {
  if (tensor !== undefined && tensor.data instanceof Float32Array) return tensor.data;
  throw new RampartError("internal", `onnx-classifier: the model's ${what} output is not float32`);
}

interface Batch {
  readonly rows: readonly (readonly number[])[];
}

function feedsFor(model: LoadedModel, tokenizer: TextTokenizer, batch: Batch): Record<string, OrtTensor> {
  const width = Math.max(...batch.rows.map((row) => row.length));
  const ids = new BigInt64Array(batch.rows.length * width).fill(BigInt(tokenizer.padId));
  const mask = new BigInt64Array(batch.rows.length * width);
  batch.rows.forEach((row, r) => {
    for (let index = 0; index < row.length; index++) {
      ids[r * width + index] = BigInt(row[index] ?? 0);
      mask[r * width + index] = 1n;
    }
  });
  const dims = [batch.rows.length, width];
  const feeds: Record<string, OrtTensor> = { input_ids: new model.runtime.Tensor("int64", ids, dims) };
  if (model.feedsAttentionMask) feeds.attention_mask = new model.runtime.Tensor("int64", mask, dims);
  if (model.feedsTokenTypes) {
    feeds.token_type_ids = new model.runtime.Tensor("int64", new BigInt64Array(ids.length), dims);
  }
  return feeds;
}

/** Runs a batch; returns its logits row by row. */
async function runBatch(model: LoadedModel, tokenizer: TextTokenizer, batch: Batch): Promise<Float32Array[]> {
  const outputs = await model.session.run(feedsFor(model, tokenizer, batch));
  const logits = outputs[model.outputName];
  const data = float32Of(logits, model.outputName);
  const columns = logits?.dims[1] ?? 0;
  if (logits?.dims.length !== 2 || logits.dims[0] !== batch.rows.length || columns < 2) {
    throw new RampartError(
      "config_invalid",
      `onnx-classifier: the model's ${model.outputName} output has shape [${logits?.dims.join(", ")}]; ` +
        "a sequence classifier with two or more labels gives [batch, labels]",
    );
  }
  return batch.rows.map((_, row) => data.subarray(row * columns, (row + 1) * columns));
}

async function createSession(
  folder: ModelFolder,
  tokenizer: TextTokenizer,
  settings: SessionSettings,
  importRuntime: ImportRuntime,
): Promise<LoadedModel> {
  const runtime = await loadRuntime(importRuntime);
  let session: OrtSession;
  try {
    session = await runtime.InferenceSession.create(folder.modelPath, {
      intraOpNumThreads: settings.intraOpThreads,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
      executionProviders: ["cpu"],
      logSeverityLevel: 3,
    });
  } catch (error) {
    throw new RampartError(
      "config_invalid",
      `onnx-classifier cannot load the ONNX model ${folder.modelPath}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  const unknown = session.inputNames.filter((name) => !KNOWN_INPUTS.has(name));
  if (!session.inputNames.includes("input_ids") || unknown.length > 0) {
    throw new RampartError(
      "config_invalid",
      `onnx-classifier: ${folder.modelPath} takes inputs ${session.inputNames.join(", ")}; ` +
        "a sequence-classification export takes input_ids, attention_mask and optionally token_type_ids",
    );
  }
  const outputName = session.outputNames.includes("logits") ? "logits" : session.outputNames[0];
  if (outputName === undefined) {
    throw new RampartError("config_invalid", `onnx-classifier: ${folder.modelPath} has no output`);
  }
  const model: LoadedModel = {
    runtime,
    session,
    outputName,
    feedsAttentionMask: session.inputNames.includes("attention_mask"),
    feedsTokenTypes: session.inputNames.includes("token_type_ids"),
    labelCount: 0,
  };
  // one probe run learns the label count and proves the model runs before any real text
  const probe = [...tokenizer.prefix, ...tokenizer.encodePiece(SPECIAL_PROBE), ...tokenizer.suffix];
  let rows: Float32Array[];
  try {
    rows = await runBatch(model, tokenizer, { rows: [probe] });
  } catch (error) {
    if (error instanceof RampartError) throw error;
    throw new RampartError(
      "config_invalid",
      `onnx-classifier: ${folder.modelPath} fails on a probe text: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  return { ...model, labelCount: rows[0]?.length ?? 0 };
}

/** Sessions per runtime import and model file version: one per process, whatever the number of policies. */
const sessions = new WeakMap<ImportRuntime, Map<string, Promise<LoadedModel>>>();

/**
 * The session of a model folder, created once and shared by every instance (a Prompt Guard 2
 * session holds about 300 MB). A failed load is forgotten, so a later attempt (after the operator
 * fixed the folder and the policy reloaded) tries again.
 */
export function sharedSession(
  folder: ModelFolder,
  tokenizer: TextTokenizer,
  settings: SessionSettings,
  importRuntime: ImportRuntime,
): Promise<LoadedModel> {
  let byKey = sessions.get(importRuntime);
  if (byKey === undefined) {
    byKey = new Map();
    sessions.set(importRuntime, byKey);
  }
  const key = `${folder.modelPath}\u0000${folder.version}\u0000${settings.intraOpThreads}`;
  let found = byKey.get(key);
  if (found === undefined) {
    const created = createSession(folder, tokenizer, settings, importRuntime);
    found = created;
    byKey.set(key, created);
    created.catch(() => {
      if (byKey?.get(key) === created) byKey.delete(key);
    });
  }
  return found;
}

export interface WindowVerdict {
  /** probability of the positive labels (summed), 0..1 */
  readonly score: number;
  /** the positive column with the highest probability */
  readonly label: number;
  /** UTF-16 span of the window in the text */
  readonly start: number;
  readonly end: number;
}

export interface ClassifyOptions {
  readonly maxTokens: number;
  readonly strideTokens: number;
  readonly maxBatch: number;
  readonly positive: readonly number[];
  /** performance.now() value: no new batch starts after it */
  readonly deadline: number;
  /** a verdict at or above this score is returned at the deadline instead of a time-budget error */
  readonly enough: number;
}

/** Softmax of one row; returns the positive probability and the strongest positive column. */
function positiveProbability(
  row: Float32Array,
  positive: readonly number[],
): { score: number; label: number } {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of row) if (value > max) max = value;
  let total = 0;
  for (const value of row) total += Math.exp(value - max);
  let score = 0;
  let label = positive[0] ?? 1;
  let strongest = Number.NEGATIVE_INFINITY;
  for (const column of positive) {
    const value = row[column] ?? Number.NEGATIVE_INFINITY;
    score += Math.exp(value - max) / total;
    if (value > strongest) {
      strongest = value;
      label = column;
    }
  }
  return { score: Math.min(1, Math.max(0, score)), label };
}

/** Tokenises once, cuts windows, runs them in batches; the highest-scoring window wins. */
export async function classify(
  model: LoadedModel,
  tokenizer: TextTokenizer,
  text: string,
  options: ClassifyOptions,
): Promise<WindowVerdict | undefined> {
  const tokens: TokenizedText = tokenizeWithSpans(text, tokenizer.encodePiece);
  const capacity = options.maxTokens - tokenizer.prefix.length - tokenizer.suffix.length;
  const windows = tokenWindows(tokens.ids.length, capacity, Math.min(options.strideTokens, capacity - 1));
  let best: WindowVerdict | undefined;
  for (let first = 0; first < windows.length; first += options.maxBatch) {
    if (first > 0 && performance.now() > options.deadline) {
      if (best !== undefined && best.score >= options.enough) return best;
      throw new DetectorTimeBudgetError(`scored ${first} of ${windows.length} token windows`);
    }
    const batch = windows.slice(first, first + options.maxBatch);
    const rows = batch.map((window) => [
      ...tokenizer.prefix,
      ...tokens.ids.slice(window.start, window.end),
      ...tokenizer.suffix,
    ]);
    const logits = await runBatch(model, tokenizer, { rows });
    batch.forEach((window, index) => {
      const row = logits[index];
      if (row === undefined) return;
      const { score, label } = positiveProbability(row, options.positive);
      if (best === undefined || score > best.score) {
        best = {
          score,
          label,
          start: tokens.starts[window.start] ?? 0,
          end: tokens.ends[window.end - 1] ?? text.length,
        };
      }
    });
  }
  return best;
}
