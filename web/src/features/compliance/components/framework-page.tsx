import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Card, CardContent } from "@/components/ui/card";
import { formatTime } from "@/lib/format";
import { frameworkReportQuery } from "../api/queries";
import { type FrameworkSearch, groupRequirements } from "../lib/requirements";
import { prepareStatusCounts } from "../lib/status";
import { EvidencePackButton } from "./evidence-pack-button";
import { ReportDownloads } from "./report-downloads";
import { RequirementItem } from "./requirement-item";
import { Score } from "./score";
import { StatusBar } from "./status-bar";
import { StatusFilter } from "./status-filter";

/** One framework: score, requirements by status (filter in the URL), each with evidence, gaps and responsibility. */
export function FrameworkPage({ framework, search }: { framework: string; search: FrameworkSearch }) {
  const query = useQuery(frameworkReportQuery(framework, search.version));
  const navigate = useNavigate();
  return (
    <>
      <Link
        to="/compliance"
        className="mb-2 inline-flex items-center gap-1 text-sm text-primary underline-offset-2 hover:underline"
      >
        <ArrowLeft aria-hidden="true" className="size-4" /> All frameworks
      </Link>
      <QueryView query={query} scope="governance:read" rows={8}>
        {(report) => {
          const counts = prepareStatusCounts(report.counts);
          const groups = groupRequirements(report.requirements, search.status);
          return (
            <>
              <PageHeader
                title={report.name}
                description={`${report.framework} · version ${report.version} · computed ${formatTime(report.generatedAt)}`}
                actions={
                  <>
                    <ReportDownloads framework={report.framework} version={report.version} />
                    <EvidencePackButton frameworks={[report.framework]} label="Evidence pack" />
                  </>
                }
              />
              <Card className="mb-4">
                <CardContent className="flex flex-wrap items-center gap-6 pt-4">
                  <Score score={report.score} label={report.name} />
                  <StatusBar counts={counts} />
                </CardContent>
              </Card>
              <div className="mb-3">
                <StatusFilter
                  counts={counts}
                  value={search.status}
                  onChange={(status) =>
                    void navigate({
                      to: "/compliance/$framework",
                      params: { framework },
                      search: { ...search, status },
                      resetScroll: false,
                    })
                  }
                />
              </div>
              {groups.length === 0 ? (
                <EmptyState title="No requirement has this status">
                  Show all requirements to see the others.
                </EmptyState>
              ) : (
                groups.map((group) => (
                  <section key={group.name ?? "requirements"} className="mb-4 flex flex-col gap-2">
                    <h2 className="text-base font-semibold">{group.name ?? "Requirements"}</h2>
                    {group.requirements.map((requirement) => (
                      <RequirementItem
                        key={requirement.id}
                        requirement={requirement}
                        framework={report.framework}
                      />
                    ))}
                  </section>
                ))
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
