import { z } from "zod";
import { endpoint } from "./contract.js";

/**
 * Compliance from live evidence (docs/compliance.md). The report is the stable JSON document of
 * `rampart comply report` (schema version 1); these schemas restate it for the browser, and a test
 * checks that every report the engine builds parses with them.
 */

export const complianceStatuses = ["met", "partial", "not-met", "not-applicable", "attested"] as const;
export const complianceStatusSchema = z.enum(complianceStatuses);
export type ComplianceStatus = z.infer<typeof complianceStatusSchema>;

export const complianceEvidenceSchema = z.object({
  control: z.string(),
  source: z.enum(["config", "gateway", "redteam", "audit-chain", "records", "attestation"]),
  check: z.string(),
  /** pass, fail, stale (too old) or none (no evidence found) */
  outcome: z.enum(["pass", "fail", "stale", "none"]),
  summary: z.string(),
  observedAt: z.iso.datetime().nullable(),
  /** age in days when the report was made, and the age after which it is stale (null: no limit) */
  ageDays: z.number().nonnegative().nullable(),
  maxAgeDays: z.number().positive().nullable(),
  reference: z.string().optional(),
});
export type ComplianceEvidence = z.infer<typeof complianceEvidenceSchema>;

export const complianceGapSchema = z.object({
  control: z.string(),
  problem: z.string(),
  action: z.string(),
});

export const complianceRequirementSchema = z.object({
  id: z.string(),
  title: z.string(),
  group: z.string().optional(),
  status: complianceStatusSchema,
  controls: z.array(z.string()),
  detectors: z.array(z.string()),
  probes: z.array(z.string()),
  evidence: z.array(complianceEvidenceSchema),
  gaps: z.array(complianceGapSchema),
  /** who holds each control under shared responsibility; `provider` controls are left out of the status */
  responsibility: z
    .array(
      z.object({
        control: z.string(),
        holder: z.enum(["organisation", "provider"]),
        assets: z.array(z.object({ asset: z.string(), party: z.enum(["customer", "provider", "shared"]) })),
      }),
    )
    .optional(),
});
export type ComplianceRequirement = z.infer<typeof complianceRequirementSchema>;

const statusCountsSchema = z.record(complianceStatusSchema, z.number().int().nonnegative());

export const complianceReportSchema = z.object({
  schemaVersion: z.literal(1),
  framework: z.string(),
  version: z.string(),
  name: z.string(),
  generatedAt: z.iso.datetime(),
  /** 0..100: met and attested count 1, partial 0.5, not-met 0; not-applicable is left out */
  score: z.number().min(0).max(100),
  counts: statusCountsSchema,
  requirements: z.array(complianceRequirementSchema),
});
export type ComplianceReportDocument = z.infer<typeof complianceReportSchema>;

export const complianceFrameworkSummarySchema = z.object({
  framework: z.string(),
  version: z.string(),
  /** the framework's title */
  name: z.string(),
  score: z.number().min(0).max(100),
  counts: statusCountsSchema,
  requirements: z.number().int().nonnegative(),
});
export type ComplianceFrameworkSummary = z.infer<typeof complianceFrameworkSummarySchema>;

/** Every framework of the catalogue (its newest version), scored from the same evidence. */
export const complianceSummary = endpoint({
  method: "GET",
  path: "/api/v1/compliance",
  scope: "governance:read",
  response: z.object({
    generatedAt: z.iso.datetime(),
    data: z.array(complianceFrameworkSummarySchema),
  }),
});

const frameworkIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be a framework id");

/** One framework's report (the JSON document of `rampart comply report`). */
export const complianceFrameworkReport = endpoint({
  method: "GET",
  path: "/api/v1/compliance/:framework",
  scope: "governance:read",
  params: z.object({ framework: frameworkIdSchema }),
  /** a catalogue version; default the newest */
  query: z.object({ version: z.string().min(1).max(40).optional() }),
  response: complianceReportSchema,
});

/**
 * Downloads (plain routes answered as attachments, not JSON endpoints):
 * - `GET /api/v1/compliance/:framework/report?format=html|md|json` (governance:read)
 * - `POST /api/v1/compliance/pack` with an optional `{"frameworks": [...]}` (governance:read and
 *   audit:read: the pack carries the audit trail's export): the signed evidence pack as .tar.gz
 */
export const complianceReportDownload = {
  method: "GET",
  path: "/api/v1/compliance/:framework/report",
  scope: "governance:read",
  formats: ["html", "md", "json"],
} as const;

export const compliancePackBodySchema = z.strictObject({
  /** framework ids; default every framework */
  frameworks: z.array(frameworkIdSchema).min(1).max(20).optional(),
});
export type CompliancePackBody = z.infer<typeof compliancePackBodySchema>;

export const compliancePackDownload = {
  method: "POST",
  path: "/api/v1/compliance/pack",
  scopes: ["governance:read", "audit:read"],
  body: compliancePackBodySchema,
} as const;
