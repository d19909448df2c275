import { z } from "zod";
import { endpoint, queryBoolean } from "./contract.js";
import {
  acceptableUseDecisions,
  acceptableUseRuleSchema,
  applicationSchema,
  attestationSchema,
  auditPlanFindingSchema,
  auditSchema,
  automatedCheckIds,
  dataClassSchema,
  datasetSchema,
  deploymentTypes,
  governanceSchema,
  modelSchema,
  policySchema,
  raciFileSchema,
  raciRowSchema,
  recordIdSchema,
  responsibilityLayers,
  responsibilityParties,
  riskSchema,
  systemPromptSchema,
  toolSchema,
  trainingCompletionSchema,
  trainingModuleSchema,
  vendorSchema,
} from "./governance-records.js";

export * from "./governance-records.js";

/**
 * The governance endpoints of the management API, declared once: the server registers them
 * (src/server/api/governance-routes.ts) and the dashboard calls them with the same schemas. Record
 * bodies are validated with the schemas `rampart govern apply` uses (governance-records.ts), and every
 * write is checked as a whole register (references, the RACI rule, prompt hashes) before it is stored.
 * Reads need governance:read; writes governance:write; applying the acceptable-use matrix to the
 * gateway's policy needs policy:write (it changes what the gateway enforces).
 */

const BASE = "/api/v1/governance";
const READ = "governance:read" as const;
const WRITE = "governance:write" as const;

const isoTime = z.iso.datetime();
const layerSchema = z.enum(responsibilityLayers);
const partySchema = z.enum(responsibilityParties);

export const idParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const recordChangeSchema = z.object({
  change: z.enum(["add", "update", "remove"]),
  kind: z.string(),
  id: z.string(),
});
export type RecordChangeView = z.infer<typeof recordChangeSchema>;

export const deletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

// ---- shared responsibility -------------------------------------------------------------------

/** One layer of an asset's split: who holds it, and whether the asset overrides its deployment's default. */
export const responsibilityCellSchema = z.object({
  layer: layerSchema,
  party: partySchema,
  overridden: z.boolean(),
});

/**
 * A control and who holds it for one asset: the strongest party of the control's layers (customer
 * over shared over provider). customer and shared are the organisation's duty; provider is not.
 */
export const controlDutySchema = z.object({
  control: z.string(),
  title: z.string(),
  layers: z.array(layerSchema),
  party: partySchema,
});

export const modelViewSchema = modelSchema.extend({
  /** layer -> party: the deployment type's defaults with the model's overrides */
  effectiveResponsibility: z.record(layerSchema, partySchema),
  /** the layers that are customer or shared */
  organisationDuties: z.array(layerSchema),
  responsibilityMatrix: z.array(responsibilityCellSchema),
  /** every control of catalog/controls.yaml with its party for this model */
  controls: z.array(controlDutySchema),
});
export type ModelView = z.infer<typeof modelViewSchema>;

export const responsibilityOverviewSchema = z.object({
  /** deployment type -> layer -> party */
  defaults: z.record(z.enum(deploymentTypes), z.record(layerSchema, partySchema)),
  assets: z.array(
    z.object({
      asset: z.string(),
      name: z.string(),
      deployment: z.enum(deploymentTypes),
      matrix: z.array(responsibilityCellSchema),
      controls: z.array(controlDutySchema),
    }),
  ),
  /**
   * per control: `organisation` when it is customer or shared for at least one model (or when no model
   * is recorded), `provider` when the provider holds it for every model; the compliance engine reads
   * the same decision
   */
  controls: z.array(
    z.object({
      control: z.string(),
      title: z.string(),
      layers: z.array(layerSchema),
      holder: z.enum(["organisation", "provider"]),
      assets: z.array(z.object({ asset: z.string(), party: partySchema })),
    }),
  ),
});
export type ResponsibilityOverview = z.infer<typeof responsibilityOverviewSchema>;

// ---- risks -----------------------------------------------------------------------------------

