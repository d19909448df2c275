import type { AuditView } from "@core/api/governance";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BandBadge } from "./band-badge";

/**
 * An audit plan's findings: recorded ones and those its automated checks opened. A recorded finding
 * can be closed or reopened here (`onToggle`); automated ones close when their check passes.
 */
export function FindingsTable({
  audit,
  can = false,
  reasonId,
  pending = false,
  onToggle,
}: {
  audit: AuditView;
  can?: boolean;
  reasonId?: string;
  pending?: boolean;
  onToggle?: (findingId: string) => void;
}) {
  const findings = [
    ...audit.findings.map((finding) => ({ ...finding, source: "recorded", problems: [] as string[] })),
    ...audit.automatedFindings.map((finding) => ({ ...finding, source: `check ${finding.check}` })),
  ];
  if (findings.length === 0) return <p className="text-sm text-muted-foreground">No findings.</p>;
  return (
    <Table aria-label={`Findings of ${audit.title}`}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Finding</TableHead>
          <TableHead scope="col">Severity</TableHead>
          <TableHead scope="col">Owner</TableHead>
          <TableHead scope="col">Due</TableHead>
          <TableHead scope="col">Status</TableHead>
          {onToggle && (
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {findings.map((finding) => (
          <TableRow key={`${finding.source}/${finding.id}`}>
            <TableCell>
              <div>{finding.title}</div>
              <div className="text-xs text-muted-foreground">
                {finding.id} · {finding.source}
              </div>
              {finding.problems.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-xs">
                  {finding.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              )}
            </TableCell>
            <TableCell>
              <BandBadge band={finding.severity} />
            </TableCell>
            <TableCell>{finding.owner || "—"}</TableCell>
            <TableCell>{finding.due || "—"}</TableCell>
            <TableCell>
              <Badge tone={finding.status === "open" ? "warn" : "neutral"}>{finding.status}</Badge>
            </TableCell>
            {onToggle && (
              <TableCell className="text-right">
                {finding.source === "recorded" && (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={!can || pending}
                    aria-describedby={can ? undefined : reasonId}
                    aria-label={`${finding.status === "open" ? "Close" : "Reopen"} finding ${finding.title}`}
                    onClick={() => onToggle(finding.id)}
                  >
                    {finding.status === "open" ? "Close" : "Reopen"}
                  </Button>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
