export { raciQuery, riskListQuery } from "./api/queries";
export { RaciPage } from "./components/raci-page";
export { RisksPage } from "./components/risks-page";
