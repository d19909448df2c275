import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { useCan } from "@/lib/session";
import { assetsQuery } from "../api/queries";
import { assetKindLabel, assetKinds } from "../lib/asset-kinds";
import { assetRows } from "../lib/asset-rows";
import type { AssetsSearch } from "../lib/search";
import { AssetsTable } from "./assets-table";
import { NewAssetDialog } from "./new-asset-dialog";
import { WriteReason } from "./write-reason";

/** The AI inventory: models, datasets, applications, system prompts, vendors and tools. */
export function AssetsPage({ search }: { search: AssetsSearch }) {
  const navigate = useNavigate();
  const query = useQuery(assetsQuery());
  const { can, reason } = useCan("governance:write");
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Assets"
        description="Every AI asset with its owner and EU AI Act tier; a model's page shows who holds each layer."
        actions={
          <Button
            disabled={!can}
            aria-describedby={can ? undefined : "assets-reason"}
            onClick={() => setCreating(true)}
          >
            New asset
          </Button>
        }
      />
      <WriteReason id="assets-reason" can={can} reason={reason} />
      <div className="mb-3 flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="assets-kind">Kind</Label>
          <select
            id="assets-kind"
            value={search.kind ?? ""}
            onChange={(event) =>
              void navigate({
                to: "/governance/assets",
                search: event.target.value === "" ? {} : { kind: event.target.value as AssetsSearch["kind"] },
              })
            }
            className="h-9 rounded-md border border-input bg-background px-2 text-sm"
          >
            <option value="">All kinds</option>
            {assetKinds.map((kind) => (
              <option key={kind} value={kind}>
                {assetKindLabel[kind].many}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryView query={query} scope="governance:read" rows={8}>
        {(assets) => {
          const rows = assetRows(assets, search.kind);
          if (rows.length > 0) return <AssetsTable rows={rows} />;
          return search.kind === undefined ? (
            <EmptyState title="The inventory is empty">
              Add your first model with New asset, or apply a governance folder (`rampart init` writes a
              starter, `rampart govern apply` loads it).
            </EmptyState>
          ) : (
            <EmptyState title={`No ${assetKindLabel[search.kind].many.toLowerCase()} recorded`}>
              Choose All kinds to see the rest of the inventory, or add one with New asset.
            </EmptyState>
          );
        }}
      </QueryView>
      <NewAssetDialog open={creating} onOpenChange={setCreating} initialKind={search.kind ?? "models"} />
    </>
  );
}
