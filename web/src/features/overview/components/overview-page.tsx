import { PageHeader } from "@/components/layout/page-header";
import { type OverviewSearch, windowOf } from "../lib/search";
import { AuditChainPanel } from "./audit-chain-panel";
import { BlockedCategoriesPanel } from "./blocked-categories-panel";
import { IncidentsPanel } from "./incidents-panel";
import { PosturePanel } from "./posture-panel";
import { RedteamPanel } from "./redteam-panel";
import { TrafficPanel } from "./traffic-panel";
import { WindowPicker } from "./window-picker";

/**
 * Overview: posture per framework, requests and verdicts over the window from the URL, top blocked
 * categories, open incidents, the latest red-team ASR and the audit chain. Each panel has its own
 * states and error boundary.
 */
export function OverviewPage({ search }: { search: OverviewSearch }) {
  const window = windowOf(search);
  return (
    <>
      <PageHeader
        title="Overview"
        description="Whether the LLMs behind this gateway are under control, at a glance. Times are UTC."
        actions={<WindowPicker current={window} />}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <TrafficPanel window={window} className="lg:col-span-2" />
        <PosturePanel />
        <BlockedCategoriesPanel window={window} />
        <IncidentsPanel window={window} />
        <RedteamPanel window={window} />
        <AuditChainPanel window={window} className="lg:col-span-2" />
      </div>
    </>
  );
}
