import type { Control, Framework } from "./catalog-schema.js";

export interface KnownIds {
  readonly controls: ReadonlySet<string>;
  readonly detectors: ReadonlySet<string>;
  readonly probes: ReadonlySet<string>;
}

/**
 * Every id a framework names that does not exist: controls (catalog/controls.yaml), detectors
 * (the detector registry) and probes (catalog/probes), including those its controls name.
 */
export function unknownCatalogIds(
  framework: Framework,
  controls: ReadonlyMap<string, Control>,
  known: KnownIds,
): string[] {
  const problems: string[] = [];
  const groups =
    framework.groups === undefined ? undefined : new Set(framework.groups.map((group) => group.id));
  for (const requirement of framework.requirements) {
    if (groups !== undefined && (requirement.group === undefined || !groups.has(requirement.group))) {
      problems.push(`${requirement.id}: unknown group ${requirement.group ?? "(none)"}`);
    }
    for (const id of requirement.controls) {
      if (!known.controls.has(id) || !controls.has(id))
        problems.push(`${requirement.id}: unknown control ${id}`);
    }
    for (const id of requirement.detectors) {
      if (!known.detectors.has(id)) problems.push(`${requirement.id}: unknown detector ${id}`);
    }
    for (const id of requirement.probes) {
      if (!known.probes.has(id)) problems.push(`${requirement.id}: unknown probe ${id}`);
    }
  }
  return problems;
}
