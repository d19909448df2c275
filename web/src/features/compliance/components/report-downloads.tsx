import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useDownloadComplianceReport } from "../api/mutations";
import { complianceReportFormats } from "../api/queries";

const labels = { html: "HTML", md: "Markdown", json: "JSON" } as const;

/** The framework's report as HTML, Markdown or JSON, under the server's file name. */
export function ReportDownloads({ framework, version }: { framework: string; version: string }) {
  const report = useDownloadComplianceReport(framework, version);
  return (
    <div className="flex flex-col items-end gap-1">
      {/* biome-ignore lint/a11y/useSemanticElements: a group of related buttons, not form fields */}
      <div role="group" aria-label="Download the report" className="flex flex-wrap gap-1">
        {complianceReportFormats.map((format) => (
          <Button
            key={format}
            variant="outline"
            aria-label={`Download the report as ${labels[format]}`}
            disabled={report.isPending}
            onClick={() => report.mutate(format)}
          >
            <Download aria-hidden="true" /> {labels[format]}
          </Button>
        ))}
      </div>
      {report.isError && (
        <p role="alert" className="max-w-md text-right text-sm text-bad-foreground">
          The report could not be downloaded: {report.error.message}
        </p>
      )}
    </div>
  );
}
