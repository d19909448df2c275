import { createFileRoute } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/redteam/")({
  beforeLoad: ({ context }) => guardScope(context.session, "redteam:read"),
  component: () => <PageHeader title="Red team" description="This page is being built." />,
});
