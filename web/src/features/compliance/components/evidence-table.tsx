import type { ComplianceEvidence } from "@core/api/compliance";
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
import { formatTime } from "@/lib/format";
import { evidenceFreshness } from "../lib/freshness";
import { OutcomeBadge } from "./outcome-badge";

/** A requirement's evidence: what was checked, the outcome, when it was observed and how fresh it is. */
export function EvidenceTable({
  evidence,
  requirement,
}: {
  evidence: readonly ComplianceEvidence[];
  requirement: string;
}) {
  return (
    <Table>
      <TableCaption>Evidence for {requirement}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Control</TableHead>
          <TableHead scope="col">Source · check</TableHead>
          <TableHead scope="col">Outcome</TableHead>
          <TableHead scope="col">What was found</TableHead>
          <TableHead scope="col">Observed</TableHead>
          <TableHead scope="col">Freshness</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {evidence.map((item, index) => {
          const freshness = evidenceFreshness(item);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id; a control may have several checks of one source
            <TableRow key={`${item.control}-${item.source}-${item.check}-${index}`}>
              <TableCell className="font-mono text-xs">{item.control}</TableCell>
              <TableCell className="text-xs">
                {item.source} · {item.check}
              </TableCell>
              <TableCell>
                <OutcomeBadge outcome={item.outcome} />
              </TableCell>
              <TableCell className="max-w-md text-xs break-words">
                {item.summary}
                {item.reference && <div className="text-muted-foreground break-all">{item.reference}</div>}
              </TableCell>
              <TableCell className="text-xs">
                {item.observedAt === null ? (
                  "—"
                ) : (
                  <time dateTime={item.observedAt}>{formatTime(item.observedAt)}</time>
                )}
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-0.5">
                  <Badge tone={freshness.tone}>{freshness.label}</Badge>
                  <span className="text-xs text-muted-foreground">{freshness.detail}</span>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
