import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { GitCompareArrows } from "lucide-react";
import { CiBarChart } from "@/components/charts/ci-bar-chart";
import { PageHeader } from "@/components/layout/page-header";
import { QueryView } from "@/components/states/query-view";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { runDetailQuery } from "../api/queries";
import { prepareRateBars } from "../lib/rate-bars";
import type { RunDetailSearch } from "../lib/search";
import { ReportDownloads } from "./report-downloads";
import { RunFacts } from "./run-facts";
import { RunFindings } from "./run-findings";
import { RunProgress } from "./run-progress";
import { RunStatusBadge } from "./run-status-badge";

/** One run: its figures, ASR by OWASP category and by strategy, findings filtered from the URL, downloads. */
export function RunDetailPage({ id, search }: { id: string; search: RunDetailSearch }) {
  const query = useQuery(runDetailQuery(id, search));
  const navigate = useNavigate();
  const onSearch = (next: RunDetailSearch) =>
    void navigate({ to: "/redteam/$id", params: { id }, search: next, resetScroll: false });
  return (
    <>
      <PageHeader
        title={`Run ${id}`}
        description="Attack success rates with 95% Wilson intervals, and every successful attack."
        actions={
          <Link to="/redteam/diff" search={{ head: id }} className={buttonVariants({ variant: "outline" })}>
            <GitCompareArrows aria-hidden="true" /> Compare with another run
          </Link>
        }
      />
      <QueryView query={query} scope="redteam:read" rows={8}>
        {(detail) => (
          <div className="flex flex-col gap-4">
            <Card>
              <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
                <div className="flex flex-col gap-2">
                  <CardTitle className="flex items-center gap-2">
                    Summary <RunStatusBadge status={detail.run.status} />
                  </CardTitle>
                  {detail.run.status === "running" && <RunProgress run={detail.run} />}
                  {detail.run.error && <p className="text-sm text-bad-foreground">{detail.run.error}</p>}
                </div>
                <ReportDownloads run={detail.run} />
              </CardHeader>
              <CardContent>
                <RunFacts run={detail.run} />
              </CardContent>
            </Card>
            <div className="grid gap-4">
              <Card>
                <CardContent className="pt-4">
                  <CiBarChart
                    title="ASR by OWASP category"
                    description="OWASP Top 10 for LLM Applications 2025"
                    data={prepareRateBars(detail.byCategory, "category", detail.run.status)}
                  />
                </CardContent>
              </Card>
              <Card>
                <CardContent className="pt-4">
                  <CiBarChart
                    title="ASR by strategy"
                    description="How the probes were disguised"
                    data={prepareRateBars(detail.byStrategy, "strategy", detail.run.status)}
                  />
                </CardContent>
              </Card>
            </div>
            <Card>
              <CardHeader>
                <CardTitle>Findings</CardTitle>
              </CardHeader>
              <CardContent>
                <RunFindings detail={detail} search={search} onSearch={onSearch} />
              </CardContent>
            </Card>
          </div>
        )}
      </QueryView>
    </>
  );
}
