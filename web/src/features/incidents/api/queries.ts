import { endpointPath } from "@core/api/contract";
import {
  getIncident,
  type IncidentSeverity,
  type IncidentStatus,
  incidentReportDownload,
  listIncidents,
  listPlaybooks,
} from "@core/api/incidents";
import { queryOptions } from "@tanstack/react-query";
import { call, download } from "@/lib/api-client";

export interface IncidentFilters {
  status?: IncidentStatus | undefined;
  severity?: IncidentSeverity | undefined;
}

/** Hierarchical keys: ['incidents'] covers lists, details, reports and playbooks. */
export const incidentKeys = {
  all: ["incidents"] as const,
  lists: () => ["incidents", "list"] as const,
  list: (filters: IncidentFilters) => ["incidents", "list", filters] as const,
  detail: (id: string) => ["incidents", "detail", id] as const,
  report: (id: string) => ["incidents", "report", id] as const,
  playbooks: () => ["incidents", "playbooks"] as const,
};

export const incidentListQuery = (filters: IncidentFilters) =>
  queryOptions({
    queryKey: incidentKeys.list(filters),
    queryFn: async () =>
      (
        await call(listIncidents, {
          query: {
            ...(filters.status === undefined ? {} : { status: filters.status }),
            ...(filters.severity === undefined ? {} : { severity: filters.severity }),
          },
        })
      ).data,
  });

export const incidentDetailQuery = (id: string) =>
  queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: () => call(getIncident, { params: { id } }),
  });

export const playbooksQuery = () =>
  queryOptions({
    queryKey: incidentKeys.playbooks(),
    queryFn: async () => (await call(listPlaybooks)).data,
    staleTime: 5 * 60_000,
  });

export function incidentReportPath(id: string, format: "md" | "html"): string {
  return `${endpointPath(incidentReportDownload.path, { id })}?format=${format}`;
}

/** The post-incident report as Markdown text, shown as text (never rendered as HTML). */
export const incidentReportQuery = (id: string) =>
  queryOptions({
    queryKey: incidentKeys.report(id),
    queryFn: async () => (await download(incidentReportPath(id, "md"))).blob.text(),
    staleTime: 0,
  });
