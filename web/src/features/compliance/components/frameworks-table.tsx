import type { ComplianceFrameworkSummary } from "@core/api/compliance";
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
import { formatCount } from "@/lib/format";
import { prepareStatusCounts } from "../lib/status";
import { Score } from "./score";
import { StatusBar } from "./status-bar";

/** Every framework with its score and its requirements by status. */
export function FrameworksTable({ frameworks }: { frameworks: readonly ComplianceFrameworkSummary[] }) {
  return (
    <Table>
      <TableCaption>
        Scores count met and attested requirements as 1, partial as 0.5, not met as 0; not applicable ones are
        left out.
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Framework</TableHead>
          <TableHead scope="col">Score</TableHead>
          <TableHead scope="col">Requirements by status</TableHead>
          <TableHead scope="col" className="text-right">
            Requirements
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {frameworks.map((framework) => (
          <TableRow key={framework.framework}>
            <TableCell>
              <Link
                to="/compliance/$framework"
                params={{ framework: framework.framework }}
                className="font-medium text-primary underline-offset-2 hover:underline"
              >
                {framework.name}
              </Link>
              <div className="text-xs text-muted-foreground">
                {framework.framework} · version {framework.version}
              </div>
            </TableCell>
            <TableCell>
              <Score score={framework.score} label={framework.name} />
            </TableCell>
            <TableCell>
              <StatusBar counts={prepareStatusCounts(framework.counts)} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(framework.requirements)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
