import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { TrainingPage, trainingQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/training")({
  loader: ({ context }) => context.queryClient.ensureQueryData(trainingQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The training records could not be loaded" retry={reset} />
  ),
  component: TrainingPage,
});
