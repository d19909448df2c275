import { governanceApi } from "@core/api/governance";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { download, saveDownload } from "@/lib/api-client";
import { raciQuery } from "../api/queries";
import { RaciEditor } from "./raci-editor";

/** Who is responsible, accountable, consulted and informed for each governance activity. */
export function RaciPage() {
  const query = useQuery(raciQuery());
  const csv = useMutation({
    mutationFn: async () => saveDownload(await download(`${governanceApi.raci.path}?format=csv`)),
  });
  return (
    <>
      <PageHeader
        title="RACI chart"
        description="Each activity needs exactly one accountable role (A) and at least one responsible role (R)."
        actions={
          <Button variant="outline" size="sm" onClick={() => csv.mutate()} disabled={csv.isPending}>
            <Download aria-hidden="true" /> Download CSV
          </Button>
        }
      />
      {csv.isError && (
        <p role="alert" className="mb-2 text-sm text-bad-foreground">
          The CSV could not be downloaded: {csv.error.message}
        </p>
      )}
      <QueryView query={query} scope="governance:read" rows={8}>
        {(view) => <RaciEditor view={view} />}
      </QueryView>
    </>
  );
}
