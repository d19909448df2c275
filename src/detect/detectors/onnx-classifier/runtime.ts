import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { errorMessage, RampartError } from "../../../core/index.js";

/**
 * The part of onnxruntime-node the classifier uses, typed here so that the package stays an
 * optional peer dependency: it is imported with a dynamic `import()` only when an onnx-classifier
 * detector loads, never at start-up of a gateway that does not use it.
 */
export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}

export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
}

export interface OrtSessionOptions {
  readonly intraOpNumThreads: number;
  readonly interOpNumThreads: number;
  readonly executionMode: "sequential";
  readonly graphOptimizationLevel: "all";
  readonly executionProviders: readonly string[];
  /** 3: errors only (ONNX Runtime's warnings about unused inputs are noise here) */
  readonly logSeverityLevel: number;
}

export interface OrtRuntime {
  readonly InferenceSession: {
    create(path: string, options: OrtSessionOptions): Promise<OrtSession>;
  };
  readonly Tensor: new (type: "int64", data: BigInt64Array, dims: readonly number[]) => OrtTensor;
}

/** Imports the runtime module; a seam so that tests can simulate a missing package. */
export type ImportRuntime = () => Promise<unknown>;

export const RUNTIME_PACKAGE = "onnxruntime-node";

/** The default: a dynamic import of onnxruntime-node, resolved from Rampart's own node_modules. */
export const importOnnxRuntime: ImportRuntime = () => import(RUNTIME_PACKAGE);

/**
 * The folder of Rampart's package.json (where `npm install onnxruntime-node` must run), found
 * upwards from this module: src/detect/detectors/onnx-classifier/ or dist/detect/detectors/onnx-classifier/.
 */
export function rampartFolder(moduleUrl: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "rampart")
          return folder;
      } catch {
        // an unreadable package.json: keep looking upwards
      }
    }
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
}

/** The error for a missing runtime: it says what to run and where. */
export function missingRuntimeMessage(folder: string = rampartFolder()): string {
  return (
    `onnx-classifier needs the optional package ${RUNTIME_PACKAGE}, which is not installed: ` +
    `run "npm install ${RUNTIME_PACKAGE}" in the Rampart folder (${folder}), then start Rampart again`
  );
}

function isMissingModule(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    errorMessage(error).includes(RUNTIME_PACKAGE)
  );
}

function asRuntime(module: unknown): OrtRuntime | undefined {
  const candidates = [module, (module as { default?: unknown } | null)?.default];
  for (const candidate of candidates) {
    if (typeof candidate !== "object" || candidate === null) continue;
    const runtime = candidate as Partial<OrtRuntime>;
    if (typeof runtime.InferenceSession?.create === "function" && typeof runtime.Tensor === "function") {
      return runtime as OrtRuntime;
    }
  }
  return undefined;
}

/** Imports onnxruntime-node, or throws config_invalid saying exactly what to install. */
export async function loadRuntime(importRuntime: ImportRuntime = importOnnxRuntime): Promise<OrtRuntime> {
  let module: unknown;
  try {
    module = await importRuntime();
  } catch (error) {
    if (isMissingModule(error)) {
      throw new RampartError("config_invalid", missingRuntimeMessage(), { cause: error });
    }
    throw new RampartError(
      "config_invalid",
      `onnx-classifier could not load ${RUNTIME_PACKAGE} (${errorMessage(error)}); ` +
        `reinstall it with "npm install ${RUNTIME_PACKAGE}" in the Rampart folder (${rampartFolder()})`,
      { cause: error },
    );
  }
  const runtime = asRuntime(module);
  if (runtime === undefined) {
    throw new RampartError(
      "config_invalid",
      `${RUNTIME_PACKAGE} loaded but has no InferenceSession or Tensor: install a version >= 1.20`,
    );
  }
  return runtime;
}
