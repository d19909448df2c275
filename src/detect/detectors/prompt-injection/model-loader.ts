import { existsSync, readFileSync } from "node:fs";
import { RampartError } from "../../../core/errors.js";
import {
  createModel,
  float32FromBytes,
  MODEL_FILES,
  modelMetaSchema,
  type PromptInjectionModel,
  uint32FromBytes,
} from "./model.js";

/**
 * Finds models/prompt-injection/ from this module's URL. From the sources the module lives in
 * src/detect/detectors/prompt-injection/; after the build it lives in dist/detect/detectors/prompt-injection/
 * (or dist/src/... when the whole tree is compiled): the first candidate that exists wins.
 */
export function defaultModelDirectory(moduleUrl: string = import.meta.url): URL {
  const candidates = ["../../../../models/prompt-injection/", "../../../../../models/prompt-injection/"];
  for (const candidate of candidates) {
    const url = new URL(candidate, moduleUrl);
    if (existsSync(new URL(MODEL_FILES.meta, url))) return url;
  }
  return new URL(candidates[0] ?? "", moduleUrl);
}

export function loadModel(directory: URL = defaultModelDirectory()): PromptInjectionModel {
  const metaUrl = new URL(MODEL_FILES.meta, directory);
  if (!existsSync(metaUrl)) {
    throw new RampartError(
      "internal",
      `prompt-injection model not found at ${metaUrl.pathname}; run npm run train:injection`,
    );
  }
  const parsed = modelMetaSchema.safeParse(JSON.parse(readFileSync(metaUrl, "utf8")));
  if (!parsed.success)
    throw new RampartError("internal", `prompt-injection model metadata is invalid: ${parsed.error.message}`);
  const weights = float32FromBytes(readFileSync(new URL(MODEL_FILES.weights, directory)));
  if (weights.length !== 2 ** parsed.data.bits) {
    throw new RampartError("internal", "prompt-injection weights do not match the model metadata");
  }
  const sketches = uint32FromBytes(readFileSync(new URL(MODEL_FILES.sketches, directory)));
  return createModel(parsed.data, weights, sketches);
}

let shared: PromptInjectionModel | undefined;

/** The shipped model, read once on first use. */
export function sharedModel(): PromptInjectionModel {
  shared ??= loadModel();
  return shared;
}
