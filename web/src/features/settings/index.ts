export { effectivePolicyQuery, keyListQuery, keyQueryKeys, upstreamsQuery } from "./api/queries";
export { SettingsPage } from "./components/settings-page";
