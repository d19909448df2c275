import type { PolicyView } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { useCan } from "@/lib/session";
import { useSavePolicy } from "../api/mutations";
import { policiesQuery } from "../api/queries";
import { bodyBase, emptyPolicy, policyBodySchema, policyFields } from "../lib/record-specs";
import { ApprovePolicyDialog } from "./approve-policy-dialog";
import { PoliciesTable } from "./policies-table";
import { RecordDialog } from "./record-dialog";
import { RecordForm } from "./record-form";
import { WriteReason } from "./write-reason";

/** Policies with their approval state; approving records the signed-in admin as approver. */
export function PoliciesPage() {
  const query = useQuery(policiesQuery());
  const { can, reason } = useCan("governance:write");
  const [reading, setReading] = useState<PolicyView | null>(null);
  const [editing, setEditing] = useState<PolicyView | "new" | null>(null);
  const [approving, setApproving] = useState<PolicyView | null>(null);
  const existing = editing !== null && editing !== "new" ? editing : null;
  const save = useSavePolicy(existing?.id);
  return (
    <>
      <PageHeader
        title="Policies"
        description="Each policy's approval state and when it is due for review."
        actions={
          <Button
            disabled={!can}
            aria-describedby={can ? undefined : "policies-reason"}
            onClick={() => setEditing("new")}
          >
            New policy
          </Button>
        }
      />
      <WriteReason id="policies-reason" can={can} reason={reason} />
      <QueryView query={query} scope="governance:read" rows={5}>
        {(policies) =>
          policies.length === 0 ? (
            <EmptyState title="No policies yet">
              Write the first with New policy; approve it once it is reviewed.
            </EmptyState>
          ) : (
            <PoliciesTable
              policies={policies}
              can={can}
              reasonId="policies-reason"
              onRead={setReading}
              onEdit={setEditing}
              onApprove={setApproving}
            />
          )
        }
      </QueryView>
      <Dialog open={reading !== null} onOpenChange={(open) => (open ? undefined : setReading(null))}>
        <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
          <DialogTitle>{reading?.title}</DialogTitle>
          <DialogDescription>Version {reading?.version}, shown as its Markdown text.</DialogDescription>
          <pre className="whitespace-pre-wrap rounded-md bg-muted p-3 text-sm">
            {reading?.text || "(no text)"}
          </pre>
        </DialogContent>
      </Dialog>
      <RecordDialog
        open={editing !== null}
        onOpenChange={(open) => (open ? undefined : setEditing(null))}
        title={existing ? `Edit ${existing.title}` : "New policy"}
        description="Stored with the register's rules checked; the audit trail records the change."
      >
        <RecordForm
          fields={policyFields(existing?.state === "approved")}
          body={policyBodySchema}
          base={existing ? bodyBase(policyBodySchema, existing) : emptyPolicy}
          editing={existing !== null}
          submitLabel={existing ? "Save policy" : "Create policy"}
          onSubmit={(record) => save.mutateAsync(record)}
          onDone={(record) => {
            toast.success(`Policy ${record.title} saved`);
            setEditing(null);
          }}
        />
      </RecordDialog>
      <ApprovePolicyDialog policy={approving} onClose={() => setApproving(null)} />
    </>
  );
}
