import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Card, CardContent } from "@/components/ui/card";
import { formatTime } from "@/lib/format";
import { complianceSummaryQuery } from "../api/queries";
import { EvidencePackButton } from "./evidence-pack-button";
import { FrameworksTable } from "./frameworks-table";

/** Compliance: each framework's score from live evidence, and the signed evidence pack of all of them. */
export function CompliancePage() {
  const query = useQuery(complianceSummaryQuery());
  return (
    <>
      <PageHeader
        title="Compliance"
        description="Each framework scored from live evidence: the configuration and policy, gateway traffic, red-team runs, the audit chain and the governance records."
        actions={<EvidencePackButton label="Download the evidence pack" />}
      />
      <QueryView query={query} scope="governance:read" rows={6}>
        {(summary) =>
          summary.data.length === 0 ? (
            <EmptyState title="No frameworks in the catalogue">
              The framework catalogue (catalog/frameworks) is empty; reinstall Rampart to restore it.
            </EmptyState>
          ) : (
            <Card>
              <CardContent className="pt-4">
                <p className="mb-2 text-xs text-muted-foreground">
                  Computed {formatTime(summary.generatedAt)}
                </p>
                <FrameworksTable frameworks={summary.data} />
              </CardContent>
            </Card>
          )
        }
      </QueryView>
    </>
  );
}
