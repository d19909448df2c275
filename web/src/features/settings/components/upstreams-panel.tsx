import { listUpstreams } from "@core/api/settings";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleX, RefreshCw } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { call } from "@/lib/api-client";
import { formatMs, formatTime } from "@/lib/format";
import { upstreamsQuery } from "../api/queries";

/** The gateway's upstreams and whether each answers (checked by the server, reused for 15 s). */
export function UpstreamsPanel() {
  const query = useQuery(upstreamsQuery());
  const queryClient = useQueryClient();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const checkNow = async () => {
    setChecking(true);
    setFailure(null);
    try {
      const answer = await call(listUpstreams, { query: { refresh: "true" } });
      queryClient.setQueryData(upstreamsQuery().queryKey, answer.data);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };
  return (
    <Card aria-labelledby="upstreams-title">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle id="upstreams-title">Upstreams</CardTitle>
          <CardDescription>
            Where the gateway sends requests. Upstream API keys never leave the server.
          </CardDescription>
        </div>
        <Button
          variant="outline"
          size="sm"
          disabled={checking || query.isPending}
          onClick={() => void checkNow()}
        >
          <RefreshCw aria-hidden="true" /> {checking ? "Checking…" : "Check now"}
        </Button>
      </CardHeader>
      <CardContent>
        {failure && (
          <p role="alert" className="mb-2 text-sm text-bad-foreground">
            {failure}
          </p>
        )}
        <QueryView query={query} scope="policy:read">
          {(upstreams) =>
            upstreams.length === 0 ? (
              <EmptyState title="No upstreams configured">
                Add one under `upstreams` in rampart.yaml.
              </EmptyState>
            ) : (
              <Table aria-label="Upstreams">
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">Name</TableHead>
                    <TableHead scope="col">URL</TableHead>
                    <TableHead scope="col">Models</TableHead>
                    <TableHead scope="col">API key</TableHead>
                    <TableHead scope="col">Reachable</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {upstreams.map((upstream) => (
                    <TableRow key={upstream.name}>
                      <TableCell className="font-medium">{upstream.name}</TableCell>
                      <TableCell>
                        <code className="break-all text-xs">{upstream.url}</code>
                      </TableCell>
                      <TableCell>
                        {upstream.models.join(", ") || "—"}
                        {Object.keys(upstream.aliases).length > 0 && (
                          <div className="text-xs text-muted-foreground">
                            aliases:{" "}
                            {Object.entries(upstream.aliases)
                              .map(([alias, model]) => `${alias} → ${model}`)
                              .join(", ")}
                          </div>
                        )}
                      </TableCell>
                      <TableCell>{upstream.hasApiKey ? "configured" : "none"}</TableCell>
                      <TableCell>
                        <span className="inline-flex items-center gap-1">
                          {upstream.status.reachable ? (
                            <CircleCheck aria-hidden="true" className="size-4 text-good" />
                          ) : (
                            <CircleX aria-hidden="true" className="size-4 text-destructive" />
                          )}
                          {upstream.status.reachable ? "yes" : "no"}, {formatMs(upstream.status.latencyMs)}
                        </span>
                        <div className="text-xs text-muted-foreground">
                          {upstream.status.detail} · {formatTime(upstream.status.checkedAt)}
                        </div>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )
          }
        </QueryView>
      </CardContent>
    </Card>
  );
}
