import type { RedteamFinding } from "@core/api/redteam";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatPercent } from "@/lib/format";
import { owaspLabel } from "../lib/rates";
import { SeverityBadge } from "./severity-badge";

const COLUMNS = 7;

function Exchange({ label, text }: { label: string; text: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h3 className="text-xs font-semibold text-muted-foreground">{label}</h3>
      {/* attacker-controlled text: rendered as a text node, never as HTML */}
      <pre className="max-h-64 overflow-auto rounded-md border border-border bg-muted p-2 text-xs break-words whitespace-pre-wrap">
        {text}
      </pre>
    </div>
  );
}

/** One finding: its row, and when opened the prompt and response (as text) and the grader's reason. */
export function FindingRows({ finding }: { finding: RedteamFinding }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  return (
    <>
      <TableRow>
        <TableCell>
          <Button
            variant="ghost"
            size="icon"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            aria-label={`${open ? "Hide" : "Show"} the prompt and response of ${finding.id}`}
            onClick={() => setOpen(!open)}
          >
            {open ? <ChevronDown aria-hidden="true" /> : <ChevronRight aria-hidden="true" />}
          </Button>
        </TableCell>
        <TableCell>
          <div className="font-mono text-xs">{finding.probe}</div>
          <div className="text-xs text-muted-foreground">{finding.probeClass}</div>
        </TableCell>
        <TableCell>
          <div className="flex flex-wrap gap-1">
            {finding.owasp.map((id) => (
              <Badge key={id} title={owaspLabel(id)}>
                {id}
              </Badge>
            ))}
            {finding.atlas.map((id) => (
              <Badge key={id} tone="info">
                {id}
              </Badge>
            ))}
          </div>
        </TableCell>
        <TableCell>{finding.strategy}</TableCell>
        <TableCell>
          <SeverityBadge severity={finding.severity} />
        </TableCell>
        <TableCell>{finding.grader}</TableCell>
        <TableCell className="text-right tabular-nums">{formatPercent(finding.confidence, 0)}</TableCell>
      </TableRow>
      {open && (
        <TableRow id={detailId} className="hover:bg-transparent">
          <TableCell colSpan={COLUMNS} className="bg-card">
            <div className="grid gap-3 md:grid-cols-2">
              <Exchange label="Prompt sent" text={finding.prompt} />
              <Exchange label="Response" text={finding.response} />
            </div>
            <p className="mt-2 text-xs">
              <span className="font-semibold">Why it counts as a success: </span>
              {finding.reason ?? `the ${finding.grader} grader gave no detail`}
            </p>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
