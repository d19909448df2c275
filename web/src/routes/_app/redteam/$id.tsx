import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { RunDetailPage, runDetailQuery, runDetailSearchSchema } from "@/features/redteam";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/redteam/$id")({
  validateSearch: runDetailSearchSchema,
  beforeLoad: ({ context }) => guardScope(context.session, "redteam:read"),
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(runDetailQuery(params.id, deps)),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="This red-team run could not be shown" retry={reset} />
  ),
  component: RunDetailRoute,
});

function RunDetailRoute() {
  const { id } = Route.useParams();
  const search = Route.useSearch();
  return <RunDetailPage id={id} search={search} />;
}
