import { type StartRedteamRunBody, startRedteamRun } from "@core/api/redteam";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { call, download, saveDownload } from "@/lib/api-client";
import { type ReportFormat, redteamKeys, reportPath } from "./queries";

/** Starts a run in the server; the run lists are asked again (and poll while it runs). */
export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartRedteamRunBody) => call(startRedteamRun, { body }),
    onSuccess: async (run) => {
      toast.success(`Run ${run.id} started`);
      await queryClient.invalidateQueries({ queryKey: redteamKeys.runs() });
    },
  });
}

/** Downloads a run's report in one format and saves it under the server's file name. */
export function useDownloadReport(id: string) {
  return useMutation({
    mutationFn: (format: ReportFormat) => download(reportPath(id, format)),
    onSuccess: (file) => {
      saveDownload(file);
      toast.success(`Downloaded ${file.filename}`);
    },
  });
}
