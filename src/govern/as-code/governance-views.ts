import { stringify } from "yaml";
import type {
  AuditView,
  ModelView,
  PolicyView,
  ResponsibilityOverview,
  RiskView,
} from "../../core/api/governance.js";
import type { Policy } from "../../policy/index.js";
import type { StoredGovernanceRecord } from "../../store/repositories/govern-record-repository.js";
import { nextDueAt } from "../audits/audit-service.js";
import type { Control } from "../catalog/catalog-schema.js";
import {
  type AuditRecord,
  deploymentTypes,
  type Governance,
  type ModelRecord,
  type PolicyRecord,
  type RaciChart,
  type RiskRecord,
  responsibilityLayers,
} from "../records/governance-schema.js";
import { validateRaci } from "../records/raci.js";
import { heatMap, inherentScore, residualScore, scoreBand } from "../records/risk-score.js";
import { auditRunsOf, automatedFindingsOf, newestUpdate } from "../records/runtime-records.js";
import {
  controlHolder,
  controlParty,
  DEFAULT_RESPONSIBILITY,
  organisationDuties,
  responsibilityFor,
} from "../records/shared-responsibility.js";
import { assignmentDates, trainingAssignments } from "../records/training-assignments.js";
import { compileAcceptableUse } from "./compile-policy.js";
import { lineDiff } from "./line-diff.js";

/** The management API's and the dashboard's views of the records (src/core/api/governance.ts). */

const DAY_MS = 86_400_000;

function controlDuties(model: ModelRecord, controls: ReadonlyMap<string, Control>) {
  return [...controls.values()].map((control) => ({
    control: control.id,
    title: control.title,
    layers: [...control.layers],
    party: controlParty(control, model),
  }));
}

function matrixOf(model: ModelRecord) {
  const split = responsibilityFor(model);
  return responsibilityLayers.map((layer) => ({
    layer,
    party: split[layer],
    overridden: model.responsibility[layer] !== undefined,
  }));
}

export function modelView(model: ModelRecord, controls: ReadonlyMap<string, Control>): ModelView {
  return {
    ...model,
    effectiveResponsibility: responsibilityFor(model),
    organisationDuties: organisationDuties(model),
    responsibilityMatrix: matrixOf(model),
    controls: controlDuties(model, controls),
  };
}

export function responsibilityOverview(
  models: readonly ModelRecord[],
  controls: ReadonlyMap<string, Control>,
): ResponsibilityOverview {
  return {
    defaults: Object.fromEntries(
      deploymentTypes.map((deployment) => [deployment, { ...DEFAULT_RESPONSIBILITY[deployment] }]),
    ) as ResponsibilityOverview["defaults"],
    assets: models.map((model) => ({
      asset: model.id,
      name: model.name,
      deployment: model.deployment,
      matrix: matrixOf(model),
      controls: controlDuties(model, controls),
    })),
    controls: [...controls.values()].map((control) => {
      const holder = controlHolder(control, models);
      return {
        control: control.id,
        title: control.title,
        layers: [...control.layers],
        holder: holder.holder,
        assets: holder.assets.map((item) => ({ ...item })),
      };
    }),
  };
}

/** Where a residual score sits on the 5 x 5 grid: impact stays, likelihood = ceil(residual / impact). */
export function residualLikelihood(risk: RiskRecord): number {
  return Math.min(5, Math.max(1, Math.ceil(residualScore(risk) / risk.impact - 1e-9)));
}

export function riskView(risk: RiskRecord): RiskView {
  const inherent = inherentScore(risk);
  const residual = residualScore(risk);
  return {
    ...risk,
    inherent,
    residual,
    band: scoreBand(residual),
    inherentBand: scoreBand(inherent),
    residualLikelihood: residualLikelihood(risk),
  };
}

const counts = (cells: string[][][]): number[][] => cells.map((row) => row.map((ids) => ids.length));

export function riskList(risks: readonly RiskRecord[]) {
  const residual = heatMap(risks.map((risk) => ({ ...risk, likelihood: residualLikelihood(risk) })));
  const inherent = heatMap(risks);
  return {
    data: risks.map(riskView),
    heatMap: inherent,
    residualHeatMap: residual,
    counts: { inherent: counts(inherent), residual: counts(residual) },
  };
}

