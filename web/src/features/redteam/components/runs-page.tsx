import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { GitCompareArrows } from "lucide-react";
import { TrendLineChart } from "@/components/charts/trend-line-chart";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { runListQuery } from "../api/queries";
import { prepareAsrTrend } from "../lib/asr-trend";
import { anyRunning } from "../lib/run-status";
import { RunsTable } from "./runs-table";
import { StartRunDialog } from "./start-run-dialog";

/** Red-team runs: the ASR trend, every run with its rates (running ones refresh), and "Start a run". */
export function RunsPage() {
  const query = useQuery(runListQuery());
  return (
    <>
      <PageHeader
        title="Red team"
        description="Attacks run against a target through this gateway or an upstream; ASR is the share of attacks that worked."
        actions={
          <>
            <Link to="/redteam/diff" className={buttonVariants({ variant: "outline" })}>
              <GitCompareArrows aria-hidden="true" /> Compare runs
            </Link>
            <StartRunDialog />
          </>
        }
      />
      <QueryView query={query} scope="redteam:read" rows={6}>
        {(runs) =>
          runs.length === 0 ? (
            <EmptyState title="No red-team runs yet">
              Start a run against a target here (admin or security role), or run <code>rampart redteam</code>{" "}
              with a configuration that saves its runs to this store.
            </EmptyState>
          ) : (
            <div className="flex flex-col gap-4">
              <Card>
                <CardContent className="pt-4">
                  <TrendLineChart
                    title="Attack success rate over runs"
                    description="One line per target and model; error bars are 95% intervals; a failed run is a gap."
                    data={prepareAsrTrend(runs)}
                  />
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Runs</CardTitle>
                </CardHeader>
                <CardContent>
                  <p role="status" className="sr-only">
                    {anyRunning(runs) ? "A run is in progress; the list refreshes every second." : ""}
                  </p>
                  <RunsTable runs={runs} now={Date.now()} />
                </CardContent>
              </Card>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
