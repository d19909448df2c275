import type { RiskView } from "@core/api/governance";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BandBadge } from "./band-badge";

const score = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The register: scores and bands, inherent and residual, with edit and delete by role. */
export function RisksTable({
  risks,
  can,
  reasonId,
  onEdit,
  onDelete,
}: {
  risks: readonly RiskView[];
  can: boolean;
  reasonId: string;
  onEdit: (risk: RiskView) => void;
  onDelete: (risk: RiskView) => void;
}) {
  return (
    <Table aria-label="Risk register">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Risk</TableHead>
          <TableHead scope="col">Owner</TableHead>
          <TableHead scope="col">Likelihood × impact</TableHead>
          <TableHead scope="col">Inherent</TableHead>
          <TableHead scope="col">Residual</TableHead>
          <TableHead scope="col">Controls</TableHead>
          <TableHead scope="col">Treatment · status</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {risks.map((risk) => (
          <TableRow key={risk.id}>
            <TableCell>
              <div className="font-medium">{risk.title}</div>
              <div className="text-xs text-muted-foreground">
                {risk.id}
                {risk.owasp.length > 0 && ` · ${risk.owasp.join(", ")}`}
              </div>
            </TableCell>
            <TableCell>{risk.owner || "—"}</TableCell>
            <TableCell>
              {risk.likelihood} × {risk.impact}
            </TableCell>
            <TableCell>
              <span className="mr-1 tabular-nums">{score(risk.inherent)}</span>
              <BandBadge band={risk.inherentBand} />
            </TableCell>
            <TableCell>
              <span className="mr-1 tabular-nums">{score(risk.residual)}</span>
              <BandBadge band={risk.band} />
            </TableCell>
            <TableCell className="text-xs">
              {Object.entries(risk.controls)
                .map(([control, effect]) => `${control} ${Math.round(effect * 100)}%`)
                .join(", ") || "none"}
            </TableCell>
            <TableCell>
              {risk.treatment} · {risk.status}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap">
              <Button
                size="sm"
                variant="outline"
                disabled={!can}
                aria-label={`Edit ${risk.title}`}
                aria-describedby={can ? undefined : reasonId}
                onClick={() => onEdit(risk)}
              >
                Edit
              </Button>{" "}
              <Button
                size="sm"
                variant="outline"
                disabled={!can}
                aria-label={`Delete ${risk.title}`}
                aria-describedby={can ? undefined : reasonId}
                onClick={() => onDelete(risk)}
              >
                Delete
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
