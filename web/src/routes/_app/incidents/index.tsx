import { incidentSeveritySchema, incidentStatusSchema } from "@core/api/incidents";
import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ErrorState } from "@/components/states/error-state";
import { IncidentsPage, incidentListQuery } from "@/features/incidents";
import { guardScope } from "@/lib/route-guard";

/** The list's filters live in the URL; an unknown value is dropped rather than failing the page. */
const searchSchema = z.object({
  status: incidentStatusSchema.optional().catch(undefined),
  severity: incidentSeveritySchema.optional().catch(undefined),
});

export const Route = createFileRoute("/_app/incidents/")({
  validateSearch: searchSchema,
  beforeLoad: ({ context }) => guardScope(context.session, "incidents:read"),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(incidentListQuery(deps)),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The incidents could not be loaded" retry={reset} />
  ),
  component: IncidentsRoute,
});

function IncidentsRoute() {
  return <IncidentsPage search={Route.useSearch()} />;
}
