import type { AuditView, PolicyView, RiskView, TrainingAssignment } from "@core/api/governance";
import type { RiskBand } from "./risk-heat-map";

/** Residual bands of the register, worst first, with how many risks are in each. */
export function riskBandCounts(risks: readonly RiskView[]): { band: RiskBand; count: number }[] {
  const bands: RiskBand[] = ["critical", "high", "medium", "low"];
  return bands.map((band) => ({ band, count: risks.filter((risk) => risk.band === band).length }));
}

export function policyCounts(policies: readonly PolicyView[]) {
  return {
    approved: policies.filter((policy) => policy.state === "approved").length,
    awaiting: policies.filter((policy) => policy.state === "draft" || policy.state === "in-review").length,
    reviewOverdue: policies.filter((policy) => policy.reviewOverdue).length,
  };
}

export function auditCounts(audits: readonly AuditView[]) {
  return {
    plans: audits.length,
    openFindings: audits.reduce((sum, audit) => sum + audit.openFindings, 0),
    failingChecks: audits.reduce(
      (sum, audit) => sum + (audit.lastRun?.results.filter((result) => result.passed === false).length ?? 0),
      0,
    ),
    neverRun: audits.filter((audit) => audit.automatedChecks.length > 0 && audit.lastRun === null).length,
  };
}

export function trainingCounts(assignments: readonly TrainingAssignment[]) {
  return {
    assignments: assignments.length,
    done: assignments.filter((assignment) => assignment.completedAt !== null).length,
    overdue: assignments.filter((assignment) => assignment.overdue).length,
  };
}
