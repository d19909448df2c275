import type { IncidentStatus } from "@core/api/incidents";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { useCan } from "@/lib/session";
import { useUpdateIncident } from "../api/mutations";
import { statusLabels, statusMoves, workflowSteps } from "../lib/status-workflow";

/** The workflow open -> triaged -> contained -> resolved -> closed, with the moves the server allows. */
export function StatusActions({ incidentId, status }: { incidentId: string; status: IncidentStatus }) {
  const { can, reason } = useCan("incidents:write");
  const update = useUpdateIncident(incidentId);
  const [confirmClose, setConfirmClose] = useState(false);
  const moves = statusMoves(status);
  const move = (to: IncidentStatus) =>
    update.mutate({ status: to }, { onSuccess: () => setConfirmClose(false) });
  return (
    <Card aria-labelledby="status-title">
      <CardHeader>
        <CardTitle id="status-title">Status</CardTitle>
        <CardDescription>Currently {statusLabels[status].toLowerCase()}.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <ol aria-label="Workflow" className="flex flex-wrap gap-1 text-xs">
          {workflowSteps(status).map((step) => (
            <li
              key={step.status}
              aria-current={step.state === "current" ? "step" : undefined}
              className={
                step.state === "current"
                  ? "rounded border border-primary bg-primary/10 px-2 py-0.5 font-semibold"
                  : step.state === "done"
                    ? "rounded border border-border px-2 py-0.5"
                    : "rounded border border-dashed border-border px-2 py-0.5 text-muted-foreground"
              }
            >
              {statusLabels[step.status]}
            </li>
          ))}
        </ol>
        {moves.length === 0 ? (
          <p className="text-sm text-muted-foreground">A closed incident cannot change.</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {moves.map((option) => (
              <Button
                key={option.to}
                variant={option.final ? "outline" : "default"}
                size="sm"
                disabled={!can || update.isPending}
                aria-describedby={can ? undefined : "status-reason"}
                onClick={() => (option.final ? setConfirmClose(true) : move(option.to))}
              >
                {option.label}
              </Button>
            ))}
          </div>
        )}
        {!can && moves.length > 0 && (
          <p id="status-reason" className="text-sm text-muted-foreground">
            Changing the status {reason}.
          </p>
        )}
        {update.isError && !confirmClose && (
          <p role="alert" className="text-sm text-bad-foreground">
            {update.error.message}
          </p>
        )}
      </CardContent>
      <Dialog open={confirmClose} onOpenChange={setConfirmClose}>
        <DialogContent>
          <DialogTitle>Close this incident?</DialogTitle>
          <DialogDescription>
            A closed incident cannot change: no more status moves, steps or notes. Its report stays available.
          </DialogDescription>
          {update.isError && (
            <p role="alert" className="text-sm text-bad-foreground">
              {update.error.message}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button variant="destructive" disabled={update.isPending} onClick={() => move("closed")}>
              Close incident
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
