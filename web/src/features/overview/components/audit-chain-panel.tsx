import type { Overview, OverviewWindow } from "@core/api/overview";
import { useQuery } from "@tanstack/react-query";
import { CircleHelp, ShieldAlert, ShieldCheck } from "lucide-react";
import { ForbiddenState } from "@/components/states/forbidden-state";
import { QueryView } from "@/components/states/query-view";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatAgo, formatCount, formatTime } from "@/lib/format";
import { overviewQuery } from "../api/queries";
import { OverviewPanel } from "./overview-panel";
import { VerifyButton } from "./verify-button";

type Chain = NonNullable<Overview["auditChain"]>;

function LastVerification({ verification }: { verification: Chain["lastVerification"] }) {
  if (verification === null)
    return (
      <p className="flex items-center gap-2 text-sm">
        <Badge tone="neutral">
          <CircleHelp aria-hidden="true" />
          Never verified
        </Badge>
        Verify now to check every event against its hash chain and signed checkpoints.
      </p>
    );
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      {verification.ok ? (
        <Badge tone="good">
          <ShieldCheck aria-hidden="true" />
          Intact
        </Badge>
      ) : (
        <Badge tone="bad">
          <ShieldAlert aria-hidden="true" />
          Broken
        </Badge>
      )}
      <span>
        Last verified {formatTime(verification.at)} ({formatAgo(verification.at)}):{" "}
        {formatCount(verification.events)} events
        {verification.firstBreak
          ? `, first break at ${verification.firstBreak.node}:${verification.firstBreak.seq} (${verification.firstBreak.reason})`
          : ""}
        {verification.by ? `, by ${verification.by.id}` : ""}.
      </span>
    </p>
  );
}

function ChainBody({ window }: { window: OverviewWindow }) {
  const query = useQuery(overviewQuery(window));
  return (
    <QueryView query={query} rows={3}>
      {(overview) => {
        const chain = overview.auditChain;
        if (chain === null) return <ForbiddenState scope="audit:read" />;
        return (
          <div className="flex flex-col gap-3">
            <LastVerification verification={chain.lastVerification} />
            <Table>
              <TableCaption>
                {formatCount(chain.events)} {chain.events === 1 ? "event" : "events"} kept; this server writes
                node {chain.node}.
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Node</TableHead>
                  <TableHead scope="col">Head</TableHead>
                  <TableHead scope="col">Last checkpoint</TableHead>
                  <TableHead scope="col" className="text-right">
                    Not yet signed
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Events
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {chain.nodes.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={5}>
                      No event yet: the chain starts with the first request or change.
                    </TableCell>
                  </TableRow>
                )}
                {chain.nodes.map((node) => (
                  <TableRow key={node.node}>
                    <TableHead scope="row" className="font-normal text-foreground">
                      {node.node}
                    </TableHead>
                    <TableCell>
                      {node.head === null ? (
                        "—"
                      ) : (
                        <>
                          #{node.head.seq} <code className="text-xs">{node.head.hashPrefix}…</code>,{" "}
                          {formatTime(node.head.at)}
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      {node.lastCheckpoint === null
                        ? "none yet"
                        : `#${node.lastCheckpoint.seq}, ${formatTime(node.lastCheckpoint.at)}`}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatCount(node.uncheckpointed)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(node.events)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        );
      }}
    </QueryView>
  );
}

/** The audit chain: heads, checkpoints, the last verification, and "Verify now". */
export function AuditChainPanel({ window, className }: { window: OverviewWindow; className?: string }) {
  return (
    <OverviewPanel
      title="Audit chain"
      description="Every decision and change is chained by SHA-256 and signed at checkpoints."
      actions={<VerifyButton />}
      className={className}
    >
      <ChainBody window={window} />
    </OverviewPanel>
  );
}
