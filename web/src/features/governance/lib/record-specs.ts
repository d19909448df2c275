import {
  auditPlanFindingSchema,
  auditSchedules,
  auditSchema,
  automatedCheckIds,
  dataClassSchema,
  findingSeverities,
  policySchema,
  riskSchema,
  trainingModuleSchema,
} from "@core/api/governance";
import type { z } from "zod";
import type { FieldOption, FieldSpec } from "./record-form";
import { impactLabels, likelihoodLabels } from "./risk-heat-map";

const scale = (labels: readonly string[]): FieldOption[] =>
  labels.map((label, index) => ({ value: String(index + 1), label: `${index + 1} — ${label}` }));
const options = (values: readonly string[]): FieldOption[] =>
  values.map((value) => ({ value, label: value }));

/** Only the keys the body schema knows (views carry scores, matrices and dates the body refuses). */
export function bodyBase(schema: z.ZodObject, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(schema.shape).flatMap((key) => (key in record ? [[key, record[key]]] : [])),
  );
}

export const riskFields: FieldSpec[] = [
  { name: "id", label: "Id", kind: "text", isId: true, help: "Lower-case letters, digits, '.', '_' or '-'." },
  { name: "title", label: "Title", kind: "text" },
  { name: "likelihood", label: "Likelihood", kind: "int", options: scale(likelihoodLabels) },
  { name: "impact", label: "Impact", kind: "int", options: scale(impactLabels) },
  {
    name: "controls",
    label: "Controls and their effectiveness",
    kind: "pairs",
    help: "control=share of the score it removes (0 to 1), e.g. input-scanning=0.5, pii-redaction=0.6",
  },
  { name: "owasp", label: "OWASP LLM ids", kind: "list", help: "e.g. LLM01:2025" },
  { name: "atlas", label: "MITRE ATLAS techniques", kind: "list", help: "e.g. AML.T0051" },
  { name: "assets", label: "Assets (ids)", kind: "list" },
  {
    name: "treatment",
    label: "Treatment",
    kind: "select",
    options: options(["mitigate", "accept", "transfer", "avoid"]),
  },
  {
    name: "status",
    label: "Status",
    kind: "select",
    options: options(["open", "treated", "accepted", "closed"]),
  },
  { name: "owner", label: "Owner (role)", kind: "text" },
  { name: "reviewDate", label: "Next review", kind: "date" },
];

export const emptyRisk: Record<string, unknown> = {
  likelihood: 3,
  impact: 3,
  controls: {},
  owasp: [],
  atlas: [],
  assets: [],
  treatment: "mitigate",
  status: "open",
  reviewDate: "",
  history: [],
};

export const riskBodySchema = riskSchema;

/** A policy's state changes to approved only through Approve, which records who approved it. */
export function policyFields(approved: boolean): FieldSpec[] {
  return [
    {
      name: "id",
      label: "Id",
      kind: "text",
      isId: true,
      help: "Lower-case letters, digits, '.', '_' or '-'.",
    },
    { name: "title", label: "Title", kind: "text" },
    { name: "version", label: "Version", kind: "int" },
    {
      name: "state",
      label: "State",
      kind: "select",
      options: options(
        approved ? ["approved", "draft", "in-review", "retired"] : ["draft", "in-review", "retired"],
      ),
      help: approved ? undefined : "Approve the policy from the list once it is reviewed.",
    },
    { name: "reviewCycleDays", label: "Review every (days)", kind: "int" },
    { name: "text", label: "Text (Markdown, shown as text)", kind: "textarea" },
  ];
}

export const emptyPolicy: Record<string, unknown> = {
  version: 1,
  state: "draft",
  approver: "",
  approvedAt: "",
  reviewCycleDays: 365,
  text: "",
};

export const policyBodySchema = policySchema;

export const auditFields: FieldSpec[] = [
  { name: "id", label: "Id", kind: "text", isId: true, help: "Lower-case letters, digits, '.', '_' or '-'." },
  { name: "title", label: "Title", kind: "text" },
  { name: "schedule", label: "Schedule", kind: "select", options: options(auditSchedules) },
  { name: "checklist", label: "Checklist (one item per line)", kind: "lines" },
  {
    name: "automatedChecks",
    label: "Automated checks",
    kind: "list",
    help: `Comma-separated, from: ${automatedCheckIds.join(", ")}.`,
  },
];

export const emptyAudit: Record<string, unknown> = {
  schedule: "quarterly",
  checklist: [],
  automatedChecks: [...automatedCheckIds],
  findings: [],
};

export const auditBodySchema = auditSchema;

export const trainingModuleFields: FieldSpec[] = [
  { name: "id", label: "Id", kind: "text", isId: true, help: "Lower-case letters, digits, '.', '_' or '-'." },
  { name: "title", label: "Title", kind: "text" },
  { name: "roles", label: "For the roles (comma-separated)", kind: "list" },
  { name: "dueDays", label: "Due within (days of being assigned)", kind: "int" },
];

export const emptyTrainingModule: Record<string, unknown> = { roles: [], dueDays: 30 };

export const trainingModuleBodySchema = trainingModuleSchema;

export const dataClassFields: FieldSpec[] = [
  { name: "id", label: "Id", kind: "text", isId: true, help: "Lower-case letters, digits, '.', '_' or '-'." },
  {
    name: "level",
    label: "Level (0 the most open)",
    kind: "int",
    options: Array.from({ length: 10 }, (_, level) => ({ value: String(level), label: String(level) })),
  },
  { name: "description", label: "Description", kind: "textarea" },
  { name: "handling", label: "Handling rules (one per line)", kind: "lines" },
  { name: "usageLimits", label: "Usage limits (one per line)", kind: "lines" },
];

export const emptyDataClass: Record<string, unknown> = { level: 1, handling: [], usageLimits: [] };

export const dataClassBodySchema = dataClassSchema;

/** A finding recorded by hand on an audit plan (automated findings come from the checks' runs). */
export const auditFindingFields: FieldSpec[] = [
  { name: "id", label: "Id", kind: "text", isId: true, help: "Lower-case letters, digits, '.', '_' or '-'." },
  { name: "title", label: "Finding", kind: "text" },
  { name: "severity", label: "Severity", kind: "select", options: options(findingSeverities) },
  { name: "owner", label: "Owner (role)", kind: "text" },
  { name: "due", label: "Due", kind: "date" },
];

export const emptyAuditFinding: Record<string, unknown> = { severity: "medium", status: "open", due: "" };

export const auditFindingBodySchema = auditPlanFindingSchema;
