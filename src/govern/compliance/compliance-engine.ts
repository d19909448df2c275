import { RampartError } from "../../core/errors.js";
import type { Control, EvidenceSpec, Framework, Requirement } from "../catalog/catalog-schema.js";
import {
  type ControlHolder,
  controlHolder,
  type ResponsibleAsset,
} from "../records/shared-responsibility.js";
import { type CollectedEvidence, collectEvidence } from "./collect-evidence.js";
import type { Attestation, EvidenceSources } from "./evidence-sources.js";
import {
  COMPLIANCE_REPORT_SCHEMA_VERSION,
  type ComplianceReport,
  type EvidenceItem,
  type Gap,
  type RequirementResult,
  type RequirementStatus,
  requirementStatuses,
} from "./report-schema.js";

/** How much each status counts towards the score (not-applicable is left out). */
const STATUS_WEIGHT: Readonly<Record<Exclude<RequirementStatus, "not-applicable">, number>> = {
  met: 1,
  attested: 1,
  partial: 0.5,
  "not-met": 0,
};

/** Problems listed per gap; the rest are counted. */
const PROBLEMS_PER_GAP = 5;

/**
 * Builds a compliance report: every evidence spec is read once per report (controls share them),
 * then each requirement's status follows from the evidence of its controls and any attestation.
 */
export async function buildComplianceReport(
  framework: Framework,
  controls: ReadonlyMap<string, Control>,
  sources: EvidenceSources,
): Promise<ComplianceReport> {
  const now = sources.now?.() ?? new Date();
  const cache = new Map<string, Promise<CollectedEvidence>>();
  const read = (spec: EvidenceSpec): Promise<CollectedEvidence> => {
    const key = JSON.stringify(spec);
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = collectEvidence(spec, sources, now);
      cache.set(key, pending);
    }
    return pending;
  };
  const attestations = (await sources.records?.attestations(framework.id)) ?? [];
  const assets = (await sources.records?.responsibility?.()) ?? [];
  const holders = new Map<string, ControlHolder>();
  const holderOf = (control: Control): ControlHolder => {
    let holder = holders.get(control.id);
    if (holder === undefined) {
      holder = controlHolder(control, assets);
      holders.set(control.id, holder);
    }
    return holder;
  };
  const requirements: RequirementResult[] = [];
  for (const requirement of framework.requirements) {
    const attestation = validAttestation(attestations, requirement.id, now);
    requirements.push(
      await evaluateRequirement(requirement, controls, read, attestation, now, {
        holderOf,
        recorded: assets.length > 0,
        assets,
      }),
    );
  }
  return {
    schemaVersion: COMPLIANCE_REPORT_SCHEMA_VERSION,
    framework: framework.id,
    version: framework.version,
    name: framework.name,
    generatedAt: now.toISOString(),
    score: score(requirements),
    counts: countStatuses(requirements),
    requirements,
  };
}

function validAttestation(
  attestations: readonly Attestation[],
  requirement: string,
  now: Date,
): Attestation | undefined {
  return attestations
    .filter((item) => item.requirement === requirement)
    .filter((item) => item.expiresAt === undefined || Date.parse(item.expiresAt) > now.getTime())
    .sort((a, b) => b.at.localeCompare(a.at))[0];
}

interface Responsibility {
  readonly holderOf: (control: Control) => ControlHolder;
  /** true when the records name at least one model with a deployment type */
  readonly recorded: boolean;
  readonly assets: readonly ResponsibleAsset[];
}

/** Evidence that a control is the provider's duty: every model's deployment puts its layers with the provider. */
function providerEvidence(control: Control, holder: ControlHolder, now: Date): EvidenceItem {
  return {
    control: control.id,
    source: "records",
    check: "shared-responsibility",
    outcome: "pass",
    summary: `the provider's duty for every model (${control.layers.join(", ")}: ${holder.assets
      .map((item) => item.asset)
      .join(", ")}); not counted against the organisation`,
    observedAt: now.toISOString(),
    ageDays: 0,
    maxAgeDays: null,
  };
}

