import type { IncidentDetail as Detail } from "@core/api/incidents";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { keyListQuery } from "@/features/settings";
import { formatTime } from "@/lib/format";
import { playbooksQuery } from "../api/queries";
import { ContainmentPanel } from "./containment-panel";
import { IncidentLinks } from "./incident-links";
import { IncidentReportPanel } from "./incident-report-panel";
import { IncidentTimeline } from "./incident-timeline";
import { PlaybookChecklist } from "./playbook-checklist";
import { ReportingClockCard } from "./reporting-clock-card";
import { SeverityBadge } from "./severity-badge";
import { StatusActions } from "./status-actions";
import { StatusBadge } from "./status-badge";

export function IncidentDetail({ incident, now }: { incident: Detail; now: Date }) {
  const playbooks = useQuery(playbooksQuery());
  const keys = useQuery(keyListQuery());
  const playbook = playbooks.data?.find((entry) => entry.id === incident.playbook);
  return (
    <>
      <Link
        to="/incidents"
        className="mb-2 inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline"
      >
        <ArrowLeft aria-hidden="true" className="size-4" /> All incidents
      </Link>
      <PageHeader
        title={incident.title}
        description={`${incident.id} · opened ${formatTime(incident.createdAt)} by ${incident.createdBy}`}
        actions={
          <>
            <SeverityBadge severity={incident.severity} />
            <StatusBadge status={incident.status} />
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          <Card aria-labelledby="summary-title">
            <CardHeader>
              <CardTitle id="summary-title">Summary</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="whitespace-pre-wrap break-words text-sm">
                {incident.description === "" ? "No description." : incident.description}
              </p>
              <p className="mt-2 text-xs text-muted-foreground">
                Aware since {formatTime(incident.awareAt)}
                {incident.closedAt !== null && ` · closed ${formatTime(incident.closedAt)}`}
              </p>
            </CardContent>
          </Card>
          {incident.steps.length > 0 && (
            <PlaybookChecklist
              incidentId={incident.id}
              playbookTitle={playbook?.title ?? incident.playbook ?? ""}
              steps={incident.steps}
              closed={incident.status === "closed"}
            />
          )}
          <IncidentTimeline entries={incident.timeline} />
          <IncidentLinks links={incident.links} />
        </div>
        <div className="flex flex-col gap-4">
          <StatusActions incidentId={incident.id} status={incident.status} />
          <ReportingClockCard art73={incident.art73} status={incident.status} now={now} />
          <ContainmentPanel
            incidentId={incident.id}
            playbook={playbook}
            playbookPending={incident.playbook !== null && playbooks.isPending}
            links={incident.links}
            containments={incident.containments}
            keys={keys.data ?? []}
          />
          <IncidentReportPanel incidentId={incident.id} />
        </div>
      </div>
    </>
  );
}
