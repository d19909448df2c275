import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { RunDiffPage, runDiffSearchSchema, runListQuery } from "@/features/redteam";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/redteam/diff")({
  validateSearch: runDiffSearchSchema,
  beforeLoad: ({ context }) => guardScope(context.session, "redteam:read"),
  loader: ({ context }) => context.queryClient.ensureQueryData(runListQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The comparison could not be shown" retry={reset} />
  ),
  component: RunDiffRoute,
});

function RunDiffRoute() {
  return <RunDiffPage search={Route.useSearch()} />;
}
