import { benignSamples } from "./benign.js";
import { canarySamples, jailbreakSamples, systemPromptLeakSamples } from "./positives-model.js";
import { dangerousCommandSamples } from "./positives-shell.js";
import { exfiltrationSamples, unsafeMarkupSamples } from "./positives-web.js";
import { createPicker } from "./prng.js";
import type { OutputSample } from "./types.js";

export const OUTPUT_SET_SEED = 20261127;

/**
 * The synthetic output-safety evaluation set. Written before the detectors were tuned, and
 * deterministic for a seed. Sizes: 360 benign answers, 40 to 68 positives per category.
 */
export function generateOutputSet(seed = OUTPUT_SET_SEED): OutputSample[] {
  const picker = createPicker(seed);
  return [
    ...benignSamples(picker, 360),
    ...exfiltrationSamples(picker, 48),
    ...unsafeMarkupSamples(picker, 60),
    ...dangerousCommandSamples(picker, 68),
    ...jailbreakSamples(picker, 48),
    ...systemPromptLeakSamples(picker, 40),
    ...canarySamples(picker, 40),
  ];
}
