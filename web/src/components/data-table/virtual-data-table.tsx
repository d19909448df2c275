import { type ColumnDef, type RowData, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useLayoutEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { type DataTableFeatures, dataTableFeatures } from "./data-table-features";

export interface VirtualDataTableProps<TData extends RowData> {
  /** names the table (its caption) */
  caption: string;
  // biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type (TanStack's helper.columns())
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  /** stable between changes (a new array rebuilds the row model) */
  data: TData[];
  getRowId: (row: TData) => string;
  /** every row has this height in pixels */
  rowHeight?: number;
  /** the scrolling viewport's height in pixels */
  height?: number;
  /** rows drawn beyond the viewport on each side */
  overscan?: number;
  /** more rows exist on the server (`aria-rowcount` is then -1: total unknown) */
  hasMore?: boolean;
  loadingMore?: boolean;
  /** asks for the next page; called when the last rows come into view, or by the button */
  onLoadMore?: () => void;
  loadMoreLabel?: string;
  /** shown in the body when there is no row */
  empty?: ReactNode;
  /** below this width (CSS) the table scrolls sideways instead of squeezing its columns */
  minWidth?: string;
}

/** Rows from the end at which the next page is asked for. */
const PREFETCH_ROWS = 20;

/**
 * One table for long lists: TanStack Table v9 (`useTable` with the data table's features) models the
 * rows in view, a TanStack Virtual body places them. Rows have a fixed height and only those in view (plus
 * `overscan`) are in the DOM, so 100,000 rows scroll smoothly; `aria-rowcount` and each row's
 * `aria-rowindex` tell assistive technology where a row sits in the whole list. Keeps `<table>`
 * semantics: spacer rows above and below the drawn rows are hidden from assistive technology. When
 * rows are added at the top while the reader has scrolled down, the rows in view stay in place.
 */
export function VirtualDataTable<TData extends RowData>({
  caption,
  columns,
  data,
  getRowId,
  rowHeight = 36,
  height = 560,
  overscan = 12,
  hasMore = false,
  loadingMore = false,
  onLoadMore,
  loadMoreLabel = "Load more",
  empty,
  minWidth,
}: VirtualDataTableProps<TData>) {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: data.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => {
      const row = data[index];
      return row === undefined ? index : getRowId(row);
    },
    overscan,
    initialRect: { width: 1024, height },
    onChange: (instance) => {
      const last = instance.getVirtualItems().at(-1);
      if (last && hasMore && !loadingMore && last.index >= data.length - PREFETCH_ROWS) onLoadMore?.();
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const end = (items.at(-1)?.index ?? -1) + 1;
  // the server filters, sorts and pages, so the table models only the rows drawn: a model of
  // 100,000 rows would be rebuilt on every new page or live event and stall the page
  const drawn = useMemo(() => data.slice(first, end), [data, first, end]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: drawn,
    getRowId: (row) => getRowId(row),
  });
  const rows = table.getRowModel().rows;

  // rows added at the top must not push the rows being read down (a DOM measurement: layout effect)
  const firstRowId = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const previous = firstRowId.current;
    const current = data[0] === undefined ? undefined : getRowId(data[0]);
    firstRowId.current = current;
    const element = scrollRef.current;
    if (previous === undefined || previous === current || element === null || element.scrollTop === 0) return;
    const index = data.findIndex((row) => getRowId(row) === previous);
    if (index > 0) element.scrollTop += index * rowHeight;
  }, [data, getRowId, rowHeight]);

  const before = items[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const leafColumns = table.getAllLeafColumns();
  const columnCount = leafColumns.length;

  return (
    <section
      ref={scrollRef}
      aria-label={caption}
      data-virtual-viewport=""
      style={{ height }}
      className="relative overflow-auto rounded-md border border-border focus-visible:outline-2 focus-visible:outline-ring"
    >
      <table
        aria-rowcount={hasMore ? -1 : data.length + 1}
        className="w-full table-fixed border-collapse text-sm"
        style={{ minWidth }}
      >
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-card shadow-[0_1px_0_var(--border)]">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={cn(
                    "h-9 truncate px-2 text-left align-middle font-medium text-muted-foreground",
                    header.column.columnDef.meta?.numeric && "text-right",
                  )}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {data.length === 0 && empty !== undefined && (
            <tr>
              <td colSpan={columnCount} className="p-4">
                {empty}
              </td>
            </tr>
          )}
          {before > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no focusable element
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: before, padding: 0 }} />
            </tr>
          )}
          {rows.map((row, offset) => (
            <tr
              key={row.id}
              aria-rowindex={first + offset + 2}
              style={{ height: rowHeight }}
              className="border-b border-border hover:bg-muted/50"
            >
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const className = cn(
                  "truncate px-2 align-middle",
                  meta?.numeric && "text-right tabular-nums",
                );
                return meta?.rowHeader ? (
                  <th key={cell.id} scope="row" className={cn(className, "text-left font-normal")}>
                    <table.FlexRender cell={cell} />
                  </th>
                ) : (
                  <td key={cell.id} className={className}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
          {after > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no focusable element
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: after, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
      {(hasMore || loadingMore) && onLoadMore && (
        <div className="flex justify-center p-2">
          <Button variant="outline" size="sm" disabled={loadingMore} onClick={onLoadMore}>
            {loadingMore ? "Loading…" : loadMoreLabel}
          </Button>
        </div>
      )}
    </section>
  );
}
