import type { AuditEventFinding } from "@core/api/audit";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

/** A decision's findings: what found what, how sure, in which direction, and where (UTF-16 offsets). */
export function FindingsTable({ findings }: { findings: readonly AuditEventFinding[] }) {
  if (findings.length === 0)
    return <p className="text-sm text-muted-foreground">No detector found anything in this event.</p>;
  return (
    <Table>
      <TableCaption>
        Findings. Span: offsets in UTF-16 code units into the stored prompt (request) or answer, end
        exclusive.
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Category</TableHead>
          <TableHead scope="col">Detector</TableHead>
          <TableHead scope="col">Rule</TableHead>
          <TableHead scope="col">Type</TableHead>
          <TableHead scope="col">Direction</TableHead>
          <TableHead scope="col" className="text-right">
            Score
          </TableHead>
          <TableHead scope="col" className="text-right">
            Span
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {findings.map((finding, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list never reorders
          <TableRow key={index}>
            <TableHead scope="row" className="font-normal text-foreground">
              {finding.category}
            </TableHead>
            <TableCell>{finding.detector}</TableCell>
            <TableCell>{finding.rule}</TableCell>
            <TableCell>{finding.type ?? "—"}</TableCell>
            <TableCell>{finding.direction === "input" ? "Request" : "Answer"}</TableCell>
            <TableCell className="text-right tabular-nums">{finding.score.toFixed(2)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {finding.start}–{finding.end}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
