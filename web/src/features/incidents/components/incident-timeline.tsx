import type { TimelineEntryView } from "@core/api/incidents";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatTime } from "@/lib/format";

const kindLabels: Record<string, string> = {
  created: "Opened",
  status: "Status",
  note: "Note",
  alert: "Alert",
  containment: "Containment",
  update: "Update",
  step: "Playbook step",
};

/** What happened, oldest first; stored text is shown as text. */
export function IncidentTimeline({ entries }: { entries: readonly TimelineEntryView[] }) {
  return (
    <Card aria-labelledby="timeline-title">
      <CardHeader>
        <CardTitle id="timeline-title">Timeline</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-3 border-l border-border pl-4">
          {entries.map((entry) => (
            <li key={entry.id} className="text-sm">
              <div className="flex flex-wrap items-baseline gap-x-2 text-muted-foreground">
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                <span className="font-medium text-foreground">{kindLabels[entry.kind] ?? entry.kind}</span>
                <span>by {entry.actor}</span>
              </div>
              <p className="whitespace-pre-wrap break-words">{entry.text}</p>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
