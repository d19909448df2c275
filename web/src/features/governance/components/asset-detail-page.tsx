import type { ModelView } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useCan } from "@/lib/session";
import { useDeleteAsset } from "../api/mutations";
import { assetQuery } from "../api/queries";
import { type AssetKind, assetKindLabel } from "../lib/asset-kinds";
import { assetName } from "../lib/asset-rows";
import { AssetFacts } from "./asset-facts";
import { AssetForm } from "./asset-form";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { ControlDutiesTable } from "./control-duties-table";
import { RecordDialog } from "./record-dialog";
import { ResponsibilityMatrix } from "./responsibility-matrix";
import { TierBadge } from "./tier-badge";
import { WriteReason } from "./write-reason";

/** One asset: its record; for a model, its EU AI Act tier, responsibility matrix and control duties. */
export function AssetDetailPage({ kind, id }: { kind: AssetKind; id: string }) {
  const query = useQuery(assetQuery(kind, id));
  const { can, reason } = useCan("governance:write");
  const navigate = useNavigate();
  const remove = useDeleteAsset(kind);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const label = assetKindLabel[kind].one;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/governance/assets" className="text-primary underline-offset-4 hover:underline">
          ← All assets
        </Link>
      </p>
      <QueryView query={query} scope="governance:read" rows={8}>
        {(answer) => {
          const record: Record<string, unknown> & { id: string } =
            answer.kind === "models" ? answer.model : answer.record;
          const model: ModelView | null = answer.kind === "models" ? answer.model : null;
          const name = assetName(record as { id: string; name?: string });
          return (
            <>
              <PageHeader
                title={name}
                description={`${label} · ${record.id}`}
                actions={
                  <>
                    <Button
                      variant="outline"
                      disabled={!can}
                      aria-describedby={can ? undefined : "asset-reason"}
                      onClick={() => setEditing(true)}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="outline"
                      disabled={!can}
                      aria-describedby={can ? undefined : "asset-reason"}
                      onClick={() => setDeleting(name)}
                    >
                      Delete
                    </Button>
                  </>
                }
              />
              <WriteReason id="asset-reason" can={can} reason={reason} />
              <div className="flex flex-col gap-4">
                {model && (
                  <p className="flex items-center gap-2 text-sm">
                    EU AI Act: <TierBadge tier={model.riskTier} />
                    {model.generalPurpose && <span>· general-purpose AI model</span>}
                  </p>
                )}
                <Card aria-labelledby="asset-record-title">
                  <CardHeader>
                    <CardTitle id="asset-record-title">Record</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <AssetFacts kind={kind} record={record} />
                  </CardContent>
                </Card>
                {model && (
                  <Card aria-labelledby="asset-responsibility-title">
                    <CardHeader>
                      <CardTitle id="asset-responsibility-title">Shared responsibility</CardTitle>
                      <CardDescription>
                        Organisation's duties: {model.organisationDuties.join(", ") || "none"}.
                      </CardDescription>
                    </CardHeader>
                    <CardContent className="flex flex-col gap-4">
                      <ResponsibilityMatrix model={model} />
                      <ControlDutiesTable controls={model.controls} />
                    </CardContent>
                  </Card>
                )}
              </div>
              <RecordDialog
                open={editing}
                onOpenChange={setEditing}
                title={`Edit ${name}`}
                description="Checked with the register's rules before it is stored; recorded in the audit trail."
              >
                <AssetForm
                  kind={kind}
                  record={record}
                  onSaved={() => {
                    toast.success(`${label} ${record.id} saved`);
                    setEditing(false);
                  }}
                />
              </RecordDialog>
            </>
          );
        }}
      </QueryView>
      <ConfirmDeleteDialog
        target={deleting}
        what={label.toLowerCase()}
        consequence="The asset leaves the inventory; a refusal names any record that still refers to it. The audit trail keeps the change."
        onConfirm={async () => {
          await remove.mutateAsync(id);
          toast.success(`${label} ${id} deleted`);
          void navigate({ to: "/governance/assets" });
        }}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