const bandSchema = z.enum(["low", "medium", "high", "critical"]);
/** 5 x 5 grid, [likelihood - 1][impact - 1] */
const gridOf = <T extends z.ZodType>(cell: T) => z.array(z.array(cell));

export const riskViewSchema = riskSchema.extend({
  inherent: z.number(),
  residual: z.number(),
  /** the band of the residual score */
  band: bandSchema,
  inherentBand: bandSchema,
  /** where the residual score sits on the grid: impact stays, likelihood = ceil(residual / impact) */
  residualLikelihood: z.number().int().min(1).max(5),
});
export type RiskView = z.infer<typeof riskViewSchema>;

export const riskListSchema = z.object({
  data: z.array(riskViewSchema),
  /** risk ids by inherent likelihood x impact */
  heatMap: gridOf(z.array(z.string())),
  /** risk ids by residual likelihood x impact */
  residualHeatMap: gridOf(z.array(z.string())),
  counts: z.object({ inherent: gridOf(z.number().int()), residual: gridOf(z.number().int()) }),
});

// ---- policies --------------------------------------------------------------------------------

export const policyViewSchema = policySchema.extend({
  /** approvedAt + reviewCycleDays, or null when never approved */
  reviewDue: z.iso.date().nullable(),
  reviewOverdue: z.boolean(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

// ---- audits ----------------------------------------------------------------------------------

export const automatedCheckResultSchema = z.object({
  check: z.enum(automatedCheckIds),
  /** null: the evidence for the check was not available (never counted as passed) */
  passed: z.boolean().nullable(),
  problems: z.array(z.string()),
});

/** One run of an audit plan's automated checks (stored as evidence, recorded in the audit trail). */
export const auditRunSchema = z.object({
  id: z.string(),
  audit: z.string(),
  at: isoTime,
  trigger: z.enum(["schedule", "manual"]),
  /** who ran it: `scheduler`, `admin:<key id>`, `cli:<user>` */
  actor: z.string(),
  results: z.array(automatedCheckResultSchema),
});
export type AuditRun = z.infer<typeof auditRunSchema>;

/** A finding raised by a failing automated check; closed when the check passes again. */
export const automatedFindingSchema = auditPlanFindingSchema.extend({
  audit: z.string(),
  check: z.enum(automatedCheckIds),
  problems: z.array(z.string()),
  openedAt: isoTime,
  lastSeenAt: isoTime,
  closedAt: isoTime.nullable(),
});
export type AutomatedFinding = z.infer<typeof automatedFindingSchema>;

export const auditViewSchema = auditSchema.extend({
  lastRun: auditRunSchema.nullable(),
  /** when the scheduler runs the checks next (null: the plan has no automated checks) */
  nextDueAt: isoTime.nullable(),
  automatedFindings: z.array(automatedFindingSchema),
  /** open findings, recorded and automated */
  openFindings: z.number().int(),
});
export type AuditView = z.infer<typeof auditViewSchema>;

export const auditRunAnswerSchema = z.object({
  run: auditRunSchema,
  findings: z.array(automatedFindingSchema),
});

// ---- training --------------------------------------------------------------------------------

export const trainingAssignmentSchema = z.object({
  person: z.string(),
  role: z.string(),
  module: z.string(),
  /** when the assignment first existed (the person got the role, or the module named it) */
  assignedAt: isoTime,
  dueAt: isoTime,
  completedAt: z.iso.date().nullable(),
  overdue: z.boolean(),
});
export type TrainingAssignment = z.infer<typeof trainingAssignmentSchema>;

export const trainingViewSchema = z.object({
  modules: z.array(trainingModuleSchema),
  people: z.record(z.string(), z.string()),
  completions: z.array(trainingCompletionSchema),
  assignments: z.array(trainingAssignmentSchema),
  overdue: z.array(trainingAssignmentSchema),
});

// ---- acceptable use --------------------------------------------------------------------------

/** A rule of the gateway policy's `acceptableUse` (what the matrix compiles to). */
export const gatewayAcceptableUseRuleSchema = z.object({
  role: z.string(),
  model: z.string(),
  dataClass: z.enum(["public", "internal", "confidential", "restricted", "*"]),
  decision: z.enum(acceptableUseDecisions),
  reason: z.string().optional(),
});

export const acceptableUseViewSchema = z.object({
  rules: z.array(acceptableUseRuleSchema),
  /** the matrix's axes, for an editor */
  roles: z.array(z.string()),
  targets: z.array(z.string()),
  dataClasses: z.array(z.object({ id: z.string(), level: z.number().int() })),
});

export const acceptableUseCompileBodySchema = z.strictObject({
  /** an unsaved matrix to compile; the stored one when absent */
  rules: z.array(acceptableUseRuleSchema).optional(),
  /** unsaved data classes; the stored ones when absent */
  classification: z.array(dataClassSchema).optional(),
});

export const acceptableUseCompileSchema = z.object({
  compiled: z.array(gatewayAcceptableUseRuleSchema),
  notes: z.array(z.string()),
  running: z.array(gatewayAcceptableUseRuleSchema),
  /** rules the running policy lacks (+) and has but the matrix does not (-) */
  added: z.array(gatewayAcceptableUseRuleSchema),
  removed: z.array(gatewayAcceptableUseRuleSchema),
  /** a line diff of the policy's acceptableUse section, running -> compiled ("- ", "+ " lines only) */
  diff: z.array(z.string()),
  changed: z.boolean(),
});

export const acceptableUseApplySchema = acceptableUseCompileSchema.extend({
  /** the policy file that was written */
  file: z.string(),
  /** the gateway loaded the new policy */
  reloaded: z.boolean(),
});

// ---- RACI ------------------------------------------------------------------------------------

export const raciIssueSchema = z.object({ activity: z.string(), message: z.string() });

export const raciViewSchema = z.object({
  chart: raciFileSchema,
  issues: z.array(raciIssueSchema),
  roles: z.array(z.string()),
});

export const raciValidationSchema = z.object({
  valid: z.boolean(),
  issues: z.array(raciIssueSchema),
  /** every activity with its own issues (empty when it keeps the rule) */
  activities: z.array(
    z.object({
      activity: z.string(),
      accountable: z.array(z.string()),
      responsible: z.array(z.string()),
      issues: z.array(z.string()),
    }),
  ),
});

// ---- AI Incident Database --------------------------------------------------------------------

export const aiidIncidentSchema = z.object({
  incidentId: z.number().int().positive(),
  date: z.string(),
  title: z.string(),
  description: z.string(),
  deployers: z.array(z.string()),
  developers: z.array(z.string()),
  harmedParties: z.array(z.string()),
  reportCount: z.number().int().nonnegative(),
  citeUrl: z.string(),
});
export type AiidIncidentRecord = z.infer<typeof aiidIncidentSchema>;

export const aiidIncidentViewSchema = aiidIncidentSchema.extend({
  /** the vendors and models of the inventory the incident's deployer or developer names */
  matches: z.array(z.string()),
});

// ---- endpoints -------------------------------------------------------------------------------

/** list, get, create, replace and delete for one kind of record with an id. */
function recordEndpoints<const P extends string, B extends z.ZodType, V extends z.ZodType>(
  path: P,
  body: B,
  view: V,
) {
  return {
    list: endpoint({
      method: "GET",
      path: `${BASE}/${path}`,
      scope: READ,
      response: z.object({ data: z.array(view) }),
    }),
    get: endpoint({
      method: "GET",
      path: `${BASE}/${path}/:id`,
      scope: READ,
      params: idParamsSchema,
      response: view,
    }),
    create: endpoint({
      method: "POST",
      path: `${BASE}/${path}`,
      scope: WRITE,
      body,
      response: view,
      status: 201,
    }),
    replace: endpoint({
      method: "PUT",
      path: `${BASE}/${path}/:id`,
      scope: WRITE,
      params: idParamsSchema,
      body,
      response: view,
    }),
    remove: endpoint({
      method: "DELETE",
      path: `${BASE}/${path}/:id`,
      scope: WRITE,
      params: idParamsSchema,
      response: deletedSchema,
    }),
  };
}

export const governanceApi = {
  /** the whole register, in the folder's shape */
  document: endpoint({ method: "GET", path: BASE, scope: READ, response: governanceSchema }),
  /** validates and applies a whole register, as `rampart govern apply` does; `dryRun` only answers the changes */
  apply: endpoint({
    method: "PUT",
    path: BASE,
    scope: WRITE,
    query: z.object({ dryRun: queryBoolean.optional() }),
    body: governanceSchema,
    response: z.object({ dryRun: z.boolean(), changes: z.array(recordChangeSchema) }),
  }),

  /** every asset kind at once; models with their responsibility split */
  assets: endpoint({
    method: "GET",
    path: `${BASE}/assets`,
    scope: READ,
    response: z.object({
      models: z.array(modelViewSchema),
      datasets: z.array(datasetSchema),
      applications: z.array(applicationSchema),
      systemPrompts: z.array(systemPromptSchema),
      vendors: z.array(vendorSchema),
      tools: z.array(toolSchema),
    }),
  }),
  models: recordEndpoints("models", modelSchema, modelViewSchema),
  datasets: recordEndpoints("datasets", datasetSchema, datasetSchema),
  applications: recordEndpoints("applications", applicationSchema, applicationSchema),
  systemPrompts: recordEndpoints("system-prompts", systemPromptSchema, systemPromptSchema),
  vendors: recordEndpoints("vendors", vendorSchema, vendorSchema),
  tools: recordEndpoints("tools", toolSchema, toolSchema),
  /** the shared-responsibility matrix of every model and which controls are the organisation's duty */
  responsibility: endpoint({
    method: "GET",
    path: `${BASE}/responsibility`,
    scope: READ,
    response: responsibilityOverviewSchema,
  }),

  /** the chart and its rule violations; `?format=csv` answers text/csv */
  raci: endpoint({
    method: "GET",
    path: `${BASE}/raci`,
    scope: READ,
    query: z.object({ format: z.enum(["json", "csv"]).default("json") }),
    response: z.union([raciViewSchema, z.string()]),
  }),
  /** replaces the chart; refused (400 naming the activity) when an activity breaks the rule */
  raciReplace: endpoint({
    method: "PUT",
    path: `${BASE}/raci`,
    scope: WRITE,
    body: raciFileSchema,
    response: raciViewSchema,
  }),
  raciActivityPut: endpoint({
    method: "PUT",
    path: `${BASE}/raci/:activity`,
    scope: WRITE,
    params: z.object({ activity: z.string().min(1).max(200) }),
    body: raciRowSchema,
    response: raciViewSchema,
  }),
  raciActivityDelete: endpoint({
    method: "DELETE",
    path: `${BASE}/raci/:activity`,
    scope: WRITE,
    params: z.object({ activity: z.string().min(1).max(200) }),
    response: raciViewSchema,
  }),
  /** dry run: the chart's issues per activity; nothing is stored */
  raciValidate: endpoint({
    method: "POST",
    path: `${BASE}/raci/validate`,
    scope: READ,
    body: raciFileSchema,
    response: raciValidationSchema,
  }),

  risks: {
    ...recordEndpoints("risks", riskSchema, riskViewSchema),
    /** risks with scores, and the heat maps (ids and counts, inherent and residual) */
    list: endpoint({ method: "GET", path: `${BASE}/risks`, scope: READ, response: riskListSchema }),
  },

  policies: recordEndpoints("policies", policySchema, policyViewSchema),
  /** approves a policy: state approved, approver = the signed-in admin, approvedAt = today */
  policyApprove: endpoint({
    method: "POST",
    path: `${BASE}/policies/:id/approve`,
    scope: WRITE,
    params: idParamsSchema,
    response: policyViewSchema,
  }),

  dataClasses: recordEndpoints("data-classes", dataClassSchema, dataClassSchema),

  acceptableUse: endpoint({
    method: "GET",
    path: `${BASE}/acceptable-use`,
    scope: READ,
    response: acceptableUseViewSchema,
  }),
  acceptableUseReplace: endpoint({
    method: "PUT",
    path: `${BASE}/acceptable-use`,
    scope: WRITE,
    body: z.strictObject({ rules: z.array(acceptableUseRuleSchema) }),
    response: acceptableUseViewSchema,
  }),
  /** dry run: the gateway rules the matrix compiles to and the diff against the running policy */
  acceptableUseCompile: endpoint({
    method: "POST",
    path: `${BASE}/acceptable-use/compile`,
    scope: READ,
    body: acceptableUseCompileBodySchema,
    response: acceptableUseCompileSchema,
  }),
  /** writes the stored matrix's rules into the policy file and reloads the gateway's policy */
  acceptableUseApply: endpoint({
    method: "POST",
    path: `${BASE}/acceptable-use/apply`,
    scope: "policy:write",
    response: acceptableUseApplySchema,
  }),

  audits: recordEndpoints("audits", auditSchema, auditViewSchema),
  /** runs an audit plan's automated checks now (findings and the trail record the result) */
  auditRun: endpoint({
    method: "POST",
    path: `${BASE}/audits/:id/run`,
    scope: WRITE,
    params: idParamsSchema,
    response: auditRunAnswerSchema,
  }),
  auditRuns: endpoint({
    method: "GET",
    path: `${BASE}/audits/:id/runs`,
    scope: READ,
    params: idParamsSchema,
    response: z.object({ data: z.array(auditRunSchema) }),
  }),

  /** modules, people, completions, assignments and the overdue list */
  training: endpoint({ method: "GET", path: `${BASE}/training`, scope: READ, response: trainingViewSchema }),
  trainingModules: recordEndpoints("training/modules", trainingModuleSchema, trainingModuleSchema),
  trainingPersonPut: endpoint({
    method: "PUT",
    path: `${BASE}/training/people/:person`,
    scope: WRITE,
    params: z.object({ person: z.string().min(1).max(200) }),
    body: z.strictObject({ role: recordIdSchema }),
    response: trainingViewSchema,
  }),
  trainingPersonDelete: endpoint({
    method: "DELETE",
    path: `${BASE}/training/people/:person`,
    scope: WRITE,
    params: z.object({ person: z.string().min(1).max(200) }),
    response: trainingViewSchema,
  }),
  trainingCompletionAdd: endpoint({
    method: "POST",
    path: `${BASE}/training/completions`,
    scope: WRITE,
    body: trainingCompletionSchema,
    response: trainingViewSchema,
    status: 201,
  }),
  trainingCompletionDelete: endpoint({
    method: "DELETE",
    path: `${BASE}/training/completions/:person/:module`,
    scope: WRITE,
    params: z.object({ person: z.string().min(1).max(200), module: z.string().min(1).max(200) }),
    response: trainingViewSchema,
  }),

  attestations: endpoint({
    method: "GET",
    path: `${BASE}/attestations`,
    scope: READ,
    response: z.object({ data: z.array(attestationSchema) }),
  }),
  attestationsReplace: endpoint({
    method: "PUT",
    path: `${BASE}/attestations`,
    scope: WRITE,
    body: z.strictObject({ data: z.array(attestationSchema) }),
    response: z.object({ data: z.array(attestationSchema) }),
  }),

  /** AI Incident Database incidents imported with `rampart govern import-aiid` or the import endpoint */
  aiidIncidents: endpoint({
    method: "GET",
    path: `${BASE}/aiid-incidents`,
    scope: READ,
    response: z.object({ data: z.array(aiidIncidentViewSchema) }),
  }),
  aiidImport: endpoint({
    method: "POST",
    path: `${BASE}/aiid-incidents/import`,
    scope: WRITE,
    /** the text of AIID's incidents.csv */
    body: z.strictObject({ csv: z.string().min(1) }),
    response: z.object({ imported: z.number().int(), data: z.array(aiidIncidentViewSchema) }),
  }),
} as const;
