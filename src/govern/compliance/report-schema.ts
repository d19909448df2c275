import { z } from "zod";

/**
 * The compliance report, schema version 1. Stable: within a version fields are only ever added
 * (optional). The Markdown and HTML reports are views of this document. docs/compliance.md
 * describes every field.
 */
export const COMPLIANCE_REPORT_SCHEMA_VERSION = 1;

export const requirementStatuses = ["met", "partial", "not-met", "not-applicable", "attested"] as const;
export const requirementStatusSchema = z.enum(requirementStatuses);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;

export const evidenceSourceKinds = [
  "config",
  "gateway",
  "redteam",
  "audit-chain",
  "records",
  "attestation",
] as const;

/** pass: the evidence proves the control; fail: it disproves it; stale: too old; none: no evidence found */
export const evidenceOutcomeSchema = z.enum(["pass", "fail", "stale", "none"]);
export type EvidenceOutcome = z.infer<typeof evidenceOutcomeSchema>;

export const evidenceItemSchema = z.strictObject({
  control: z.string(),
  source: z.enum(evidenceSourceKinds),
  /** the check, statistic or run the evidence comes from ("output-scanning", "LLM01,LLM07") */
  check: z.string(),
  outcome: evidenceOutcomeSchema,
  summary: z.string(),
  /** when the evidence was observed (ISO 8601), or null when there is none */
  observedAt: z.iso.datetime().nullable(),
  /** age in days at generation time, and the age after which it counts as stale (null: no limit) */
  ageDays: z.number().nonnegative().nullable(),
  maxAgeDays: z.number().positive().nullable(),
  /** a path, run id or record id behind the evidence */
  reference: z.string().optional(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const gapSchema = z.strictObject({
  control: z.string(),
  problem: z.string(),
  action: z.string(),
});
export type Gap = z.infer<typeof gapSchema>;

export const requirementResultSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  group: z.string().optional(),
  status: requirementStatusSchema,
  controls: z.array(z.string()),
  detectors: z.array(z.string()),
  probes: z.array(z.string()),
  evidence: z.array(evidenceItemSchema),
  gaps: z.array(gapSchema),
  /**
   * who holds each control under shared responsibility, when the records name models with a
   * deployment type: `provider` controls are left out of the status (added in schema version 1)
   */
  responsibility: z
    .array(
      z.strictObject({
        control: z.string(),
        holder: z.enum(["organisation", "provider"]),
        assets: z.array(
          z.strictObject({ asset: z.string(), party: z.enum(["customer", "provider", "shared"]) }),
        ),
      }),
    )
    .optional(),
});
export type RequirementResult = z.infer<typeof requirementResultSchema>;

export const complianceReportSchema = z.strictObject({
  schemaVersion: z.literal(COMPLIANCE_REPORT_SCHEMA_VERSION),
  framework: z.string(),
  version: z.string(),
  name: z.string(),
  generatedAt: z.iso.datetime(),
  /** 0..100: met and attested count 1, partial 0.5, not-met 0; not-applicable is left out */
  score: z.number().min(0).max(100),
  counts: z.record(requirementStatusSchema, z.number().int().nonnegative()),
  requirements: z.array(requirementResultSchema),
});
export type ComplianceReport = z.infer<typeof complianceReportSchema>;
