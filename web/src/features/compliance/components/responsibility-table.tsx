import type { ComplianceRequirement } from "@core/api/compliance";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

type Responsibility = NonNullable<ComplianceRequirement["responsibility"]>;

/** Who holds each control under shared responsibility; provider-held controls are left out of the status. */
export function ResponsibilityTable({
  responsibility,
  requirement,
}: {
  responsibility: Responsibility;
  requirement: string;
}) {
  return (
    <Table>
      <TableCaption>
        Shared responsibility for {requirement}: controls the provider holds for every model are left out of
        the status.
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Control</TableHead>
          <TableHead scope="col">Held by</TableHead>
          <TableHead scope="col">Per asset</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {responsibility.map((item) => (
          <TableRow key={item.control}>
            <TableCell className="font-mono text-xs">{item.control}</TableCell>
            <TableCell>{item.holder === "provider" ? "the provider" : "your organisation"}</TableCell>
            <TableCell className="text-xs">
              {item.assets.length === 0
                ? "—"
                : item.assets.map((asset) => `${asset.asset}: ${asset.party}`).join(", ")}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
