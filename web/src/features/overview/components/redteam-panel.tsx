import type { OverviewWindow } from "@core/api/overview";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Minus, TrendingDown, TrendingUp } from "lucide-react";
import { TrendLineChart } from "@/components/charts/trend-line-chart";
import { EmptyState } from "@/components/states/empty-state";
import { ForbiddenState } from "@/components/states/forbidden-state";
import { QueryView } from "@/components/states/query-view";
import { Badge } from "@/components/ui/badge";
import { formatPercent, formatTime } from "@/lib/format";
import { overviewQuery } from "../api/queries";
import { prepareRunTrend, trendText } from "../lib/redteam-trend";
import { OverviewPanel } from "./overview-panel";

const trendLooks = {
  up: { icon: TrendingUp, tone: "bad", label: "Worse" },
  down: { icon: TrendingDown, tone: "good", label: "Better" },
  flat: { icon: Minus, tone: "neutral", label: "Unchanged" },
} as const;

function RedteamBody({ window }: { window: OverviewWindow }) {
  const query = useQuery(overviewQuery(window));
  return (
    <QueryView query={query} rows={4}>
      {(overview) => {
        const redteam = overview.redteam;
        if (redteam === null) return <ForbiddenState scope="redteam:read" />;
        const latest = redteam.runs[0];
        if (latest === undefined)
          return (
            <EmptyState title="No red-team run yet">
              <Link to="/redteam" className="text-primary underline">
                Start a run
              </Link>{" "}
              against a target (or run <code>rampart redteam</code>) to see how many attacks get through.
            </EmptyState>
          );
        const look = redteam.trend === null ? null : trendLooks[redteam.trend];
        return (
          <div className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-2xl font-semibold tabular-nums">
                {formatPercent(latest.asr)}{" "}
                <span className="text-sm font-normal text-muted-foreground">attack success rate</span>
              </p>
              {look && (
                <Badge tone={look.tone}>
                  <look.icon aria-hidden="true" />
                  {look.label}
                </Badge>
              )}
            </div>
            <p className="text-sm">{trendText(redteam)}</p>
            <p className="text-sm text-muted-foreground">
              Latest run{" "}
              <Link to="/redteam/$id" params={{ id: latest.id }} className="font-mono text-primary underline">
                {latest.id}
              </Link>{" "}
              on {latest.target} with {latest.model}, {latest.cases} cases, finished{" "}
              {formatTime(latest.finishedAt)}
              {latest.gatePassed === null ? "" : latest.gatePassed ? "; gate passed" : "; gate failed"}.
            </p>
            <TrendLineChart
              title="ASR of the latest target and model"
              description="Lower is better."
              data={prepareRunTrend(redteam)}
              height={180}
            />
          </div>
        );
      }}
    </QueryView>
  );
}

/** The newest red-team run's attack success rate and its trend, linked to the run. */
export function RedteamPanel({ window }: { window: OverviewWindow }) {
  return (
    <OverviewPanel title="Red team">
      <RedteamBody window={window} />
    </OverviewPanel>
  );
}
