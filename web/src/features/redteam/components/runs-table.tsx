import type { RedteamRunSummary } from "@core/api/redteam";
import { Link } from "@tanstack/react-router";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatAgo, formatCount, formatPercent, formatTime } from "@/lib/format";
import { formatInterval } from "../lib/rates";
import { RunProgress } from "./run-progress";
import { RunStatusBadge } from "./run-status-badge";

/** Runs, newest first: status (with progress while running), target, model, rates, cases, when. */
export function RunsTable({ runs, now }: { runs: readonly RedteamRunSummary[]; now: number }) {
  return (
    <Table>
      <TableCaption>
        Red-team runs, newest first. ASR: attack success rate, with its 95% Wilson interval.
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">Run</TableHead>
          <TableHead scope="col">Target</TableHead>
          <TableHead scope="col">Model</TableHead>
          <TableHead scope="col" className="text-right">
            ASR (95% CI)
          </TableHead>
          <TableHead scope="col" className="text-right">
            Over-refusal
          </TableHead>
          <TableHead scope="col" className="text-right">
            Cases
          </TableHead>
          <TableHead scope="col">Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id}>
            <TableCell>
              <div className="flex flex-col items-start gap-1">
                <RunStatusBadge status={run.status} />
                {run.status === "running" && <RunProgress run={run} />}
                {run.status === "failed" && run.error && (
                  <span className="max-w-64 text-xs text-muted-foreground">{run.error}</span>
                )}
              </div>
            </TableCell>
            <TableCell>
              <Link
                to="/redteam/$id"
                params={{ id: run.id }}
                className="font-mono text-xs text-primary underline-offset-2 hover:underline"
              >
                {run.id}
              </Link>
            </TableCell>
            <TableCell>
              <div className="flex flex-col">
                <span>{run.targetId ?? "saved by the CLI"}</span>
                <span className="text-xs break-all text-muted-foreground">{run.target}</span>
              </div>
            </TableCell>
            <TableCell>{run.model}</TableCell>
            <TableCell className="text-right tabular-nums">
              <div>{formatPercent(run.asr)}</div>
              {run.asrCi95 && (
                <div className="text-xs text-muted-foreground">{formatInterval(run.asrCi95)}</div>
              )}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatPercent(run.overRefusalRate)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {run.status === "running" ? "—" : formatCount(run.cases)}
            </TableCell>
            <TableCell>
              <time dateTime={run.startedAt} title={formatTime(run.startedAt)}>
                {formatAgo(run.startedAt, now)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
