import type { ComplianceRequirement } from "@core/api/compliance";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { useCan, useSession } from "@/lib/session";
import { useChangeAttestation } from "../api/attestations";

const textareaClass =
  "min-h-16 w-full rounded-md border border-input bg-background px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring disabled:opacity-50";

/**
 * Attest a requirement by hand (met by means Rampart cannot see) or mark it not applicable, with a
 * note; or withdraw the attestation. Recorded as the signed-in admin, in the audit trail.
 */
export function AttestationForm({
  framework,
  requirement,
}: {
  framework: string;
  requirement: ComplianceRequirement;
}) {
  const { can, reason } = useCan("governance:write");
  const session = useSession();
  const change = useChangeAttestation();
  const [status, setStatus] = useState<"attested" | "not-applicable">("attested");
  const [note, setNote] = useState("");
  const [missingNote, setMissingNote] = useState(false);
  const statusId = useId();
  const noteId = useId();
  const reasonId = useId();
  const name = `${requirement.id} ${requirement.title}`;
  const attested = requirement.evidence.some((item) => item.source === "attestation");
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === "") {
      setMissingNote(true);
      return;
    }
    setMissingNote(false);
    change.mutate(
      {
        kind: "record",
        framework,
        requirement: requirement.id,
        status,
        by: session.admin.name,
        note: note.trim(),
      },
      {
        onSuccess: () => {
          toast.success(`${name}: ${status === "attested" ? "attested" : "marked not applicable"}`);
          setNote("");
        },
      },
    );
  };
  return (
    <form className="flex flex-col gap-2" onSubmit={onSubmit} aria-label={`Attestation for ${name}`}>
      {!can && (
        <p id={reasonId} className="text-xs text-muted-foreground">
          Read-only: attesting {reason}.
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor={statusId}>Attest as</Label>
          <select
            id={statusId}
            className="h-9 rounded-md border border-input bg-background px-2 text-sm"
            value={status}
            disabled={!can}
            aria-describedby={can ? undefined : reasonId}
            onChange={(event) => setStatus(event.currentTarget.value as "attested" | "not-applicable")}
          >
            <option value="attested">met (attested)</option>
            <option value="not-applicable">not applicable</option>
          </select>
        </div>
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <Label htmlFor={noteId}>Why (kept with the attestation)</Label>
          <textarea
            id={noteId}
            className={textareaClass}
            value={note}
            disabled={!can}
            aria-invalid={missingNote || undefined}
            aria-describedby={missingNote ? `${noteId}-error` : can ? undefined : reasonId}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {missingNote && (
            <p id={`${noteId}-error`} className="text-xs text-bad-foreground">
              Say why: an attestation without a reason is not evidence.
            </p>
          )}
        </div>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={!can || change.isPending}>
          Record attestation
        </Button>
        {attested && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={!can || change.isPending}
            onClick={() =>
              change.mutate(
                { kind: "withdraw", framework, requirement: requirement.id },
                { onSuccess: () => toast.success(`${name}: attestation withdrawn`) },
              )
            }
          >
            Withdraw attestation
          </Button>
        )}
      </div>
      {change.isError && (
        <p role="alert" className="text-sm text-bad-foreground">
          The attestation was not saved: {change.error.message}
        </p>
      )}
    </form>
  );
}
