import { createFileRoute } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/compliance/")({
  beforeLoad: ({ context }) => guardScope(context.session, "governance:read"),
  component: () => <PageHeader title="Compliance" description="This page is being built." />,
});
