import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { RisksPage, riskListQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/risks")({
  loader: ({ context }) => context.queryClient.ensureQueryData(riskListQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The risk register could not be loaded" retry={reset} />
  ),
  component: RisksPage,
});
