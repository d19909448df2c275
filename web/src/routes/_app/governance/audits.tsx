import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { AuditsPage, auditsQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/audits")({
  loader: ({ context }) => context.queryClient.ensureQueryData(auditsQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The audit plans could not be loaded" retry={reset} />
  ),
  component: AuditsPage,
});
