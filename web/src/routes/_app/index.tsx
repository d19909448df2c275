import { createFileRoute } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";

export const Route = createFileRoute("/_app/")({
  component: () => <PageHeader title="Overview" description="This page is being built." />,
});
