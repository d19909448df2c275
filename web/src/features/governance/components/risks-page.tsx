import type { RiskView } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { useCan } from "@/lib/session";
import { useDeleteRisk, useSaveRisk } from "../api/mutations";
import { riskListQuery } from "../api/queries";
import { bodyBase, emptyRisk, riskBodySchema, riskFields } from "../lib/record-specs";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { HeatMapTable } from "./heat-map-table";
import { RecordDialog } from "./record-dialog";
import { RecordForm } from "./record-form";
import { RisksTable } from "./risks-table";
import { WriteReason } from "./write-reason";

/** The risk register with its heat maps (inherent and residual) and risk create, edit and delete. */
export function RisksPage() {
  const query = useQuery(riskListQuery());
  const { can, reason } = useCan("governance:write");
  const [editing, setEditing] = useState<RiskView | "new" | null>(null);
  const [deleting, setDeleting] = useState<RiskView | null>(null);
  const existing = editing !== null && editing !== "new" ? editing : null;
  const save = useSaveRisk(existing?.id);
  const remove = useDeleteRisk();
  return (
    <>
      <PageHeader
        title="Risks"
        description="Inherent score = likelihood × impact; each control removes its share of what is left (residual)."
        actions={
          <Button
            disabled={!can}
            aria-describedby={can ? undefined : "risks-reason"}
            onClick={() => setEditing("new")}
          >
            New risk
          </Button>
        }
      />
      <WriteReason id="risks-reason" can={can} reason={reason} />
      <QueryView query={query} scope="governance:read" rows={8}>
        {(list) => (
          <div className="flex flex-col gap-4">
            <div className="grid gap-4 xl:grid-cols-2">
              <Card>
                <CardContent className="pt-4">
                  <HeatMapTable
                    caption="Inherent risk: number of risks by likelihood and impact"
                    grid={list.heatMap}
                  />
                </CardContent>
              </Card>
              <Card>
                <CardContent className="pt-4">
                  <HeatMapTable
                    caption="Residual risk (after controls): number of risks by likelihood and impact"
                    grid={list.residualHeatMap}
                  />
                </CardContent>
              </Card>
            </div>
            {list.data.length === 0 ? (
              <EmptyState title="No risks recorded">
                Add the first with New risk, or apply a governance folder (`rampart govern apply`).
              </EmptyState>
            ) : (
              <RisksTable
                risks={list.data}
                can={can}
                reasonId="risks-reason"
                onEdit={setEditing}
                onDelete={setDeleting}
              />
            )}
          </div>
        )}
      </QueryView>
      <RecordDialog
        open={editing !== null}
        onOpenChange={(open) => (open ? undefined : setEditing(null))}
        title={existing ? `Edit ${existing.title}` : "New risk"}
        description="Checked with the register's rules before it is stored; the change is recorded in the audit trail."
      >
        <RecordForm
          fields={riskFields}
          body={riskBodySchema}
          base={existing ? bodyBase(riskBodySchema, existing) : emptyRisk}
          editing={existing !== null}
          submitLabel={existing ? "Save risk" : "Create risk"}
          onSubmit={(record) => save.mutateAsync(record)}
          onDone={(record) => {
            toast.success(`Risk ${record.title} saved`);
            setEditing(null);
          }}
        />
      </RecordDialog>
      <ConfirmDeleteDialog
        target={deleting?.id ?? null}
        what="risk"
        consequence="The risk leaves the register; the audit trail keeps the change."
        onConfirm={() => remove.mutateAsync(deleting?.id ?? "")}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
