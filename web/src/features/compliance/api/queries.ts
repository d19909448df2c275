import { complianceFrameworkReport, complianceReportDownload, complianceSummary } from "@core/api/compliance";
import { endpointPath } from "@core/api/contract";
import { queryOptions } from "@tanstack/react-query";
import { call } from "@/lib/api-client";

/** Hierarchical keys: ['compliance'] covers the summary and every framework report. */
export const complianceKeys = {
  all: ["compliance"] as const,
  summary: () => ["compliance", "summary"] as const,
  framework: (framework: string, version: string | undefined) =>
    ["compliance", "framework", framework, { version }] as const,
};

/** Every framework's score and counts, computed from live evidence. */
export const complianceSummaryQuery = () =>
  queryOptions({ queryKey: complianceKeys.summary(), queryFn: () => call(complianceSummary) });

/** One framework's report: requirements, evidence with its age, gaps. */
export const frameworkReportQuery = (framework: string, version?: string) =>
  queryOptions({
    queryKey: complianceKeys.framework(framework, version),
    queryFn: () =>
      call(complianceFrameworkReport, {
        params: { framework },
        query: version === undefined ? {} : { version },
      }),
  });

export type ComplianceReportFormat = (typeof complianceReportDownload.formats)[number];
export const complianceReportFormats = complianceReportDownload.formats;

export function complianceReportPath(
  framework: string,
  format: ComplianceReportFormat,
  version?: string,
): string {
  const search = new URLSearchParams({ format, ...(version === undefined ? {} : { version }) });
  return `${endpointPath(complianceReportDownload.path, { framework })}?${search}`;
}
