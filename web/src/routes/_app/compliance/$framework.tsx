import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { FrameworkPage, frameworkReportQuery, frameworkSearchSchema } from "@/features/compliance";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/compliance/$framework")({
  validateSearch: frameworkSearchSchema,
  beforeLoad: ({ context }) => guardScope(context.session, "governance:read"),
  loaderDeps: ({ search }) => ({ version: search.version }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(frameworkReportQuery(params.framework, deps.version)),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="This framework's report could not be shown" retry={reset} />
  ),
  component: FrameworkRoute,
});

function FrameworkRoute() {
  const { framework } = Route.useParams();
  return <FrameworkPage framework={framework} search={Route.useSearch()} />;
}
