import { z } from "zod";

/**
 * The governance records as the `governance/` folder holds them (one YAML file per section, policy
 * texts as Markdown). Objects are strict so that a typo is an error with its path; every field has
 * a value after parsing (no defaults are added on export), so apply then export loses nothing.
 *
 * One definition for every side: `rampart govern apply`, the management API (src/core/api/governance.ts)
 * and the dashboard validate records with these schemas. Pure zod: this file is shared with the browser.
 */

/** A record id: lower-case words joined by dashes, dots or underscores (`llama-3-70b`). */
export const RECORD_ID = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const id = z.string().regex(RECORD_ID, "ids are lower-case letters, digits, '.', '_' or '-'");
export const recordIdSchema = id;
const text = z.string();
const date = z.iso.date();
const ids = z.array(id);

export const deploymentTypes = ["saas", "paas", "iaas", "on-premises"] as const;
export const riskTiers = ["prohibited", "high", "limited", "minimal"] as const;
export const responsibilityLayers = [
  "ai-usage",
  "identity-and-access",
  "data-governance",
  "prompts-and-outputs",
  "plugins",
  "application-design",
  "model-design-and-training",
  "model-safety",
  "infrastructure",
] as const;
export const responsibilityParties = ["customer", "provider", "shared"] as const;

const responsibilitySchema = z.partialRecord(z.enum(responsibilityLayers), z.enum(responsibilityParties));

export const modelSchema = z.strictObject({
  id,
  name: text.min(1),
  version: text,
  provider: text,
  licence: text,
  weightsHash: text,
  deployment: z.enum(deploymentTypes),
  location: text,
  owner: text,
  approvedBy: text,
  riskTier: z.enum(riskTiers),
  generalPurpose: z.boolean(),
  parameters: text,
  /** layer -> party where this asset differs from its deployment type's defaults */
  responsibility: responsibilitySchema,
});

export const datasetSchema = z.strictObject({
  id,
  name: text.min(1),
  sources: z.array(text),
  licence: text,
  classification: id,
  personalData: z.boolean(),
  owner: text,
  trained: ids,
  tuned: ids,
  retrieval: ids,
});

export const applicationSchema = z.strictObject({
  id,
  name: text.min(1),
  owner: text,
  models: ids,
  endpoints: z.array(text),
  riskTier: z.enum(riskTiers),
  impactAssessedAt: z.union([date, z.literal("")]),
});

export const systemPromptSchema = z.strictObject({
  id,
  application: id,
  version: z.number().int().positive(),
  /** SHA-256 of the text, hex; recomputed and checked on apply */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  text,
});

export const vendorSchema = z.strictObject({
  id,
  name: text.min(1),
  services: z.array(text),
  reviewedAt: z.union([date, z.literal("")]),
  reviewDue: z.union([date, z.literal("")]),
});

export const toolSchema = z.strictObject({
  id,
  name: text.min(1),
  kind: z.enum(["tool", "plugin"]),
  owner: text,
  applications: ids,
});

export const assetsFileSchema = z.strictObject({
  models: z.array(modelSchema),
  datasets: z.array(datasetSchema),
  applications: z.array(applicationSchema),
  systemPrompts: z.array(systemPromptSchema),
  vendors: z.array(vendorSchema),
  tools: z.array(toolSchema),
});

export const raciLetterSchema = z.enum(["R", "A", "C", "I"]);
/** role -> letter for one activity */
export const raciRowSchema = z.record(id, raciLetterSchema);
/** activity -> role -> letter, one line per activity */
export const raciFileSchema = z.record(id, raciRowSchema);

export const riskSchema = z.strictObject({
  id,
  title: text.min(1),
  owasp: z.array(z.string().regex(/^LLM(0[1-9]|10):2025$/, "OWASP LLM 2025 ids look like LLM01:2025")),
  atlas: z.array(z.string().regex(/^AML\.T\d{4}(\.\d{3})?$/, "ATLAS technique ids look like AML.T0051")),
  assets: ids,
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  /** control ids with their effectiveness (0..1: the share of the score they remove) */
  controls: z.record(id, z.number().min(0).max(1)),
  treatment: z.enum(["mitigate", "accept", "transfer", "avoid"]),
  status: z.enum(["open", "treated", "accepted", "closed"]),
  owner: text,
  reviewDate: z.union([date, z.literal("")]),
  history: z.array(z.strictObject({ at: text, change: text, reason: text })),
});

