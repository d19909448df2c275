import type { GovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import type { GovernanceRecordsSource } from "../compliance/evidence-sources.js";
import { governanceRecordsSource } from "../records/records-evidence-source.js";
import { readGovernance } from "./apply-governance.js";

/** The compliance engine's governance evidence, read from the stored records. */
export function storeGovernanceRecordsSource(
  repository: GovernanceRecordRepository,
  now: () => Date = () => new Date(),
): GovernanceRecordsSource {
  return governanceRecordsSource(async () => {
    const rows = await repository.list();
    const newest = rows.reduce<string | undefined>(
      (best, row) => (best === undefined || row.updatedAt > best ? row.updatedAt : best),
      undefined,
    );
    return { governance: await readGovernance(repository), updatedAt: newest ?? now().toISOString() };
  });
}
