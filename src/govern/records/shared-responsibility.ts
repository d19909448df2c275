import type {
  DeploymentType as Deployment,
  ResponsibilityLayer as Layer,
  ModelRecord,
  ResponsibilityParty as Party,
} from "./governance-schema.js";

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

/** A model as the shared-responsibility decision sees it: its id, deployment and overrides. */
export interface ResponsibleAsset {
  readonly id: string;
  readonly deployment: Deployment;
  readonly responsibility: Readonly<Partial<Record<Layer, Party>>>;
}

/** A control as the decision sees it: its id and the layers it works in (catalog/controls.yaml). */
export interface LayeredControl {
  readonly id: string;
  readonly layers: readonly Layer[];
}

const PARTY_STRENGTH: Readonly<Record<Party, number>> = { provider: 0, shared: 1, customer: 2 };

/**
 * Who holds a control for one asset: the strongest party among the control's layers (customer over
 * shared over provider). A control in a layer the organisation holds, even in part, is its duty.
 */
export function controlParty(control: LayeredControl, asset: Omit<ResponsibleAsset, "id">): Party {
  const split = responsibilityFor(asset);
  let party: Party = "provider";
  for (const layer of control.layers)
    if (PARTY_STRENGTH[split[layer]] > PARTY_STRENGTH[party]) party = split[layer];
  return party;
}

export interface ControlHolder {
  readonly control: string;
  /** organisation: customer or shared for at least one asset, or no asset recorded; provider otherwise */
  readonly holder: "organisation" | "provider";
  readonly assets: readonly { asset: string; party: Party }[];
}

/**
 * Whether a control is the organisation's duty across the inventory. With no model recorded every
 * control is the organisation's (nothing shows that a provider carries it); a control is the
 * provider's only when the provider holds it for every model.
 */
export function controlHolder(control: LayeredControl, assets: readonly ResponsibleAsset[]): ControlHolder {
  const parties = assets.map((asset) => ({ asset: asset.id, party: controlParty(control, asset) }));
  const provider = parties.length > 0 && parties.every((item) => item.party === "provider");
  return { control: control.id, holder: provider ? "provider" : "organisation", assets: parties };
}
