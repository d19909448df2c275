import { type CompliancePackBody, compliancePackDownload } from "@core/api/compliance";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { download, saveDownload } from "@/lib/api-client";
import { type ComplianceReportFormat, complianceReportPath } from "./queries";

/** Downloads a framework's report (HTML, Markdown or JSON) under the server's file name. */
export function useDownloadComplianceReport(framework: string, version?: string) {
  return useMutation({
    mutationFn: (format: ComplianceReportFormat) =>
      download(complianceReportPath(framework, format, version)),
    onSuccess: (file) => {
      saveDownload(file);
      toast.success(`Downloaded ${file.filename}`);
    },
  });
}

/** Builds and downloads the signed evidence pack (.tar.gz); the server builds one at a time. */
export function useDownloadEvidencePack() {
  return useMutation({
    mutationFn: (body: CompliancePackBody) =>
      download(compliancePackDownload.path, { method: compliancePackDownload.method, body }),
    onSuccess: (file) => {
      saveDownload(file);
      toast.success(`Downloaded ${file.filename}`);
    },
  });
}
