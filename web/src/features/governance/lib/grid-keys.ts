/** A cell of an editable grid: row and column of the data cells, from 0. */
export interface GridPosition {
  row: number;
  column: number;
}

/**
 * Where a navigation key moves the focus in a grid of `rows` x `columns` data cells (WAI-ARIA APG
 * grid pattern): arrows one cell, Home/End to the ends of the row, Ctrl+Home/End to the first and
 * last cell, PageUp/PageDown five rows. Null for any other key; the focus never wraps.
 */
export function moveInGrid(
  key: string,
  at: GridPosition,
  size: { rows: number; columns: number },
  ctrl = false,
): GridPosition | null {
  const clampRow = (row: number) => Math.max(0, Math.min(size.rows - 1, row));
  const clampColumn = (column: number) => Math.max(0, Math.min(size.columns - 1, column));
  switch (key) {
    case "ArrowRight":
      return { row: at.row, column: clampColumn(at.column + 1) };
    case "ArrowLeft":
      return { row: at.row, column: clampColumn(at.column - 1) };
    case "ArrowDown":
      return { row: clampRow(at.row + 1), column: at.column };
    case "ArrowUp":
      return { row: clampRow(at.row - 1), column: at.column };
    case "PageDown":
      return { row: clampRow(at.row + 5), column: at.column };
    case "PageUp":
      return { row: clampRow(at.row - 5), column: at.column };
    case "Home":
      return ctrl ? { row: 0, column: 0 } : { row: at.row, column: 0 };
    case "End":
      return ctrl
        ? { row: size.rows - 1, column: size.columns - 1 }
        : { row: at.row, column: size.columns - 1 };
    default:
      return null;
  }
}

/** A position kept inside the grid after rows or columns went away. */
export function clampPosition(at: GridPosition, size: { rows: number; columns: number }): GridPosition {
  return {
    row: Math.max(0, Math.min(size.rows - 1, at.row)),
    column: Math.max(0, Math.min(size.columns - 1, at.column)),
  };
}
