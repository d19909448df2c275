import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { DataClassesPage, dataClassesQuery } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/data-classes")({
  loader: ({ context }) => context.queryClient.ensureQueryData(dataClassesQuery()),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="The data classes could not be loaded" retry={reset} />
  ),
  component: DataClassesPage,
});
