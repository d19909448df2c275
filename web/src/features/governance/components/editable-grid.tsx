import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { clampPosition, type GridPosition, moveInGrid } from "../lib/grid-keys";

/** A value a cell can take; `shortcut` sets it from the keyboard (one lower-case letter). */
export interface GridOption {
  value: string;
  label: string;
  shortcut: string;
}

export interface GridAxis {
  id: string;
  label: ReactNode;
}

interface EditableGridProps {
  id: string;
  /** the grid's accessible name */
  label: string;
  /** the header of the row-header column */
  rowHeader: string;
  rows: readonly GridAxis[];
  columns: readonly GridAxis[];
  value: (row: string, column: string) => string | undefined;
  render: (value: string | undefined) => ReactNode;
  /** choices in edit mode; "" means empty (clears the cell) */
  options: readonly GridOption[];
  /** the accessible name of a cell's editor, e.g. "ciso for risk-assessment" */
  cellName: (row: string, column: string) => string;
  /** ids of the problems a cell is part of (aria-invalid, aria-describedby) */
  problems?: (row: string, column: string) => readonly string[];
  readOnly: boolean;
  onChange: (row: string, column: string, value: string | undefined) => void;
}

/**
 * An editable grid after the WAI-ARIA APG grid pattern: one tab stop (the active cell), arrow keys,
 * Home/End and PageUp/PageDown between cells, Enter or F2 to edit, Escape to cancel, Enter to
 * commit; a cell's shortcut letter sets it and Delete clears it. Read-only grids still navigate.
 */
export function EditableGrid(props: EditableGridProps) {
  const { rows, columns, options, readOnly } = props;
  const size = { rows: rows.length, columns: columns.length };
  const [cursor, setCursor] = useState<GridPosition>({ row: 0, column: 0 });
  const [editing, setEditing] = useState<{ at: GridPosition; value: string } | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const settled = useRef(false);
  const active = clampPosition(cursor, size);
  const keyOf = (at: GridPosition) => `${at.row}:${at.column}`;

  const focusCell = (at: GridPosition) => {
    setCursor(at);
    cells.current.get(keyOf(at))?.focus();
  };
  const idsAt = (at: GridPosition) => ({ row: rows[at.row]?.id ?? "", column: columns[at.column]?.id ?? "" });
  const set = (at: GridPosition, value: string) => {
    const { row, column } = idsAt(at);
    props.onChange(row, column, value === "" ? undefined : value);
  };
  /** leaves edit mode; from the keyboard the focus goes back to the cell, on blur it stays where it went */
  const finishEdit = (commit: boolean, refocus = true) => {
    if (editing === null) return;
    if (commit) set(editing.at, editing.value);
    setEditing(null);
    if (refocus) {
      settled.current = true;
      focusCell(editing.at);
    }
  };
  const byShortcut = (key: string) => options.find((option) => option.shortcut === key.toLowerCase());

  const onCellKeyDown = (event: KeyboardEvent<HTMLTableCellElement>, at: GridPosition) => {
    if (event.target !== event.currentTarget) return;
    const next = moveInGrid(event.key, at, size, event.ctrlKey || event.metaKey);
    if (next !== null) {
      event.preventDefault();
      focusCell(next);
      return;
    }
    if (readOnly) return;
    const { row, column } = idsAt(at);
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      setEditing({ at, value: props.value(row, column) ?? "" });
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      set(at, "");
    } else if (!event.ctrlKey && !event.metaKey && !event.altKey && byShortcut(event.key)) {
      event.preventDefault();
      set(at, byShortcut(event.key)?.value ?? "");
    }
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === "Escape" || event.key === "Enter") {
      event.preventDefault();
      event.stopPropagation();
      finishEdit(event.key === "Enter");
    } else if (editing !== null && byShortcut(event.key)) {
      event.preventDefault();
      setEditing({ ...editing, value: byShortcut(event.key)?.value ?? "" });
    }
  };

  return (
    <table
      id={props.id}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG data grid is a table with role grid
      role="grid"
      aria-label={props.label}
      aria-readonly={readOnly || undefined}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      className="w-full border-collapse text-sm"
    >
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col" className="border border-border bg-muted px-2 py-1 text-left font-medium">
            {props.rowHeader}
          </th>
          {columns.map((column) => (
            <th key={column.id} scope="col" className="border border-border bg-muted px-2 py-1 font-medium">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={row.id} aria-rowindex={rowIndex + 2}>
            <th scope="row" className="border border-border px-2 py-1 text-left font-medium">
              {row.label}
            </th>
            {columns.map((column, columnIndex) => {
              const at = { row: rowIndex, column: columnIndex };
              const isActive = active.row === rowIndex && active.column === columnIndex;
              const isEditing = editing?.at.row === rowIndex && editing.at.column === columnIndex;
              const problems = props.problems?.(row.id, column.id) ?? [];
              const value = props.value(row.id, column.id);
              return (
                <td
                  key={column.id}
                  // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: cells of the APG grid are focusable gridcells
                  role="gridcell"
                  ref={(element) => {
                    if (element) cells.current.set(keyOf(at), element);
                    else cells.current.delete(keyOf(at));
                  }}
                  tabIndex={isActive && !isEditing ? 0 : -1}
                  aria-invalid={problems.length > 0 || undefined}
                  aria-describedby={problems.length > 0 ? problems.join(" ") : undefined}
                  onKeyDown={(event) => onCellKeyDown(event, at)}
                  onFocus={() => setCursor(at)}
                  onDoubleClick={() => (readOnly ? undefined : setEditing({ at, value: value ?? "" }))}
                  className={cn(
                    "h-9 min-w-16 border border-border px-2 py-1 text-center focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
                    problems.length > 0 && "bg-destructive/10 ring-2 ring-inset ring-destructive",
                  )}
                >
                  {isEditing ? (
                    <select
                      // biome-ignore lint/a11y/noAutofocus: entering edit mode moves the focus into the editor (APG grid)
                      autoFocus
                      aria-label={props.cellName(row.id, column.id)}
                      value={editing.value}
                      onChange={(event) => setEditing({ at, value: event.target.value })}
                      onKeyDown={onEditorKeyDown}
                      onBlur={() => {
                        if (settled.current) settled.current = false;
                        else finishEdit(true, false);
                      }}
                      className="h-7 rounded border border-input bg-background px-1 text-sm"
                    >
                      {options.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    props.render(value)
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