export function policyView(policy: PolicyRecord, now: Date): PolicyView {
  const reviewDue =
    policy.approvedAt === ""
      ? null
      : new Date(Date.parse(`${policy.approvedAt}T00:00:00.000Z`) + policy.reviewCycleDays * DAY_MS)
          .toISOString()
          .slice(0, 10);
  return {
    ...policy,
    reviewDue,
    reviewOverdue:
      policy.state === "approved" && reviewDue !== null && reviewDue < now.toISOString().slice(0, 10),
  };
}

export function auditView(plan: AuditRecord, rows: readonly StoredGovernanceRecord[], now: Date): AuditView {
  const lastRun = auditRunsOf(rows, plan.id)[0];
  const automatedFindings = automatedFindingsOf(rows, plan.id);
  return {
    ...plan,
    lastRun: lastRun ?? null,
    nextDueAt: nextDueAt(plan, lastRun, now),
    automatedFindings,
    openFindings: [...plan.findings, ...automatedFindings].filter((finding) => finding.status === "open")
      .length,
  };
}

export function trainingView(
  training: Governance["training"],
  rows: readonly StoredGovernanceRecord[],
  now: Date,
) {
  const assignments = trainingAssignments(
    training,
    assignmentDates(rows),
    newestUpdate(rows) ?? now.toISOString(),
    now,
  );
  return {
    modules: training.modules,
    people: training.people,
    completions: training.completions,
    assignments,
    overdue: assignments.filter((item) => item.overdue),
  };
}

export function acceptableUseView(governance: Pick<Governance, "acceptableUse" | "classification">) {
  const unique = (values: string[]) => [...new Set(values)];
  return {
    rules: governance.acceptableUse,
    roles: unique(governance.acceptableUse.map((rule) => rule.role)),
    targets: unique(governance.acceptableUse.map((rule) => rule.target)),
    dataClasses: governance.classification.map((item) => ({ id: item.id, level: item.level })),
  };
}

export function raciView(chart: RaciChart) {
  return {
    chart,
    issues: validateRaci(chart),
    roles: [...new Set(Object.values(chart).flatMap((row) => Object.keys(row)))].sort(),
  };
}

/** The RACI rule per activity: who is accountable and responsible, and what is wrong. */
export function raciValidation(chart: RaciChart) {
  const issues = validateRaci(chart);
  const activities = Object.entries(chart).map(([activity, row]) => ({
    activity,
    accountable: Object.keys(row).filter((role) => row[role] === "A"),
    responsible: Object.keys(row).filter((role) => row[role] === "R"),
    issues: issues.filter((issue) => issue.activity === activity).map((issue) => issue.message),
  }));
  return { valid: issues.length === 0, issues, activities };
}

/**
 * What the matrix compiles to and how that differs from the running policy's `acceptableUse`
 * (rules compared pair by pair; the line diff is of the YAML section, as `govern compile-policy` prints).
 */
export function acceptableUseCompilation(
  governance: Pick<Governance, "acceptableUse" | "classification">,
  running: Policy | undefined,
) {
  const compiled = compileAcceptableUse(governance);
  const runningRules = [...(running?.acceptableUse ?? [])];
  const key = (rule: { role: string; model: string; dataClass: string; decision: string }) =>
    `${rule.role}\u0000${rule.model}\u0000${rule.dataClass}\u0000${rule.decision}`;
  const runningKeys = new Set(runningRules.map(key));
  const compiledKeys = new Set(compiled.acceptableUse.map(key));
  const diff = lineDiff(stringify(runningRules), stringify(compiled.acceptableUse)).filter(
    (line) => !line.startsWith("  "),
  );
  return {
    compiled: compiled.acceptableUse,
    notes: compiled.notes,
    running: runningRules,
    added: compiled.acceptableUse.filter((rule) => !runningKeys.has(key(rule))),
    removed: runningRules.filter((rule) => !compiledKeys.has(key(rule))),
    diff,
    changed: diff.length > 0,
  };
}
