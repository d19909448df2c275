import type { IncidentView } from "@core/api/incidents";
import { Link } from "@tanstack/react-router";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatAgo, formatTime } from "@/lib/format";
import { prepareReportingClock } from "../lib/reporting-clock";
import { SeverityBadge } from "./severity-badge";
import { StatusBadge } from "./status-badge";

/** The incidents, newest first; the title opens the detail. */
export function IncidentsTable({ incidents, now }: { incidents: readonly IncidentView[]; now: Date }) {
  return (
    <Table aria-label="Incidents">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Incident</TableHead>
          <TableHead scope="col">Severity</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">Playbook</TableHead>
          <TableHead scope="col">Opened</TableHead>
          <TableHead scope="col">Art. 73 report</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {incidents.map((incident) => {
          const clock = prepareReportingClock(incident.art73, now);
          return (
            <TableRow key={incident.id}>
              <TableCell>
                <Link
                  to="/incidents/$id"
                  params={{ id: incident.id }}
                  className="font-medium text-primary underline-offset-4 hover:underline"
                >
                  {incident.title}
                </Link>
                <div className="text-xs text-muted-foreground">{incident.id}</div>
              </TableCell>
              <TableCell>
                <SeverityBadge severity={incident.severity} />
              </TableCell>
              <TableCell>
                <StatusBadge status={incident.status} />
              </TableCell>
              <TableCell>{incident.playbook ?? "—"}</TableCell>
              <TableCell>
                <span title={formatTime(incident.createdAt)}>
                  {formatAgo(incident.createdAt, now.getTime())}
                </span>
              </TableCell>
              <TableCell>
                {clock === null || incident.status === "closed" ? (
                  "—"
                ) : (
                  <Badge tone={clock.tone}>{clock.timeLeft}</Badge>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
