import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { RaciPage, raciQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/raci")({
  loader: ({ context }) => context.queryClient.ensureQueryData(raciQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The RACI chart could not be loaded" retry={reset} />
  ),
  component: RaciPage,
});
