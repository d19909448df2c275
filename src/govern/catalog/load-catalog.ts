import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { RampartError } from "../../core/errors.js";
import { type Control, controlCatalogSchema, type Framework, frameworkSchema } from "./catalog-schema.js";

/** catalog/ of the package, found from this module (src/ or dist/). */
export function defaultCatalogDirectory(): string {
  return fileURLToPath(new URL("../../../catalog/", import.meta.url));
}

function readYaml<T>(path: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new RampartError("config_invalid", `cannot read catalogue file ${path}`, { cause: error });
  }
  const parsed = schema.safeParse(parseYaml(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError("config_invalid", `${path}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

function assertUnique(ids: readonly string[], where: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RampartError("config_invalid", `${where}: duplicate id ${id}`);
    seen.add(id);
  }
}

/** catalog/controls.yaml: every Rampart control, by id. */
export function loadControls(directory: string = defaultCatalogDirectory()): ReadonlyMap<string, Control> {
  const catalog = readYaml(join(directory, "controls.yaml"), controlCatalogSchema);
  assertUnique(
    catalog.controls.map((control) => control.id),
    "controls.yaml",
  );
  return new Map(catalog.controls.map((control) => [control.id, control]));
}

export interface FrameworkEntry {
  readonly id: string;
  readonly version: string;
  readonly file: string;
}

/** Every catalog/frameworks/<id>/<version>.yaml, sorted by id then version. */
export function listFrameworks(directory: string = defaultCatalogDirectory()): FrameworkEntry[] {
  const root = join(directory, "frameworks");
  const entries: FrameworkEntry[] = [];
  for (const id of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, id)).sort()) {
      if (file.endsWith(".yaml"))
        entries.push({ id, version: file.slice(0, -5), file: join(root, id, file) });
    }
  }
  return entries;
}

/**
 * Loads one framework (its newest version unless one is named), checks the file's id and version
 * against its path, requirement ids for duplicates, and the count against `expectedCount`.
 */
export function loadFramework(id: string, options: { version?: string; directory?: string } = {}): Framework {
  const candidates = listFrameworks(options.directory).filter((entry) => entry.id === id);
  const entry =
    options.version === undefined
      ? candidates.at(-1)
      : candidates.find((candidate) => candidate.version === options.version);
  if (entry === undefined) {
    const known = [...new Set(listFrameworks(options.directory).map((item) => item.id))].join(", ");
    throw new RampartError(
      "usage",
      `unknown framework "${id}${options.version ? `@${options.version}` : ""}" (known: ${known})`,
    );
  }
  const framework = readYaml(entry.file, frameworkSchema);
  if (framework.id !== entry.id || framework.version !== entry.version) {
    throw new RampartError("config_invalid", `${entry.file}: id/version do not match the path`);
  }
  assertUnique(
    framework.requirements.map((requirement) => requirement.id),
    entry.file,
  );
  if (framework.requirements.length !== framework.expectedCount) {
    throw new RampartError(
      "config_invalid",
      `${entry.file}: ${framework.requirements.length} requirements, expected ${framework.expectedCount}`,
    );
  }
  return framework;
}
