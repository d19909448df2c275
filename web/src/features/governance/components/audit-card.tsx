import type { AuditView } from "@core/api/governance";
import { Play } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatTime } from "@/lib/format";
import { useCan } from "@/lib/session";
import { useRunAudit, useSaveAudit } from "../api/mutations";
import {
  auditBodySchema,
  auditFindingBodySchema,
  auditFindingFields,
  bodyBase,
  emptyAuditFinding,
} from "../lib/record-specs";
import { CheckResult } from "./check-result";
import { FindingsTable } from "./findings-table";
import { RecordDialog } from "./record-dialog";
import { RecordForm } from "./record-form";

/** An audit plan: its schedule, checklist, last run of the automated checks, and findings. */
export function AuditCard({ audit, onEdit }: { audit: AuditView; onEdit: (audit: AuditView) => void }) {
  const { can, reason } = useCan("governance:write");
  const run = useRunAudit();
  const save = useSaveAudit(audit.id);
  const [recording, setRecording] = useState(false);
  const titleId = `audit-${audit.id}-title`;
  const plan = () => bodyBase(auditBodySchema, audit) as { findings: AuditView["findings"] };
  const toggle = (findingId: string) => {
    const findings = audit.findings.map((finding) =>
      finding.id === findingId
        ? { ...finding, status: finding.status === "open" ? ("closed" as const) : ("open" as const) }
        : finding,
    );
    const changed = findings.find((finding) => finding.id === findingId);
    save.mutate(
      { ...plan(), findings },
      {
        onSuccess: () =>
          toast.success(`Finding ${changed?.title ?? findingId} ${changed?.status ?? "saved"}`),
      },
    );
  };
  const noChecks = audit.automatedChecks.length === 0;
  const why = !can
    ? `Running the checks ${reason}.`
    : noChecks
      ? "This plan lists no automated checks."
      : null;
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle id={titleId}>{audit.title}</CardTitle>
          <CardDescription>
            {audit.schedule} · {audit.openFindings} open finding{audit.openFindings === 1 ? "" : "s"} · next
            automated run {audit.nextDueAt === null ? "—" : formatTime(audit.nextDueAt)}
          </CardDescription>
        </div>
        <div className="flex flex-col items-end gap-1">
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="outline"
              disabled={!can}
              aria-label={`Edit plan ${audit.title}`}
              aria-describedby={can ? undefined : `${titleId}-why`}
              onClick={() => onEdit(audit)}
            >
              Edit plan
            </Button>
            <Button
              size="sm"
              disabled={why !== null || run.isPending}
              aria-describedby={why ? `${titleId}-why` : undefined}
              onClick={() =>
                run.mutate(audit.id, {
                  onSuccess: ({ run: done, findings }) => {
                    const failed = done.results.filter((result) => result.passed === false).length;
                    toast.success(
                      `Checks ran: ${done.results.length - failed} without failure, ${failed} failed; ${findings.length} open automated finding${findings.length === 1 ? "" : "s"}`,
                    );
                  },
                })
              }
            >
              <Play aria-hidden="true" /> {run.isPending ? "Running…" : "Run checks now"}
            </Button>
          </div>
          {why && (
            <p id={`${titleId}-why`} className="text-xs text-muted-foreground">
              {why}
            </p>
          )}
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {run.isError && (
          <p role="alert" className="text-sm text-bad-foreground">
            The checks did not run: {run.error.message}
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby={`${titleId}-checklist`}>
            <h3 id={`${titleId}-checklist`} className="mb-1 text-sm font-semibold">
              Checklist
            </h3>
            {audit.checklist.length === 0 ? (
              <p className="text-sm text-muted-foreground">No checklist items.</p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {audit.checklist.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby={`${titleId}-checks`}>
            <h3 id={`${titleId}-checks`} className="mb-1 text-sm font-semibold">
              Automated checks
            </h3>
            {audit.lastRun === null ? (
              <p className="text-sm text-muted-foreground">
                {noChecks ? "None listed." : `Not run yet: ${audit.automatedChecks.join(", ")}.`}
              </p>
            ) : (
              <>
                <p className="mb-1 text-xs text-muted-foreground">
                  Last run {formatTime(audit.lastRun.at)} ({audit.lastRun.trigger}, by {audit.lastRun.actor})
                </p>
                <ul aria-label="Results of the last run" className="flex flex-col gap-1 text-sm">
                  {audit.lastRun.results.map((result) => (
                    <CheckResult key={result.check} result={result} />
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
        <section aria-labelledby={`${titleId}-findings`}>
          <div className="mb-1 flex items-center justify-between gap-2">
            <h3 id={`${titleId}-findings`} className="text-sm font-semibold">
              Findings
            </h3>
            <Button
              size="sm"
              variant="outline"
              disabled={!can}
              aria-label={`Record a finding for ${audit.title}`}
              aria-describedby={can ? undefined : `${titleId}-why`}
              onClick={() => setRecording(true)}
            >
              Record a finding
            </Button>
          </div>
          {save.isError && (
            <p role="alert" className="mb-1 text-sm text-bad-foreground">
              The finding was not saved: {save.error.message}
            </p>
          )}
          <FindingsTable
            audit={audit}
            can={can}
            reasonId={`${titleId}-why`}
            pending={save.isPending}
            onToggle={toggle}
          />
        </section>
        <RecordDialog
          open={recording}
          onOpenChange={setRecording}
          title={`New finding for ${audit.title}`}
          description="Recorded on the audit plan, open until you close it; the audit trail records the change."
        >
          <RecordForm
            fields={auditFindingFields}
            body={auditFindingBodySchema}
            base={emptyAuditFinding}
            editing={false}
            submitLabel="Record finding"
            onSubmit={async (finding) => {
              if (audit.findings.some((other) => other.id === finding.id))
                throw new Error(`id: ${audit.title} already has a finding ${finding.id}`);
              await save.mutateAsync({ ...plan(), findings: [...audit.findings, finding] });
              return finding;
            }}
            onDone={(finding) => {
              toast.success(`Finding ${finding.title} recorded`);
              setRecording(false);
            }}
          />
        </RecordDialog>
      </CardContent>
    </Card>
  );
}
