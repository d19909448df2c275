import {
  type ComplianceRequirement,
  type ComplianceStatus,
  complianceFrameworkReport,
  complianceStatusSchema,
} from "@core/api/compliance";
import { z } from "zod";

/**
 * A framework page's URL search: a status to show only those requirements, and a catalogue version
 * (the contract's query field). A value the contract refuses is dropped, so an edited link still opens.
 */
export const frameworkSearchSchema = z.object({
  status: complianceStatusSchema.optional().catch(undefined),
  version: complianceFrameworkReport.query.shape.version.catch(undefined),
});
export type FrameworkSearch = z.infer<typeof frameworkSearchSchema>;

export interface RequirementGroup {
  /** the catalogue's group, or null for requirements without one */
  name: string | null;
  requirements: ComplianceRequirement[];
}

/** Requirements with the status (all without one), grouped by the order their group first appears. */
export function groupRequirements(
  requirements: readonly ComplianceRequirement[],
  status: ComplianceStatus | undefined,
): RequirementGroup[] {
  const groups = new Map<string | null, RequirementGroup>();
  for (const requirement of requirements) {
    if (status !== undefined && requirement.status !== status) continue;
    const name = requirement.group ?? null;
    const group = groups.get(name) ?? { name, requirements: [] };
    group.requirements.push(requirement);
    groups.set(name, group);
  }
  return [...groups.values()];
}
