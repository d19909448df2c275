import type { GovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import type { RecordChange } from "../records/governance-records.js";
import {
  applyIncident,
  applyRedteamEvidence,
  type IncidentEvidence,
  type RedteamEvidence,
} from "../records/risk-score.js";
import { applyGovernance, readGovernance } from "./apply-governance.js";

/** Moves the stored risks with a red-team run and stores the result (history entries included). */
export async function recordRedteamEvidence(
  repository: GovernanceRecordRepository,
  run: RedteamEvidence,
): Promise<RecordChange[]> {
  const governance = await readGovernance(repository);
  return applyGovernance(repository, { ...governance, risks: applyRedteamEvidence(governance.risks, run) });
}

/** Reopens the stored risks an incident touches and stores the result. */
export async function recordIncidentEvidence(
  repository: GovernanceRecordRepository,
  incident: IncidentEvidence,
): Promise<RecordChange[]> {
  const governance = await readGovernance(repository);
  return applyGovernance(repository, { ...governance, risks: applyIncident(governance.risks, incident) });
}
