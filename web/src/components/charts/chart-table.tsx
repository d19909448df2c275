import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { ChartTableData } from "./chart-types";

/** The table equivalent of a chart: every figure it draws, as text. */
export function ChartTable({ table }: { table: ChartTableData }) {
  return (
    <Table>
      <TableCaption>{table.caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {table.columns.map((column) => (
            <TableHead key={column.id} scope="col" className={cn(column.numeric && "text-right")}>
              {column.label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {table.rows.map((row) => (
          <TableRow key={row.id}>
            {table.columns.map((column, index) =>
              index === 0 ? (
                <TableHead key={column.id} scope="row" className="font-normal text-foreground">
                  {row.cells[column.id] ?? "—"}
                </TableHead>
              ) : (
                <TableCell key={column.id} className={cn(column.numeric && "text-right tabular-nums")}>
                  {row.cells[column.id] ?? "—"}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
