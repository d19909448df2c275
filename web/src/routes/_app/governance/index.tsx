import { createFileRoute } from "@tanstack/react-router";
import { GovernanceSummaryPage } from "@/features/governance";

export const Route = createFileRoute("/_app/governance/")({
  component: GovernanceSummaryPage,
});
