import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { auditEventQuery, EventPage, trafficSearchSchema } from "@/features/traffic";
import { guardScope } from "@/lib/route-guard";

/** One audit event; the search keeps the Traffic page's filters for the way back. */
export const Route = createFileRoute("/_app/traffic/$id")({
  validateSearch: trafficSearchSchema,
  beforeLoad: ({ context }) => guardScope(context.session, "audit:read"),
  loader: ({ context, params }) => context.queryClient.ensureQueryData(auditEventQuery(params.id)),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="This audit event could not be shown" retry={reset} />
  ),
  component: EventRoute,
});

function EventRoute() {
  const { id } = Route.useParams();
  return <EventPage id={id} search={Route.useSearch()} />;
}
