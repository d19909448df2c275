import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { errorMessage, RampartError } from "../../../core/index.js";

/**
 * Where the ONNX file may sit in an operator's model folder, in order: `optimum-cli export onnx`
 * writes model.onnx; its quantiser writes model_quantized.onnx; Hugging Face repositories made for
 * transformers.js keep them under onnx/.
 */
export const MODEL_FILE_CANDIDATES = [
  "model.onnx",
  "model_quantized.onnx",
  "model.quant.onnx",
  "onnx/model.onnx",
  "onnx/model_quantized.onnx",
  "onnx/model.quant.onnx",
] as const;

export interface ModelFolder {
  /** absolute folder */
  readonly dir: string;
  readonly modelPath: string;
  readonly tokenizerPath: string;
  /** config.json, when present (its id2label names the labels) */
  readonly configPath?: string;
  /** tokenizer_config.json, when present (passed to the tokenizer) */
  readonly tokenizerConfigPath?: string;
  /** modification times, so that a replaced model gives a new cache entry */
  readonly version: string;
}

function fileIn(folders: readonly string[], name: string): string | undefined {
  for (const folder of folders) {
    const path = join(folder, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

function mtime(path: string | undefined): string {
  if (path === undefined) return "-";
  try {
    return String(statSync(path).mtimeMs);
  } catch {
    return "?";
  }
}

/**
 * Finds the model, tokenizer and configuration files of `modelDir` (relative paths resolve against
 * `cwd`, the working directory by default). Throws config_invalid naming the path that is missing.
 */
export function locateModelFolder(
  modelDir: string,
  modelFile: string | undefined,
  cwd: string = process.cwd(),
): ModelFolder {
  const dir = isAbsolute(modelDir) ? modelDir : resolve(cwd, modelDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RampartError(
      "config_invalid",
      `onnx-classifier modelDir ${dir} is not a folder: export the model there first (docs/detectors/onnx-classifier.md)`,
    );
  }
  let modelPath: string | undefined;
  if (modelFile !== undefined) {
    modelPath = isAbsolute(modelFile) ? modelFile : join(dir, modelFile);
    if (!existsSync(modelPath)) {
      throw new RampartError("config_invalid", `onnx-classifier modelFile ${modelPath} does not exist`);
    }
  } else {
    for (const candidate of MODEL_FILE_CANDIDATES) {
      modelPath = fileIn([dir], candidate);
      if (modelPath !== undefined) break;
    }
    if (modelPath === undefined) {
      throw new RampartError(
        "config_invalid",
        `onnx-classifier found no ONNX model in ${dir} (looked for ${MODEL_FILE_CANDIDATES.join(", ")}); ` +
          "set modelFile or export the model with optimum-cli export onnx",
      );
    }
  }
  // the tokenizer and configuration sit in the folder, or beside the model (onnx/)
  const folders = [dir, dirname(modelPath)];
  const tokenizerPath = fileIn(folders, "tokenizer.json");
  if (tokenizerPath === undefined) {
    throw new RampartError(
      "config_invalid",
      `onnx-classifier needs ${join(dir, "tokenizer.json")} (the fast tokenizer file that optimum-cli and transformers save)`,
    );
  }
  const configPath = fileIn(folders, "config.json");
  const tokenizerConfigPath = fileIn(folders, "tokenizer_config.json");
  return {
    dir,
    modelPath,
    tokenizerPath,
    ...(configPath === undefined ? {} : { configPath }),
    ...(tokenizerConfigPath === undefined ? {} : { tokenizerConfigPath }),
    version: [modelPath, tokenizerPath, configPath, tokenizerConfigPath].map(mtime).join("/"),
  };
}

/** Reads a JSON object file, or throws config_invalid naming it. */
export function readJsonObject(path: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new RampartError("config_invalid", `onnx-classifier cannot read ${path}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new RampartError("config_invalid", `onnx-classifier: ${path} is not a JSON object`);
  }
  return raw as Record<string, unknown>;
}

/** Labels of config.json's id2label by index ({"0": "BENIGN", "1": "INJECTION"}), or empty. */
export function readLabels(configPath: string | undefined): Map<number, string> {
  const labels = new Map<number, string>();
  if (configPath === undefined) return labels;
  const id2label = readJsonObject(configPath).id2label;
  if (typeof id2label !== "object" || id2label === null) return labels;
  for (const [key, value] of Object.entries(id2label)) {
    const index = Number(key);
    if (Number.isInteger(index) && index >= 0 && typeof value === "string") labels.set(index, value);
  }
  return labels;
}

/** Label names that mean "attack" when positiveLabels is not set. */
export const DEFAULT_POSITIVE_LABEL = /inject|jailbreak|malicious|unsafe|^label_1$/i;

export interface PositiveLabels {
  /** logit columns whose probabilities add up to the score */
  readonly indexes: readonly number[];
  /** names by column, for the finding's type */
  readonly names: ReadonlyMap<number, string>;
}

/**
 * The positive (attack) columns: the configured names or indexes, or else every label of
 * id2label matching DEFAULT_POSITIVE_LABEL. Throws config_invalid when none can be chosen.
 */
export function positiveLabels(
  configured: readonly (string | number)[] | undefined,
  labels: ReadonlyMap<number, string>,
  configPath: string | undefined,
): PositiveLabels {
  const listed = [...labels.entries()].map(([index, name]) => `${index}: ${name}`).join(", ");
  if (configured === undefined) {
    const indexes = [...labels.entries()]
      .filter(([, name]) => DEFAULT_POSITIVE_LABEL.test(name))
      .map(([index]) => index)
      .sort((a, b) => a - b);
    if (indexes.length === 0) {
      throw new RampartError(
        "config_invalid",
        configPath === undefined
          ? "onnx-classifier: the model folder has no config.json naming its labels; set positiveLabels (for example [1])"
          : `onnx-classifier: no label of ${configPath} looks like an attack (labels: ${listed || "none"}); set positiveLabels`,
      );
    }
    return { indexes, names: labels };
  }
  const indexes = new Set<number>();
  for (const entry of configured) {
    if (typeof entry === "number") {
      indexes.add(entry);
      continue;
    }
    const found = [...labels.entries()].find(([, name]) => name.toLowerCase() === entry.toLowerCase());
    if (found === undefined) {
      throw new RampartError(
        "config_invalid",
        `onnx-classifier positiveLabels: "${entry}" is not a label of the model (labels: ${listed || "none: use indexes"})`,
      );
    }
    indexes.add(found[0]);
  }
  return { indexes: [...indexes].sort((a, b) => a - b), names: labels };
}
