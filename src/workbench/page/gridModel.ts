/**
 * What the workbench grid shows: each sheet of the in-memory workbook as rows and columns of
 * display text (the value with its number format applied; formulas computed by the host's
 * HyperFormula), with the formula, style, merges and frozen rows. Pure: read from the
 * host's workbook model, never written.
 */
import type { CellModel, StyleModel, WorkbookModel } from '../excelHost/model';
import { formatCellValue } from './numberFormat';

export interface GridCell {
  row: number;
  column: number;
  address: string;
  /** The value Excel would hold: a constant, or the computed result of the formula. */
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  /** The text the cell shows. */
  display: string;
  style: StyleModel;
  /** A merged area starting here: how many rows and columns it spans. */
  span?: { rows: number; columns: number };
  /** Covered by a merged area that starts elsewhere (not drawn). */
  covered?: boolean;
  /** Text that runs on over the empty cell to its right, as Excel shows it. */
  spills?: boolean;
}

export interface GridSheet {
  name: string;
  rows: number;
  columns: number;
  /** Row-major: cells[row][column], null for an empty cell. */
  cells: (GridCell | null)[][];
  frozenRows: number;
  showGridlines: boolean;
  tabColor: string;
  /** Column widths in points by column index (Excel's unit); missing: the default width. */
  columnWidths: Record<number, number>;
  hidden: boolean;
}

/** "A" for 0, "AA" for 26. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function a1(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** "C7" → { row: 6, column: 2 }; null when it is not a single-cell address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  const column = [...match[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** Has the cell anything to show (content or a visible format such as a fill)? */
function visible(cell: CellModel): boolean {
  return cell.formula !== null || (cell.value !== null && cell.value !== '') || Boolean(cell.style.fill);
}

/** Minimum grid size so an empty sheet still looks like a sheet. */
const MIN_ROWS = 30;
const MIN_COLUMNS = 10;

export function gridFromWorkbook(workbook: WorkbookModel): GridSheet[] {
  return workbook.sheets.map((sheet) => {
    let rows = MIN_ROWS;
    let columns = MIN_COLUMNS;
    for (const [key, cell] of sheet.cells) {
      if (!visible(cell)) continue;
      const [r, c] = key.split(':').map(Number);
      rows = Math.max(rows, r + 2);
      columns = Math.max(columns, c + 2);
    }
    for (const box of sheet.merges) {
      rows = Math.max(rows, box.r1 + 2);
      columns = Math.max(columns, box.c1 + 2);
    }
    const cells: (GridCell | null)[][] = Array.from({ length: rows }, () => Array<GridCell | null>(columns).fill(null));
    for (const [key, cell] of sheet.cells) {
      const [row, column] = key.split(':').map(Number);
      if (row >= rows || column >= columns) continue;
      const value = workbook.computedValue(sheet, row, column);
      cells[row][column] = {
        row,
        column,
        address: a1(row, column),
        value: value === '' && cell.formula === null ? null : value,
        formula: cell.formula,
        numberFormat: cell.numberFormat,
        display: formatCellValue(value, cell.numberFormat),
        style: cell.style,
      };
    }
    for (const box of sheet.merges) {
      for (let r = box.r0; r <= box.r1; r++) {
        for (let c = box.c0; c <= box.c1; c++) {
          const existing = cells[r][c] ?? { row: r, column: c, address: a1(r, c), value: null, formula: null, numberFormat: 'General', display: '', style: {} };
          cells[r][c] = r === box.r0 && c === box.c0 ? { ...existing, span: { rows: box.r1 - box.r0 + 1, columns: box.c1 - box.c0 + 1 } } : { ...existing, covered: true };
        }
      }
    }
    // Text runs on into the next cell when that cell is empty (numbers never do, in Excel).
    for (const row of cells) {
      row.forEach((cell, c) => {
        if (!cell || cell.covered || cell.span || typeof cell.value !== 'string' || cell.style.wrapText) return;
        const align = (cell.style.horizontalAlignment ?? 'General').toLowerCase();
        const next = row[c + 1];
        if ((align === 'general' || align === 'left') && (!next || (next.value === null && next.formula === null && !next.covered))) cell.spills = true;
      });
    }
    const columnWidths: Record<number, number> = {};
    for (const [column, width] of sheet.columnWidths) columnWidths[column] = width;
    return {
      name: sheet.name,
      rows,
      columns,
      cells,
      frozenRows: sheet.frozenRows,
      showGridlines: sheet.showGridlines,
      tabColor: sheet.tabColor,
      columnWidths,
      hidden: sheet.visibility !== 'Visible',
    };
  });
}

/** What a cell typed in the formula bar holds: a formula, a number, a percent, TRUE/FALSE or text (as Excel reads typing). */
export function parseTyped(text: string): { formula: string } | { value: string | number | boolean } {
  const trimmed = text.trim();
  if (trimmed.startsWith('=') && trimmed.length > 1) return { formula: trimmed };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === 'TRUE' };
  // 1234.5, 1,234.50, $1,234.50, -12, 1e3 (thousands separators only in threes, as Excel reads them)
  if (/\d/.test(trimmed) && /^[-+]?\$?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/.test(trimmed)) {
    const n = Number(trimmed.replace(/[$,]/g, ''));
    if (Number.isFinite(n)) return { value: n };
  }
  const percent = /^([-+]?\d*\.?\d+)\s*%$/.exec(trimmed);
  if (percent) {
    // Shift the decimal point in text (4.75% → 0.0475 exactly, not 0.047499999...).
    const [mantissa, exponent = '0'] = Number(percent[1]).toExponential().split('e');
    return { value: Number(`${mantissa}e${Number(exponent) - 2}`) };
  }
  return { value: text };
}

/** CSS for a cell's Excel style. */
export function cellCss(style: StyleModel): Record<string, string | number> {
  const css: Record<string, string | number> = {};
  if (style.fill) css.backgroundColor = style.fill;
  if (style.bold) css.fontWeight = 700;
  if (style.italic) css.fontStyle = 'italic';
  if (style.fontColor) css.color = style.fontColor;
  if (style.fontSize) css.fontSize = `${style.fontSize}pt`;
  if (style.horizontalAlignment) {
    const align = style.horizontalAlignment.toLowerCase();
    if (['left', 'center', 'right'].includes(align)) css.textAlign = align;
  }
  if (style.wrapText) css.whiteSpace = 'pre-wrap';
  return css;
}
