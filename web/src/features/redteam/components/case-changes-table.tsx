import type { RedteamDiff } from "@core/api/redteam";
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
import { owaspLabel } from "../lib/rates";

type Change = RedteamDiff["regressions"][number];

/** Cases whose outcome changed between two runs. */
export function CaseChangesTable({ changes, caption }: { changes: readonly Change[]; caption: string }) {
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Case</TableHead>
          <TableHead scope="col">Probe</TableHead>
          <TableHead scope="col">Strategy</TableHead>
          <TableHead scope="col">OWASP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((change) => (
          <TableRow key={change.id}>
            <TableCell className="font-mono text-xs">{change.id}</TableCell>
            <TableCell className="font-mono text-xs">{change.probe}</TableCell>
            <TableCell>{change.strategy}</TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                {change.owasp.map((id) => (
                  <Badge key={id} title={owaspLabel(id)}>
                    {id}
                  </Badge>
                ))}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
