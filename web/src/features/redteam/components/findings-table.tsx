import type { RedteamFinding } from "@core/api/redteam";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { FindingRows } from "./finding-rows";

/** Successful attacks of a run; each row opens its prompt and response. */
export function FindingsTable({
  findings,
  caption,
}: {
  findings: readonly RedteamFinding[];
  caption: string;
}) {
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">
            <span className="sr-only">Details</span>
          </TableHead>
          <TableHead scope="col">Probe</TableHead>
          <TableHead scope="col">OWASP / ATLAS</TableHead>
          <TableHead scope="col">Strategy</TableHead>
          <TableHead scope="col">Severity</TableHead>
          <TableHead scope="col">Grader</TableHead>
          <TableHead scope="col" className="text-right">
            Confidence
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {findings.map((finding) => (
          <FindingRows key={finding.id} finding={finding} />
        ))}
      </TableBody>
    </Table>
  );
}
