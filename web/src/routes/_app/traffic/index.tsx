import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { auditEventsQuery, TrafficPage, trafficSearchSchema } from "@/features/traffic";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/traffic/")({
  validateSearch: trafficSearchSchema,
  beforeLoad: ({ context }) => guardScope(context.session, "audit:read"),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureInfiniteQueryData(auditEventsQuery(deps)),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The audit events could not be loaded" retry={reset} />
  ),
  component: TrafficRoute,
});

function TrafficRoute() {
  return <TrafficPage search={Route.useSearch()} />;
}
