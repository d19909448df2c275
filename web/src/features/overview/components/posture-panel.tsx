import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { EmptyState } from "@/components/states/empty-state";
import { ForbiddenState } from "@/components/states/forbidden-state";
import { QueryView } from "@/components/states/query-view";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { complianceSummaryQuery } from "@/features/compliance";
import { formatCount } from "@/lib/format";
import { useCan } from "@/lib/session";
import { OverviewPanel } from "./overview-panel";

function PostureBody() {
  const query = useQuery(complianceSummaryQuery());
  return (
    <QueryView query={query} scope="governance:read" rows={4}>
      {(summary) =>
        summary.data.length === 0 ? (
          <EmptyState title="No framework in the catalogue">
            Frameworks come from <code>catalog/frameworks</code>; add one to score it here.
          </EmptyState>
        ) : (
          <Table>
            <TableCaption>
              Score 0–100 from live evidence: met and attested count 1, partial ½, not met 0.
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Framework</TableHead>
                <TableHead scope="col">Score</TableHead>
                <TableHead scope="col" className="text-right">
                  Met
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Partial
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Not met
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.data.map((framework) => (
                <TableRow key={framework.framework}>
                  <TableHead scope="row" className="font-normal text-foreground">
                    <Link
                      to="/compliance/$framework"
                      params={{ framework: framework.framework }}
                      className="text-primary underline-offset-2 hover:underline"
                    >
                      {framework.name}
                    </Link>
                  </TableHead>
                  <TableCell>
                    <span className="flex items-center gap-2">
                      <span className="w-12 text-right tabular-nums">{framework.score.toFixed(0)}</span>
                      <meter
                        min={0}
                        max={100}
                        low={50}
                        high={80}
                        optimum={100}
                        value={framework.score}
                        aria-label={`${framework.name}: score ${framework.score.toFixed(0)} of 100`}
                        className="h-2 w-24"
                      />
                    </span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatCount(framework.counts.met + framework.counts.attested)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatCount(framework.counts.partial)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatCount(framework.counts["not-met"])}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      }
    </QueryView>
  );
}

/** Posture per compliance framework (GET /api/v1/compliance), linked to each framework's page. */
export function PosturePanel() {
  const { can } = useCan("governance:read");
  return (
    <OverviewPanel
      title="Compliance posture"
      description="Per framework, from the evidence Rampart collects."
    >
      {can ? <PostureBody /> : <ForbiddenState scope="governance:read" />}
    </OverviewPanel>
  );
}
