import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { AiidPage, aiidQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/ai-incidents")({
  loader: ({ context }) => context.queryClient.ensureQueryData(aiidQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The AI incidents could not be loaded" retry={reset} />
  ),
  component: AiidPage,
});
