import type {
  ContainmentAction,
  ContainmentView,
  IncidentLinksView,
  PlaybookView,
} from "@core/api/incidents";
import type { ApiKeyView } from "@core/api/keys";
import { useState } from "react";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { useCan, useSession } from "@/lib/session";
import { containmentActionInfo, containmentOptions } from "../lib/containment-options";
import { ActiveContainments } from "./active-containments";
import { ContainmentForm } from "./containment-form";

/**
 * Containment actions for the incident, the playbook's first. Each needs containment:execute and,
 * when the playbook lists it, a role the playbook names; a disabled action says why.
 */
export function ContainmentPanel({
  incidentId,
  playbook,
  playbookPending,
  links,
  containments,
  keys,
}: {
  incidentId: string;
  playbook: PlaybookView | undefined;
  /** the incident names a playbook that is still loading: its role rules are not known yet */
  playbookPending: boolean;
  links: IncidentLinksView;
  containments: readonly ContainmentView[];
  keys: readonly ApiKeyView[];
}) {
  const { can, reason } = useCan("containment:execute");
  const session = useSession();
  const [open, setOpen] = useState<ContainmentAction | null>(null);
  const options = containmentOptions(playbook, session.admin.role, links, keys);
  const chosen = options.find((option) => option.action === open);
  return (
    <Card aria-labelledby="containment-title">
      <CardHeader>
        <CardTitle id="containment-title">Containment</CardTitle>
        <CardDescription>
          {playbook === undefined
            ? "This incident follows no playbook; every action is available."
            : `Marked actions are the ${playbook.title} playbook's.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {playbookPending ? (
          <LoadingState rows={3} label="Loading the playbook" />
        ) : (
          <ul className="flex flex-col gap-2">
            {options.map((option) => {
              const why = can ? option.playbookRefusal : reason;
              const reasonId = `containment-${option.action}-reason`;
              return (
                <li key={option.action} className="flex flex-wrap items-center gap-2 text-sm">
                  <Button
                    size="sm"
                    variant={option.inPlaybook ? "default" : "outline"}
                    disabled={why !== null && why !== ""}
                    aria-describedby={why ? reasonId : undefined}
                    onClick={() => setOpen(option.action)}
                  >
                    {containmentActionInfo[option.action].label}
                    {option.inPlaybook && <span className="sr-only"> (playbook action)</span>}
                  </Button>
                  {option.inPlaybook && (
                    <span aria-hidden="true" className="text-xs text-muted-foreground">
                      playbook
                    </span>
                  )}
                  {why && (
                    <span id={reasonId} className="text-xs text-muted-foreground">
                      Disabled: {why}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <ActiveContainments incidentId={incidentId} containments={containments} />
      </CardContent>
      <Dialog open={chosen !== undefined} onOpenChange={(next) => setOpen(next ? open : null)}>
        <DialogContent>
          <DialogTitle>{chosen ? containmentActionInfo[chosen.action].label : "Containment"}</DialogTitle>
          <DialogDescription>Recorded in the audit trail and on this incident's timeline.</DialogDescription>
          {chosen && (
            <ContainmentForm
              incidentId={incidentId}
              option={chosen}
              keys={keys}
              onDone={() => setOpen(null)}
            />
          )}
        </DialogContent>
      </Dialog>
    </Card>
  );
}
