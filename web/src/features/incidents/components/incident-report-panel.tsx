import { useQuery } from "@tanstack/react-query";
import { Download, FileText } from "lucide-react";
import { useState } from "react";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { download, saveDownload } from "@/lib/api-client";
import { incidentReportPath, incidentReportQuery } from "../api/queries";

/** The post-incident report: shown as plain text, or downloaded as Markdown or standalone HTML. */
export function IncidentReportPanel({ incidentId }: { incidentId: string }) {
  const [shown, setShown] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const report = useQuery({ ...incidentReportQuery(incidentId), enabled: shown });
  const save = async (format: "md" | "html") => {
    setFailure(null);
    try {
      const file = await download(incidentReportPath(incidentId, format));
      saveDownload({ blob: file.blob, filename: `${incidentId}-report.${format}` });
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Card aria-labelledby="report-title">
      <CardHeader>
        <CardTitle id="report-title">Post-incident report</CardTitle>
        <CardDescription>
          Facts, Art. 73 status, timeline, containment, links and the playbook's steps.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="outline" aria-expanded={shown} onClick={() => setShown(!shown)}>
            <FileText aria-hidden="true" /> {shown ? "Hide report" : "View report"}
          </Button>
          <Button size="sm" variant="outline" onClick={() => void save("md")}>
            <Download aria-hidden="true" /> Markdown
          </Button>
          <Button size="sm" variant="outline" onClick={() => void save("html")}>
            <Download aria-hidden="true" /> HTML
          </Button>
        </div>
        {failure !== null && <ErrorState error={failure} title="The report could not be downloaded" />}
        {shown &&
          (report.isPending ? (
            <LoadingState rows={6} label="Loading the report" />
          ) : report.isError ? (
            <ErrorState error={report.error} retry={() => void report.refetch()} />
          ) : (
            <section
              aria-label="Post-incident report (Markdown)"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be a tab stop so keyboard users can scroll it
              tabIndex={0}
              className="max-h-[32rem] overflow-auto rounded-md border border-border bg-muted focus-visible:outline-2 focus-visible:outline-ring"
            >
              <pre className="whitespace-pre-wrap break-words p-3 text-xs">{report.data}</pre>
            </section>
          ))}
      </CardContent>
    </Card>
  );
}