export const policySchema = z.strictObject({
  id,
  title: text.min(1),
  version: z.number().int().positive(),
  state: z.enum(["draft", "in-review", "approved", "retired"]),
  approver: text,
  approvedAt: z.union([date, z.literal("")]),
  reviewCycleDays: z.number().int().positive(),
  /** the Markdown text; kept in policies/<id>.md in the folder */
  text,
});

export const dataClassSchema = z.strictObject({
  id,
  level: z.number().int().min(0).max(9),
  description: text,
  handling: z.array(text),
  usageLimits: z.array(text),
});

export const acceptableUseDecisions = ["allowed", "conditional", "prohibited"] as const;
export const acceptableUseRuleSchema = z.strictObject({
  role: id,
  /** a model name (as the gateway routes it) or a tool id */
  target: text.min(1),
  dataClass: id,
  decision: z.enum(acceptableUseDecisions),
});

export const automatedCheckIds = [
  "policy-drift",
  "redteam-freshness",
  "audit-chain",
  "key-hygiene",
  "model-ownership",
] as const;
export const auditSchedules = ["monthly", "quarterly", "yearly"] as const;
export const findingSeverities = ["low", "medium", "high", "critical"] as const;

export const auditPlanFindingSchema = z.strictObject({
  id,
  title: text,
  severity: z.enum(findingSeverities),
  owner: text,
  due: z.union([date, z.literal("")]),
  status: z.enum(["open", "closed"]),
});

export const auditSchema = z.strictObject({
  id,
  title: text.min(1),
  schedule: z.enum(auditSchedules),
  checklist: z.array(text),
  automatedChecks: z.array(z.enum(automatedCheckIds)),
  findings: z.array(auditPlanFindingSchema),
});

export const trainingModuleSchema = z.strictObject({
  id,
  title: text.min(1),
  roles: ids,
  dueDays: z.number().int().positive(),
});
export const trainingCompletionSchema = z.strictObject({ person: id, module: id, at: date });

export const trainingSchema = z.strictObject({
  modules: z.array(trainingModuleSchema),
  /** person -> role, for assignments */
  people: z.record(id, id),
  completions: z.array(trainingCompletionSchema),
});

export const attestationSchema = z.strictObject({
  framework: text.min(1),
  requirement: text.min(1),
  status: z.enum(["attested", "not-applicable"]),
  by: text.min(1),
  at: z.iso.datetime(),
  note: text,
});

export const governanceSchema = z.strictObject({
  assets: assetsFileSchema,
  raci: raciFileSchema,
  risks: z.array(riskSchema),
  policies: z.array(policySchema),
  classification: z.array(dataClassSchema),
  acceptableUse: z.array(acceptableUseRuleSchema),
  audits: z.array(auditSchema),
  training: trainingSchema,
  attestations: z.array(attestationSchema),
});
export type Governance = z.infer<typeof governanceSchema>;
export type ModelRecord = z.infer<typeof modelSchema>;
export type DatasetRecord = z.infer<typeof datasetSchema>;
export type ApplicationRecord = z.infer<typeof applicationSchema>;
export type SystemPromptRecord = z.infer<typeof systemPromptSchema>;
export type VendorRecord = z.infer<typeof vendorSchema>;
export type ToolRecord = z.infer<typeof toolSchema>;
export type RiskRecord = z.infer<typeof riskSchema>;
export type PolicyRecord = z.infer<typeof policySchema>;
export type DataClassRecord = z.infer<typeof dataClassSchema>;
export type AuditRecord = z.infer<typeof auditSchema>;
export type AuditPlanFinding = z.infer<typeof auditPlanFindingSchema>;
export type TrainingModule = z.infer<typeof trainingModuleSchema>;
export type TrainingCompletion = z.infer<typeof trainingCompletionSchema>;
export type Attestation = z.infer<typeof attestationSchema>;
export type RaciChart = z.infer<typeof raciFileSchema>;
export type AcceptableUseRule = z.infer<typeof acceptableUseRuleSchema>;
export type AutomatedCheckId = (typeof automatedCheckIds)[number];
export type ResponsibilityLayer = (typeof responsibilityLayers)[number];
export type ResponsibilityParty = (typeof responsibilityParties)[number];
export type DeploymentType = (typeof deploymentTypes)[number];
