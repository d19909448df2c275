import { featurize } from "../toxicity/model/hashed-features.js";
import { predict } from "../toxicity/model/linear-model.js";
import { findModelDirectory, type LoadedModel, loadModel } from "../toxicity/model/model-file.js";

export const COMPLIANCE_MODEL_NAME = "compliance-model";

let shared: LoadedModel | undefined;

/** The learned component under models/jailbreak-compliance/, read once on first use. */
export function complianceModel(): LoadedModel {
  shared ??= loadModel(
    findModelDirectory(import.meta.url, "jailbreak-compliance", COMPLIANCE_MODEL_NAME),
    COMPLIANCE_MODEL_NAME,
  );
  return shared;
}

/** Probability that a response is a jailbroken (complying) answer. */
export function complianceScore(text: string): number {
  const loaded = complianceModel();
  return predict(loaded.model, featurize(text, loaded.features))[1] ?? 0;
}
