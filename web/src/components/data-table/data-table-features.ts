import { createColumnHelper, metaHelper, type RowData, tableFeatures } from "@tanstack/react-table";

/** How a column is drawn: its width (the table uses a fixed layout), alignment, and row-header role. */
export interface DataTableColumnMeta {
  /** a CSS width, e.g. "10rem"; columns without one share the rest */
  width?: string;
  /** right-aligned figures */
  numeric?: boolean;
  /** the cell that names its row (`<th scope="row">`) */
  rowHeader?: boolean;
}

/**
 * The table features every data table registers (TanStack Table v9 registers features explicitly):
 * only the typed column meta. Sorting, filtering and paging happen on the server, so no client row
 * model beyond the core one is needed.
 */
export const dataTableFeatures = tableFeatures({ columnMeta: metaHelper<DataTableColumnMeta>() });
export type DataTableFeatures = typeof dataTableFeatures;

/** A column helper for rows of `TData`, bound to the data table's features. */
export function dataTableColumns<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
