import { createFileRoute } from "@tanstack/react-router";
import { ErrorState } from "@/components/states/error-state";
import { AssetDetailPage, assetKindParamSchema, assetQuery } from "@/features/governance";

/** /governance/assets/models/llama-3-70b: an unknown kind fails here, naming the kinds. */
export const Route = createFileRoute("/_app/governance/assets/$kind/$id")({
  params: {
    parse: (raw) => ({ kind: assetKindParamSchema.parse(raw.kind), id: raw.id }),
    stringify: (params) => ({ kind: params.kind, id: params.id }),
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(assetQuery(params.kind, params.id)),
  errorComponent: ({ error, reset }) => (
    <ErrorState error={error} title="This asset could not be loaded" retry={reset} />
  ),
  component: AssetRoute,
});

function AssetRoute() {
  const { kind, id } = Route.useParams();
  return <AssetDetailPage kind={kind} id={id} />;
}
