import type { GovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import type { GovernanceRecordsSource } from "../compliance/evidence-sources.js";
import { fromRecords } from "../records/governance-records.js";
import { governanceSchema } from "../records/governance-schema.js";
import { governanceRecordsSource } from "../records/records-evidence-source.js";
import { asCodeRows, newestUpdate } from "../records/runtime-records.js";
import { assignmentDates } from "../records/training-assignments.js";
import { readGovernance } from "./apply-governance.js";

/** The compliance engine's governance evidence, read from the stored records. */
export function storeGovernanceRecordsSource(
  repository: GovernanceRecordRepository,
  now: () => Date = () => new Date(),
): GovernanceRecordsSource {
  return governanceRecordsSource(async () => {
    const rows = await repository.list();
    const parsed = governanceSchema.safeParse(fromRecords(asCodeRows(rows)));
    const governance = parsed.success ? parsed.data : await readGovernance(repository);
    return {
      governance,
      updatedAt: newestUpdate(rows) ?? now().toISOString(),
      assigned: assignmentDates(rows),
    };
  });
}