async function evaluateRequirement(
  requirement: Requirement,
  controls: ReadonlyMap<string, Control>,
  read: (spec: EvidenceSpec) => Promise<CollectedEvidence>,
  attestation: Attestation | undefined,
  now: Date,
  responsibility: Responsibility,
): Promise<RequirementResult> {
  const evidence: EvidenceItem[] = [];
  const gaps: Gap[] = [];
  const controlStatuses: RequirementStatus[] = [];
  const holders: ControlHolder[] = [];
  for (const controlId of requirement.controls) {
    const control = controls.get(controlId);
    if (control === undefined) throw new RampartError("config_invalid", `unknown control ${controlId}`);
    const holder = responsibility.holderOf(control);
    holders.push(holder);
    if (holder.holder === "provider") {
      evidence.push(providerEvidence(control, holder, now));
      continue;
    }
    const items: EvidenceItem[] = [];
    for (const spec of control.evidence) {
      const collected = await read(spec);
      items.push({ control: control.id, ...collected.item });
      if (collected.item.outcome !== "pass") gaps.push(gapFor(control, collected));
    }
    evidence.push(...items);
    controlStatuses.push(controlStatus(items));
  }
  if (attestation !== undefined) {
    evidence.push({
      control: "attestation",
      source: "attestation",
      check: attestation.status,
      outcome: "pass",
      summary: `${attestation.by}: ${attestation.note}`,
      observedAt: attestation.at,
      ageDays: Math.max(0, Math.round((now.getTime() - Date.parse(attestation.at)) / 864_000) / 100),
      maxAgeDays: null,
    });
  }
  // every control the provider's: nothing in this requirement is the organisation's duty
  const computed: RequirementStatus =
    controlStatuses.length === 0 && holders.length > 0 ? "not-applicable" : combine(controlStatuses);
  const status: RequirementStatus =
    attestation === undefined || computed === "met" || computed === "not-applicable"
      ? computed
      : attestation.status;
  if (requirement.controls.length === 0 && attestation === undefined) {
    gaps.push({
      control: "attestation",
      problem: "no Rampart control produces evidence for this requirement",
      action: "Record an attestation (or a not-applicable statement) for it in the governance records.",
    });
  }
  return {
    id: requirement.id,
    title: requirement.title,
    ...(requirement.group === undefined ? {} : { group: requirement.group }),
    status,
    controls: requirement.controls,
    detectors: requirement.detectors,
    probes: requirement.probes,
    evidence,
    gaps: status === "not-applicable" ? [] : gaps,
    ...(responsibility.recorded
      ? {
          responsibility: holders.map((holder) => ({
            control: holder.control,
            holder: holder.holder,
            assets: holder.assets.map((item) => ({ ...item })),
          })),
        }
      : {}),
  };
}

/**
 * A control is not-met when any of its evidence fails (the check disproves it: switched off, or
 * attacks get through) or none passes; met when all passes; partial when some passes and the
 * rest is missing or stale.
 */
function controlStatus(evidence: readonly EvidenceItem[]): RequirementStatus {
  if (evidence.some((item) => item.outcome === "fail")) return "not-met";
  const passed = evidence.filter((item) => item.outcome === "pass").length;
  if (passed === 0) return "not-met";
  return passed === evidence.length ? "met" : "partial";
}

/** A requirement is met when all its controls are, not-met when none is even partly, else partial. */
function combine(statuses: readonly RequirementStatus[]): RequirementStatus {
  if (statuses.length === 0) return "not-met";
  if (statuses.every((status) => status === "met")) return "met";
  if (statuses.every((status) => status === "not-met")) return "not-met";
  return "partial";
}

/** What to do when evidence is missing or stale (a failure gets the control's own action). */
function missingEvidenceAction(item: EvidenceItem | CollectedEvidence["item"], control: Control): string {
  switch (item.source) {
    case "gateway":
      return "Serve traffic through the gateway with a persistent audit store, so its decisions are recorded as evidence.";
    case "redteam":
      return item.outcome === "stale"
        ? `Run rampart redteam again for ${item.check}: the newest run is older than ${item.maxAgeDays} days.`
        : `Run rampart redteam with probes for ${item.check} and keep the runs (in the store, or pass --runs).`;
    case "audit-chain":
      return "Record gateway traffic in a persistent store with its signing key, so the chain can be verified.";
    case "records":
      return "Provide the governance records (rampart govern apply, or --records FILE).";
    default:
      return control.action;
  }
}

function gapFor(control: Control, collected: CollectedEvidence): Gap {
  const { item, problems } = collected;
  const shown = problems.slice(0, PROBLEMS_PER_GAP);
  const more = problems.length > shown.length ? ` (+${problems.length - shown.length} more)` : "";
  const detail = shown.length === 0 ? item.summary : `${item.summary}: ${shown.join("; ")}${more}`;
  return {
    control: control.id,
    problem: `${item.source} ${item.outcome}: ${detail}`,
    action: item.outcome === "fail" ? control.action : missingEvidenceAction(item, control),
  };
}

function score(requirements: readonly RequirementResult[]): number {
  const applicable = requirements.filter((item) => item.status !== "not-applicable");
  if (applicable.length === 0) return 100;
  let total = 0;
  for (const item of applicable) {
    if (item.status !== "not-applicable") total += STATUS_WEIGHT[item.status];
  }
  return Math.round((total / applicable.length) * 1000) / 10;
}

function countStatuses(requirements: readonly RequirementResult[]): Record<RequirementStatus, number> {
  const counts = Object.fromEntries(requirementStatuses.map((status) => [status, 0])) as Record<
    RequirementStatus,
    number
  >;
  for (const item of requirements) counts[item.status] += 1;
  return counts;
}
