import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { effectivePolicyQuery, keyListQuery, SettingsPage } from "@/features/settings";
import { guardScope } from "@/lib/route-guard";

export const Route = createFileRoute("/_app/settings/")({
  beforeLoad: ({ context }) => guardScope(context.session, "policy:read"),
  // the upstream checks may take up to 2 s: that panel loads on its own
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(keyListQuery()),
      context.queryClient.ensureQueryData(effectivePolicyQuery()),
    ]),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="Settings could not be loaded" retry={reset} />
  ),
  component: SettingsPage,
});
