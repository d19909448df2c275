import {
  applicationSchema,
  datasetSchema,
  deploymentTypes,
  modelSchema,
  responsibilityLayers,
  responsibilityParties,
  riskTiers,
  systemPromptSchema,
  toolSchema,
  vendorSchema,
} from "@core/api/governance";
import type { z } from "zod";
import type { FieldOption, FieldSpec } from "./record-form";

/** The asset kinds as the URL and the API name them (`/governance/assets/models/llama-3-70b`). */
export const assetKinds = [
  "models",
  "datasets",
  "applications",
  "system-prompts",
  "vendors",
  "tools",
] as const;
export type AssetKind = (typeof assetKinds)[number];

/** The key of each kind in `GET /api/v1/governance/assets`. */
export const assetListKey = {
  models: "models",
  datasets: "datasets",
  applications: "applications",
  "system-prompts": "systemPrompts",
  vendors: "vendors",
  tools: "tools",
} as const satisfies Record<AssetKind, string>;

export const assetKindLabel: Record<AssetKind, { one: string; many: string }> = {
  models: { one: "Model", many: "Models" },
  datasets: { one: "Dataset", many: "Datasets" },
  applications: { one: "Application", many: "Applications" },
  "system-prompts": { one: "System prompt", many: "System prompts" },
  vendors: { one: "Vendor", many: "Vendors" },
  tools: { one: "Tool", many: "Tools" },
};

const options = (values: readonly string[]): FieldOption[] =>
  values.map((value) => ({ value, label: value }));

export const layerLabels: Record<(typeof responsibilityLayers)[number], string> = {
  "ai-usage": "AI usage",
  "identity-and-access": "Identity and access",
  "data-governance": "Data governance",
  "prompts-and-outputs": "Prompts and outputs",
  plugins: "Plugins",
  "application-design": "Application design",
  "model-design-and-training": "Model design and training",
  "model-safety": "Model safety",
  infrastructure: "Infrastructure",
};

const id: FieldSpec = {
  name: "id",
  label: "Id",
  kind: "text",
  isId: true,
  help: "Lower-case letters, digits, '.', '_' or '-'; fixed once created.",
};
const name: FieldSpec = { name: "name", label: "Name", kind: "text" };
const owner: FieldSpec = { name: "owner", label: "Owner (role)", kind: "text" };
const riskTier: FieldSpec = {
  name: "riskTier",
  label: "EU AI Act risk tier",
  kind: "select",
  options: options(riskTiers),
};
const modelIds = (label: string): FieldSpec => ({ name: label, label, kind: "list" });

/** The fields of each kind's form, in the order the register lists them. */
export const assetFields: Record<AssetKind, FieldSpec[]> = {
  models: [
    id,
    name,
    { name: "version", label: "Version", kind: "text" },
    { name: "provider", label: "Provider", kind: "text" },
    { name: "licence", label: "Licence", kind: "text" },
    { name: "weightsHash", label: "Weights hash", kind: "text" },
    { name: "deployment", label: "Deployment", kind: "select", options: options(deploymentTypes) },
    { name: "location", label: "Location", kind: "text" },
    owner,
    { name: "approvedBy", label: "Approved by", kind: "text" },
    riskTier,
    { name: "generalPurpose", label: "General-purpose AI model", kind: "boolean" },
    { name: "parameters", label: "Parameters", kind: "text" },
    ...responsibilityLayers.map(
      (layer): FieldSpec => ({
        name: `responsibility:${layer}`,
        label: `${layerLabels[layer]}: who holds it`,
        kind: "select",
        omitEmpty: true,
        options: [{ value: "", label: "the deployment's default" }, ...options(responsibilityParties)],
      }),
    ),
  ],
  datasets: [
    id,
    name,
    { name: "sources", label: "Sources (comma-separated)", kind: "list" },
    { name: "licence", label: "Licence", kind: "text" },
    { name: "classification", label: "Data class", kind: "text" },
    { name: "personalData", label: "Holds personal data", kind: "boolean" },
    owner,
    { ...modelIds("trained"), label: "Models trained on it (ids)" },
    { ...modelIds("tuned"), label: "Models tuned on it (ids)" },
    { ...modelIds("retrieval"), label: "Models retrieving from it (ids)" },
  ],
  applications: [
    id,
    name,
    owner,
    { name: "models", label: "Models (ids, comma-separated)", kind: "list" },
    { name: "endpoints", label: "Endpoints (comma-separated)", kind: "list" },
    riskTier,
    { name: "impactAssessedAt", label: "Impact assessed on", kind: "date" },
  ],
  "system-prompts": [
    id,
    { name: "application", label: "Application (id)", kind: "text" },
    { name: "version", label: "Version", kind: "int" },
    {
      name: "text",
      label: "Text",
      kind: "textarea",
      help: "Its SHA-256 is computed and stored with it.",
    },
  ],
  vendors: [
    id,
    name,
    { name: "services", label: "Services (comma-separated)", kind: "list" },
    { name: "reviewedAt", label: "Reviewed on", kind: "date" },
    { name: "reviewDue", label: "Review due", kind: "date" },
  ],
  tools: [
    id,
    name,
    { name: "kind", label: "Kind", kind: "select", options: options(["tool", "plugin"]) },
    owner,
    { name: "applications", label: "Applications (ids, comma-separated)", kind: "list" },
  ],
};

/** The contract's body schema of each kind (a system prompt's hash is added when it is sent). */
export const assetBodySchemas = {
  models: modelSchema,
  datasets: datasetSchema,
  applications: applicationSchema,
  "system-prompts": systemPromptSchema.omit({ sha256: true }),
  vendors: vendorSchema,
  tools: toolSchema,
} satisfies Record<AssetKind, z.ZodType>;

/** A new record of each kind, before anything is typed. */
export const emptyAssets: Record<AssetKind, Record<string, unknown>> = {
  models: {
    deployment: "on-premises",
    riskTier: "minimal",
    generalPurpose: false,
    responsibility: {},
  },
  datasets: { classification: "internal", personalData: false, trained: [], tuned: [], retrieval: [] },
  applications: { models: [], endpoints: [], riskTier: "minimal", impactAssessedAt: "" },
  "system-prompts": { version: 1, text: "" },
  vendors: { services: [], reviewedAt: "", reviewDue: "" },
  tools: { kind: "tool", applications: [] },
};
