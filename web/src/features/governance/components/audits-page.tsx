import type { AuditView } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/session";
import { useSaveAudit } from "../api/mutations";
import { auditsQuery } from "../api/queries";
import { auditBodySchema, auditFields, bodyBase, emptyAudit } from "../lib/record-specs";
import { AuditCard } from "./audit-card";
import { RecordDialog } from "./record-dialog";
import { RecordForm } from "./record-form";
import { WriteReason } from "./write-reason";

/** Audit plans with their findings and automated checks, which run on schedule or on demand. */
export function AuditsPage() {
  const query = useQuery(auditsQuery());
  const { can, reason } = useCan("governance:write");
  const [editing, setEditing] = useState<AuditView | "new" | null>(null);
  const existing = editing !== null && editing !== "new" ? editing : null;
  const save = useSaveAudit(existing?.id);
  return (
    <>
      <PageHeader
        title="Audits"
        description="A failing automated check opens a finding; the run in which it passes again closes it."
        actions={
          <Button
            disabled={!can}
            aria-describedby={can ? undefined : "audits-reason"}
            onClick={() => setEditing("new")}
          >
            New audit plan
          </Button>
        }
      />
      <WriteReason id="audits-reason" can={can} reason={reason} />
      <QueryView query={query} scope="governance:read" rows={6}>
        {(audits) =>
          audits.length === 0 ? (
            <EmptyState title="No audit plans">
              Add one with New audit plan: a schedule, a checklist and the automated checks to run.
            </EmptyState>
          ) : (
            <div className="flex flex-col gap-4">
              {audits.map((audit) => (
                <AuditCard key={audit.id} audit={audit} onEdit={setEditing} />
              ))}
            </div>
          )
        }
      </QueryView>
      <RecordDialog
        open={editing !== null}
        onOpenChange={(open) => (open ? undefined : setEditing(null))}
        title={existing ? `Edit ${existing.title}` : "New audit plan"}
        description="Recorded findings are kept; automated findings come from the checks' runs."
      >
        <RecordForm
          fields={auditFields}
          body={auditBodySchema}
          base={existing ? bodyBase(auditBodySchema, existing) : emptyAudit}
          editing={existing !== null}
          submitLabel={existing ? "Save plan" : "Create plan"}
          onSubmit={(record) => save.mutateAsync(record)}
          onDone={(record) => {
            toast.success(`Audit plan ${record.title} saved`);
            setEditing(null);
          }}
        />
      </RecordDialog>
    </>
  );
}
