import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { AcceptableUsePage, acceptableUseQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/acceptable-use")({
  loader: ({ context }) => context.queryClient.ensureQueryData(acceptableUseQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The acceptable-use matrix could not be loaded" retry={reset} />
  ),
  component: AcceptableUsePage,
});
