import type { aiidIncidentViewSchema } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import type { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useCan } from "@/lib/session";
import { useImportAiid } from "../api/mutations";
import { aiidQuery } from "../api/queries";
import { WriteReason } from "./write-reason";

type AiidIncident = z.infer<typeof aiidIncidentViewSchema>;

/** Most recent first; the page lists the incidents that touch the inventory, and a count of the rest. */
function byDateDescending(left: AiidIncident, right: AiidIncident): number {
  return right.date.localeCompare(left.date) || right.incidentId - left.incidentId;
}

/**
 * AI Incident Database incidents: import AIID's incidents.csv (the same import as `rampart govern
 * import-aiid`) and see which incidents name a vendor or model of the inventory, as evidence for
 * the risk register.
 */
export function AiidPage() {
  const query = useQuery(aiidQuery());
  const { can, reason } = useCan("governance:write");
  const importAiid = useImportAiid();
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const fileId = useId();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === null) return;
    setReadError(null);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setReadError(`${file.name} could not be read.`);
      return;
    }
    if (csv.trim() === "") {
      setReadError(`${file.name} is empty: choose AIID's incidents.csv.`);
      return;
    }
    importAiid.mutate(csv, {
      onSuccess: (result) => toast.success(`${result.imported} incidents imported from ${file.name}`),
    });
  };
  return (
    <>
      <PageHeader
        title="AI incidents"
        description="Incidents of the AI Incident Database whose deployer or developer is a vendor or model of the inventory: evidence for the risk register."
      />
      <WriteReason id="aiid-reason" can={can} reason={reason} />
      <div className="flex flex-col gap-4">
        <Card aria-labelledby="aiid-import-title">
          <CardHeader>
            <CardTitle id="aiid-import-title">Import</CardTitle>
            <CardDescription>
              AIID's incidents.csv, from a database snapshot (incidentdatabase.ai, downloaded by you: Rampart
              does not fetch it). Importing again replaces incidents with the same id.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <form className="flex flex-wrap items-end gap-3" onSubmit={onSubmit}>
              <div className="flex flex-col gap-1">
                <Label htmlFor={fileId}>incidents.csv</Label>
                <Input
                  id={fileId}
                  type="file"
                  accept=".csv,text/csv"
                  disabled={!can}
                  aria-describedby={can ? undefined : "aiid-reason"}
                  onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
                />
              </div>
              <Button type="submit" disabled={!can || file === null || importAiid.isPending}>
                {importAiid.isPending ? "Importing…" : "Import"}
              </Button>
            </form>
            {(readError !== null || importAiid.isError) && (
              <p role="alert" className="mt-2 text-sm text-bad-foreground">
                The incidents were not imported: {readError ?? importAiid.error?.message}
              </p>
            )}
          </CardContent>
        </Card>
        <QueryView query={query} scope="governance:read" rows={5}>
          {({ data }) => <IncidentList incidents={data} />}
        </QueryView>
      </div>
    </>
  );
}

function IncidentList({ incidents }: { incidents: readonly AiidIncident[] }) {
  if (incidents.length === 0) {
    return (
      <EmptyState title="No incidents imported">
        Import incidents.csv above, or run <code>rampart govern import-aiid FILE</code>.
      </EmptyState>
    );
  }
  const matching = incidents.filter((incident) => incident.matches.length > 0).sort(byDateDescending);
  return (
    <Card aria-labelledby="aiid-matching-title">
      <CardHeader>
        <CardTitle id="aiid-matching-title">Incidents that touch the inventory ({matching.length})</CardTitle>
        <CardDescription>
          {incidents.length} incidents imported; {incidents.length - matching.length} name no vendor or model
          of the inventory.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {matching.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            None of the imported incidents names a vendor or model of the inventory.
          </p>
        ) : (
          <Table aria-label="AI incidents that touch the inventory">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Incident</TableHead>
                <TableHead scope="col">Date</TableHead>
                <TableHead scope="col">Deployers and developers</TableHead>
                <TableHead scope="col">Matches in the inventory</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {matching.map((incident) => (
                <TableRow key={incident.incidentId}>
                  <TableCell>
                    <a
                      className="underline"
                      href={incident.citeUrl}
                      target="_blank"
                      rel="noreferrer noopener"
                    >
                      #{incident.incidentId} {incident.title}
                    </a>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{incident.date}</TableCell>
                  <TableCell>
                    {[...new Set([...incident.deployers, ...incident.developers])].join(", ")}
                  </TableCell>
                  <TableCell>
                    <span className="flex flex-wrap gap-1">
                      {incident.matches.map((match) => (
                        <Badge key={match} tone="warn">
                          {match}
                        </Badge>
                      ))}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
