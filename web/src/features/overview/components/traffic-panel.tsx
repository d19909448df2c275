import type { OverviewWindow } from "@core/api/overview";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { ForbiddenState } from "@/components/states/forbidden-state";
import { QueryView } from "@/components/states/query-view";
import { overviewQuery } from "../api/queries";
import { windowLabels } from "../lib/search";
import { prepareTrafficChart } from "../lib/traffic-chart";
import { OverviewPanel } from "./overview-panel";

function TrafficBody({ window }: { window: OverviewWindow }) {
  const query = useQuery(overviewQuery(window));
  return (
    <QueryView query={query} rows={6}>
      {(overview) => {
        const chart = prepareTrafficChart(overview);
        if (chart === null) return <ForbiddenState scope="audit:read" />;
        return (
          <div className="flex flex-col gap-2">
            <StackedBarChart
              title={`Gateway requests by verdict, ${windowLabels[window].toLowerCase()}`}
              description="Each bar is one bucket of time (UTC), stacked by verdict. Time before the audit trail's first event has no bar: no data, not zero."
              data={chart}
            />
            <p className="text-sm">
              <Link to="/traffic" className="text-primary underline-offset-2 hover:underline">
                Open the traffic
              </Link>
            </p>
          </div>
        );
      }}
    </QueryView>
  );
}

/** Requests and verdicts over time. */
export function TrafficPanel({ window, className }: { window: OverviewWindow; className?: string }) {
  return (
    <OverviewPanel title="Requests and verdicts" className={className}>
      <TrafficBody window={window} />
    </OverviewPanel>
  );
}
