import { createFileRoute } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/traffic/")({
  beforeLoad: ({ context }) => guardScope(context.session, "audit:read"),
  component: () => <PageHeader title="Traffic" description="This page is being built." />,
});
