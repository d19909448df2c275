export {
  acceptableUseQuery,
  aiidQuery,
  assetQuery,
  assetsQuery,
  auditsQuery,
  dataClassesQuery,
  policiesQuery,
  raciQuery,
  riskListQuery,
  trainingQuery,
} from "./api/queries";
export { AcceptableUsePage } from "./components/acceptable-use-page";
export { AiidPage } from "./components/aiid-page";
export { AssetDetailPage } from "./components/asset-detail-page";
export { AssetsPage } from "./components/assets-page";
export { AuditsPage } from "./components/audits-page";
export { DataClassesPage } from "./components/data-classes-page";
export { GovernanceLayout } from "./components/governance-layout";
export { GovernanceSummaryPage } from "./components/governance-summary-page";
export { PoliciesPage } from "./components/policies-page";
export { RaciPage } from "./components/raci-page";
export { RisksPage } from "./components/risks-page";
export { TrainingPage } from "./components/training-page";
export { type AssetsSearch, assetKindParamSchema, assetsSearchSchema } from "./lib/search";
