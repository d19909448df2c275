import { createFileRoute } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/incidents/")({
  beforeLoad: ({ context }) => guardScope(context.session, "incidents:read"),
  component: () => <PageHeader title="Incidents" description="This page is being built." />,
});
