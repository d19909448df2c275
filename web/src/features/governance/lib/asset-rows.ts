import type { EndpointResponse } from "@core/api/contract";
import type { governanceApi } from "@core/api/governance";
import { type AssetKind, assetKinds, assetListKey } from "./asset-kinds";

export type AssetsAnswer = EndpointResponse<typeof governanceApi.assets>;

/** One line of the inventory, whatever the kind. */
export interface AssetRow {
  kind: AssetKind;
  id: string;
  name: string;
  owner: string;
  /** EU AI Act tier of models and applications; null for the other kinds */
  tier: string | null;
  /** the kind's most telling facts, as text */
  summary: string;
}

const join = (values: readonly string[]) => (values.length === 0 ? "—" : values.join(", "));

/** The name an asset is shown and confirmed by: a system prompt has none, so its id stands in. */
export function assetName(record: { id: string; name?: string }): string {
  return record.name !== undefined && record.name !== "" ? record.name : record.id;
}

/** The inventory as rows, one kind after another (or one kind only). */
export function assetRows(assets: AssetsAnswer, kind?: AssetKind): AssetRow[] {
  const rows: AssetRow[] = [];
  for (const current of assetKinds) {
    if (kind !== undefined && kind !== current) continue;
    if (current === "models")
      for (const model of assets.models)
        rows.push({
          kind: current,
          id: model.id,
          name: model.name,
          owner: model.owner,
          tier: model.riskTier,
          summary: `${model.provider || "provider not recorded"} · ${model.deployment}`,
        });
    else if (current === "datasets")
      for (const dataset of assets.datasets)
        rows.push({
          kind: current,
          id: dataset.id,
          name: dataset.name,
          owner: dataset.owner,
          tier: null,
          summary: `${dataset.classification}${dataset.personalData ? " · personal data" : ""}`,
        });
    else if (current === "applications")
      for (const application of assets.applications)
        rows.push({
          kind: current,
          id: application.id,
          name: application.name,
          owner: application.owner,
          tier: application.riskTier,
          summary: `models: ${join(application.models)}`,
        });
    else if (current === "system-prompts")
      for (const prompt of assets.systemPrompts)
        rows.push({
          kind: current,
          id: prompt.id,
          name: prompt.id,
          owner: "",
          tier: null,
          summary: `${prompt.application} v${prompt.version}`,
        });
    else if (current === "vendors")
      for (const vendor of assets.vendors)
        rows.push({
          kind: current,
          id: vendor.id,
          name: vendor.name,
          owner: "",
          tier: null,
          summary: `reviewed ${vendor.reviewedAt || "never"}${vendor.reviewDue ? ` · due ${vendor.reviewDue}` : ""}`,
        });
    else
      for (const tool of assets.tools)
        rows.push({
          kind: current,
          id: tool.id,
          name: tool.name,
          owner: tool.owner,
          tier: null,
          summary: `${tool.kind} · ${join(tool.applications)}`,
        });
  }
  return rows;
}

/** How many assets of each kind the inventory holds. */
export function assetCounts(assets: AssetsAnswer): Record<AssetKind, number> {
  return Object.fromEntries(assetKinds.map((kind) => [kind, assets[assetListKey[kind]].length])) as Record<
    AssetKind,
    number
  >;
}
