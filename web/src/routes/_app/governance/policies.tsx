import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { PoliciesPage, policiesQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/policies")({
  loader: ({ context }) => context.queryClient.ensureQueryData(policiesQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The policies could not be loaded" retry={reset} />
  ),
  component: PoliciesPage,
});
