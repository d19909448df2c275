import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { OverviewPage, overviewQuery, overviewSearchSchema, windowOf } from "@/features/overview";

/** The Overview: any signed-in role (each panel says when its section needs a scope the role lacks). */
export const Route = createFileRoute("/_app/")({
  validateSearch: overviewSearchSchema,
  loaderDeps: ({ search }) => ({ window: windowOf(search) }),
  // start the fetch and render at once: each panel shows its own loading and error states
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(overviewQuery(deps.window));
  },
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The overview could not be loaded" retry={reset} />
  ),
  component: OverviewRoute,
});

function OverviewRoute() {
  return <OverviewPage search={Route.useSearch()} />;
}
