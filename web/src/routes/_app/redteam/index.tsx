import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { RunsPage, runListQuery } from "@/features/redteam";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/redteam/")({
  beforeLoad: ({ context }) => guardScope(context.session, "redteam:read"),
  loader: ({ context }) => context.queryClient.ensureQueryData(runListQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The red-team runs could not be shown" retry={reset} />
  ),
  component: RunsPage,
});
