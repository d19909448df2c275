import type { Art73ClockView, IncidentStatus } from "@core/api/incidents";
import { Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { prepareReportingClock } from "../lib/reporting-clock";

/** The EU AI Act Art. 73 reporting clock, when the incident is flagged serious. */
export function ReportingClockCard({
  art73,
  status,
  now,
}: {
  art73: Art73ClockView | null;
  status: IncidentStatus;
  now: Date;
}) {
  const clock = prepareReportingClock(art73, now);
  if (clock === null) return null;
  return (
    <Card aria-labelledby="art73-title">
      <CardHeader>
        <CardTitle id="art73-title" className="flex items-center gap-2">
          <Clock aria-hidden="true" className="size-4" /> EU AI Act reporting clock
        </CardTitle>
        <CardDescription>
          {clock.kind}: report to the market surveillance authority within {clock.days} days of awareness (
          {clock.article}).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-medium">Deadline</dt>
          <dd>{clock.deadline}</dd>
          <dt className="font-medium">Time left</dt>
          <dd>
            <Badge tone={clock.tone}>{clock.timeLeft}</Badge>
            {status === "closed" && <span className="ml-2 text-muted-foreground">(incident closed)</span>}
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
