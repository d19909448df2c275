import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { GovernanceLayout } from "@/features/governance";
import { guardScope } from "@/lib/route-guard";

/** Every governance page needs governance:read; the sections share one sub-navigation. */
export const Route = createFileRoute("/_app/governance")({
  beforeLoad: ({ context }) => guardScope(context.session, "governance:read"),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="This governance page could not be shown" retry={reset} />
  ),
  component: GovernanceLayout,
});
