import type { Lexicon } from "./lexicon.js";
import { loadLexicon } from "./lexicon-file.js";
import { findModelDirectory, type LoadedModel, loadModel } from "./model/model-file.js";

export const TOXICITY_MODEL_NAME = "toxicity-model";

export interface ToxicityResources {
  readonly model: LoadedModel;
  readonly lexicon: Lexicon;
}

let shared: ToxicityResources | undefined;

/** The shipped model and lexicon under models/toxicity/, read once on first use. */
export function toxicityResources(): ToxicityResources {
  if (shared === undefined) {
    const directory = findModelDirectory(import.meta.url, "toxicity", TOXICITY_MODEL_NAME);
    shared = {
      model: loadModel(directory, TOXICITY_MODEL_NAME),
      lexicon: loadLexicon(new URL("lexicon.json", directory)),
    };
  }
  return shared;
}
