import { Link } from "@tanstack/react-router";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { assetKindLabel } from "../lib/asset-kinds";
import type { AssetRow } from "../lib/asset-rows";
import { TierBadge } from "./tier-badge";

/** The inventory: each asset links to its detail (for a model, its shared-responsibility matrix). */
export function AssetsTable({ rows }: { rows: readonly AssetRow[] }) {
  return (
    <Table aria-label="Asset inventory">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col">Kind</TableHead>
          <TableHead scope="col">Owner</TableHead>
          <TableHead scope="col">EU AI Act tier</TableHead>
          <TableHead scope="col">Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={`${row.kind}/${row.id}`}>
            <TableCell>
              <Link
                to="/governance/assets/$kind/$id"
                params={{ kind: row.kind, id: row.id }}
                className="font-medium text-primary underline-offset-4 hover:underline"
              >
                {row.name}
              </Link>
              <div className="text-xs text-muted-foreground">{row.id}</div>
            </TableCell>
            <TableCell>{assetKindLabel[row.kind].one}</TableCell>
            <TableCell>{row.owner || "—"}</TableCell>
            <TableCell>
              <TierBadge tier={row.tier} />
            </TableCell>
            <TableCell className="text-sm">{row.summary}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
