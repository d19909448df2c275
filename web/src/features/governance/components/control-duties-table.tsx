import type { ModelView } from "@core/api/governance";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Each control of the catalogue and who holds it for this model (the strongest party of its layers). */
export function ControlDutiesTable({ controls }: { controls: ModelView["controls"] }) {
  return (
    <Table aria-label="Control duties for this model">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Control</TableHead>
          <TableHead scope="col">Layers</TableHead>
          <TableHead scope="col">Held by</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {controls.map((duty) => (
          <TableRow key={duty.control}>
            <TableCell>
              <div>{duty.title}</div>
              <div className="text-xs text-muted-foreground">{duty.control}</div>
            </TableCell>
            <TableCell className="text-xs">{duty.layers.join(", ")}</TableCell>
            <TableCell>
              <Badge tone={duty.party === "provider" ? "neutral" : "info"}>
                {duty.party === "provider" ? "provider" : `${duty.party} — organisation's duty`}
              </Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
