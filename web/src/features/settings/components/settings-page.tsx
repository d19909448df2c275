import { PageHeader } from "@/components/layout/page-header";
import { KeysPanel } from "./keys-panel";
import { PolicyPanel } from "./policy-panel";
import { UpstreamsPanel } from "./upstreams-panel";

/** Settings: API keys, the gateway's upstreams and the effective policy. */
export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="API keys, upstreams and the policy the gateway enforces." />
      <div className="flex flex-col gap-4">
        <KeysPanel />
        <UpstreamsPanel />
        <PolicyPanel />
      </div>
    </>
  );
}
