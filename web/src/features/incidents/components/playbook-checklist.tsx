import type { PlaybookStepStateView } from "@core/api/incidents";
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatTime } from "@/lib/format";
import { useCan } from "@/lib/session";
import { useUpdateIncident } from "../api/mutations";

/** The playbook's steps as a checklist; ticking a step is an incident update (on the timeline). */
export function PlaybookChecklist({
  incidentId,
  playbookTitle,
  steps,
  closed,
}: {
  incidentId: string;
  playbookTitle: string;
  steps: readonly PlaybookStepStateView[];
  closed: boolean;
}) {
  const { can, reason } = useCan("incidents:write");
  const update = useUpdateIncident(incidentId);
  // while a tick is on its way, show it (the answer and the refetch follow); set in the event
  // handler itself, so the controlled checkbox never flips back for a frame before the mutation starts
  const [ticking, setTicking] = useState<{ index: number; done: boolean } | null>(null);
  const isDone = (step: PlaybookStepStateView) => (ticking?.index === step.index ? ticking.done : step.done);
  const done = steps.filter((step) => step.done).length;
  const disabledWhy = closed ? "A closed incident cannot change." : can ? null : `Ticking steps ${reason}.`;
  return (
    <Card aria-labelledby="steps-title">
      <CardHeader>
        <CardTitle id="steps-title">Playbook: {playbookTitle}</CardTitle>
        <CardDescription>
          {done} of {steps.length} steps done.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <ul className="flex flex-col gap-2">
          {steps.map((step) => {
            const id = `step-${step.index}`;
            return (
              <li key={step.index} className="flex items-start gap-2 text-sm">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-0.5 size-4 accent-primary"
                  checked={isDone(step)}
                  disabled={disabledWhy !== null || update.isPending}
                  aria-describedby={disabledWhy === null ? `${id}-meta` : `${id}-meta steps-reason`}
                  onChange={(event) => {
                    const tick = { index: step.index, done: event.target.checked };
                    setTicking(tick);
                    update.mutate({ step: tick }, { onSettled: () => setTicking(null) });
                  }}
                />
                <div>
                  <label htmlFor={id} className={isDone(step) ? "line-through decoration-1" : undefined}>
                    {step.index + 1}. {step.title}
                  </label>
                  <p id={`${id}-meta`} className="text-xs text-muted-foreground">
                    Owner: {step.role}
                    {step.changedAt !== null &&
                      ` · ${step.done ? "done" : "reopened"} by ${step.changedBy ?? "—"}, ${formatTime(step.changedAt)}`}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
        {disabledWhy !== null && (
          <p id="steps-reason" className="text-sm text-muted-foreground">
            {disabledWhy}
          </p>
        )}
        {update.isError && (
          <p role="alert" className="text-sm text-bad-foreground">
            {update.error.message}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
