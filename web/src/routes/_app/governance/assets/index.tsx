import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { AssetsPage, assetsQuery, assetsSearchSchema } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/assets/")({
  validateSearch: assetsSearchSchema,
  loader: ({ context }) => context.queryClient.ensureQueryData(assetsQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The inventory could not be loaded" retry={reset} />
  ),
  component: AssetsRoute,
});

function AssetsRoute() {
  return <AssetsPage search={Route.useSearch()} />;
}
