import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { IncidentDetailPage, incidentDetailQuery } from "@/features/incidents";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/incidents/$id")({
  beforeLoad: ({ context }) => guardScope(context.session, "incidents:read"),
  loader: ({ context, params }) => context.queryClient.ensureQueryData(incidentDetailQuery(params.id)),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="This incident could not be loaded" retry={reset} />
  ),
  component: IncidentRoute,
});

function IncidentRoute() {
  return <IncidentDetailPage id={Route.useParams().id} />;
}
