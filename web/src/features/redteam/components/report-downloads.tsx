import type { RedteamRunSummary } from "@core/api/redteam";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useDownloadReport } from "../api/mutations";
import { reportFormats } from "../api/queries";
import { reportMissingReason } from "../lib/run-status";

const labels = { json: "JSON", html: "HTML", md: "Markdown", sarif: "SARIF", junit: "JUnit" } as const;

/** The run's report in every format; disabled with the reason when this server has no report. */
export function ReportDownloads({ run }: { run: RedteamRunSummary }) {
  const downloadReport = useDownloadReport(run.id);
  const missing = reportMissingReason(run);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of related buttons, not form fields
    <div role="group" aria-label="Download the report" className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap gap-1">
        {reportFormats.map((format) => (
          <Button
            key={format}
            variant="outline"
            size="sm"
            aria-label={`Download the report as ${labels[format]}`}
            disabled={missing !== null || downloadReport.isPending}
            aria-describedby={missing === null ? undefined : "report-missing"}
            onClick={() => downloadReport.mutate(format)}
          >
            <Download aria-hidden="true" /> {labels[format]}
          </Button>
        ))}
      </div>
      {downloadReport.isError && (
        <p role="alert" className="max-w-md text-right text-sm text-bad-foreground">
          The report could not be downloaded: {downloadReport.error.message}
        </p>
      )}
      {missing !== null && (
        <p id="report-missing" className="max-w-md text-right text-xs text-muted-foreground">
          {missing}
        </p>
      )}
    </div>
  );
}
