import type {
  deploymentTypes,
  ModelRecord,
  responsibilityLayers,
  responsibilityParties,
} from "./governance-schema.js";

type Layer = (typeof responsibilityLayers)[number];
type Party = (typeof responsibilityParties)[number];
type Deployment = (typeof deploymentTypes)[number];

/**
 * Who holds each layer by deployment type, after the shared-responsibility model for AI: the
 * further down the stack the organisation runs the model, the more layers are its own. Usage,
 * identity and data governance stay with the customer whatever the deployment.
 */
export const DEFAULT_RESPONSIBILITY: Readonly<Record<Deployment, Readonly<Record<Layer, Party>>>> = {
  saas: {
    "ai-usage": "customer",
    "identity-and-access": "customer",
    "data-governance": "customer",
    "prompts-and-outputs": "shared",
    plugins: "provider",
    "application-design": "provider",
    "model-design-and-training": "provider",
    "model-safety": "provider",
    infrastructure: "provider",
  },
  paas: {
    "ai-usage": "customer",
    "identity-and-access": "customer",
    "data-governance": "customer",
    "prompts-and-outputs": "customer",
    plugins: "customer",
    "application-design": "customer",
    "model-design-and-training": "provider",
    "model-safety": "shared",
    infrastructure: "provider",
  },
  iaas: {
    "ai-usage": "customer",
    "identity-and-access": "customer",
    "data-governance": "customer",
    "prompts-and-outputs": "customer",
    plugins: "customer",
    "application-design": "customer",
    "model-design-and-training": "customer",
    "model-safety": "customer",
    infrastructure: "shared",
  },
  "on-premises": {
    "ai-usage": "customer",
    "identity-and-access": "customer",
    "data-governance": "customer",
    "prompts-and-outputs": "customer",
    plugins: "customer",
    "application-design": "customer",
    "model-design-and-training": "customer",
    "model-safety": "customer",
    infrastructure: "customer",
  },
};

/** The effective split for one model: its deployment type's defaults with its own overrides. */
export function responsibilityFor(
  model: Pick<ModelRecord, "deployment" | "responsibility">,
): Record<Layer, Party> {
  return { ...DEFAULT_RESPONSIBILITY[model.deployment], ...model.responsibility };
}

/** The layers that are the organisation's duty (customer or shared) for one model. */
export function organisationDuties(model: Pick<ModelRecord, "deployment" | "responsibility">): Layer[] {
  return Object.entries(responsibilityFor(model))
    .filter(([, party]) => party !== "provider")
    .map(([layer]) => layer as Layer);
}
