import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { RampartError } from "../../core/errors.js";
import { type BaseCase, baseCases } from "./base-case.js";
import { type ProbePack, probePackSchema } from "./probe-schema.js";

/** catalog/probes/ of the package, found from this module (src/ or dist/). */
export function defaultProbeDirectory(): string {
  return fileURLToPath(new URL("../../../catalog/probes/", import.meta.url));
}

/** Reads and validates every *.yaml pack of a folder, sorted by file name. */
export function loadProbePacks(directory: string = defaultProbeDirectory()): ProbePack[] {
  let files: string[];
  try {
    files = readdirSync(directory)
      .filter((name) => name.endsWith(".yaml"))
      .sort();
  } catch (error) {
    throw new RampartError("config_invalid", `cannot read probe packs in ${directory}`, { cause: error });
  }
  const packs = files.map((file) => {
    const parsed = probePackSchema.safeParse(parseYaml(readFileSync(`${directory}/${file}`, "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RampartError("config_invalid", `${file}: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    return parsed.data;
  });
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const probe of pack.probes) {
      if (seen.has(probe.id)) throw new RampartError("config_invalid", `duplicate probe id ${probe.id}`);
      seen.add(probe.id);
    }
  }
  return packs;
}

/** Every base case of the packs, in pack and probe order. */
export function allBaseCases(packs: readonly ProbePack[]): BaseCase[] {
  return packs.flatMap((pack) => pack.probes.flatMap((probe) => baseCases(probe, pack.pack)));
}

/**
 * Selects base cases by a list of pack names, probe ids, probe classes or OWASP ids ("LLM01");
 * "all" or an empty list keeps everything. An unknown name is a usage error.
 */
export function selectBaseCases(cases: readonly BaseCase[], selectors: readonly string[]): BaseCase[] {
  if (selectors.length === 0 || selectors.includes("all")) return [...cases];
  const matches = (entry: BaseCase, selector: string) =>
    entry.pack === selector ||
    entry.probe.id === selector ||
    entry.probe.class === selector ||
    entry.id === selector ||
    entry.probe.owasp.some((id) => id === selector);
  for (const selector of selectors) {
    if (!cases.some((entry) => matches(entry, selector))) {
      throw new RampartError(
        "usage",
        `--probes: nothing matches "${selector}" (a pack, probe id, class or LLM0x)`,
      );
    }
  }
  return cases.filter((entry) => selectors.some((selector) => matches(entry, selector)));
}
