import { createFileRoute } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/settings/")({
  beforeLoad: ({ context }) => guardScope(context.session, "policy:read"),
  component: () => <PageHeader title="Settings" description="This page is being built." />,
});
