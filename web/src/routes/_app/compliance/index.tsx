import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { CompliancePage, complianceSummaryQuery } from "@/features/compliance";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/compliance/")({
  beforeLoad: ({ context }) => guardScope(context.session, "governance:read"),
  loader: ({ context }) => context.queryClient.ensureQueryData(complianceSummaryQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The compliance summary could not be shown" retry={reset} />
  ),
  component: CompliancePage,
});
