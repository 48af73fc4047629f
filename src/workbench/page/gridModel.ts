/**
 * What the workbench grid shows: each sheet of the in-memory workbook as rows and columns of
 * display text (the value with its number format applied; formulas computed by the host's
 * HyperFormula), with the formula, style, merges and frozen rows. Pure: read from the
 * host's workbook model, never written.
 */
import type { CellModel, StyleModel, WorkbookModel } from '../excelHost/model';
import { conditionalLookAt } from '../excelHost/conditionalFormats';
import { formatCellValue } from './numberFormat';
import { spilledArrays, type SpillRegistry } from './spills';

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
  /** A value of an array that flows here from the formula in this cell (e.g. "B3"). */
  spilledFrom?: string;
  /** The message of a #VALUE! or #N/A error: in a cell, Excel shows a message for these two only. */
  message?: string;
  /** The items of the cell's list validation (the grid offers them in a drop-down). */
  list?: string[];
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

/** Minimum grid size, so that a new sheet has room to type in (A1:Z100), and room beyond the content. */
export const MIN_ROWS = 100;
export const MIN_COLUMNS = 26;
const MARGIN_ROWS = 20;
const MARGIN_COLUMNS = 4;

/** Errors whose message a cell shows (Excel: only #VALUE! and #N/A carry a custom function's message). */
const ERRORS_WITH_MESSAGE = new Set(['#VALUE!', '#N/A']);

function errorMessage(workbook: WorkbookModel, hfSheet: number, row: number, column: number): string | undefined {
  const raw = workbook.hf.getCellValue({ sheet: hfSheet, row, col: column }) as { value?: unknown; message?: unknown } | null;
  if (!raw || typeof raw !== 'object' || !ERRORS_WITH_MESSAGE.has(String(raw.value))) return undefined;
  return typeof raw.message === 'string' && raw.message !== '' ? raw.message : undefined;
}

const isEmpty = (cell: GridCell | null | undefined) => !cell || (cell.value === null && cell.formula === null);

export function gridFromWorkbook(workbook: WorkbookModel, spills: SpillRegistry = spilledArrays): GridSheet[] {
  return workbook.sheets.map((sheet) => {
    let rows = MIN_ROWS;
    let columns = MIN_COLUMNS;
    // Arrays returned by formulas still in their cell (a cell retyped since holds no array).
    const arrays = spills.onSheet(sheet.hfId).filter(([r, c]) => sheet.cell(r, c)?.formula);
    for (const [r, c, array] of arrays) {
      rows = Math.max(rows, r + array.length + MARGIN_ROWS);
      columns = Math.max(columns, c + array[0].length + MARGIN_COLUMNS);
    }
    for (const [key, cell] of sheet.cells) {
      if (!visible(cell)) continue;
      const [r, c] = key.split(':').map(Number);
      rows = Math.max(rows, r + MARGIN_ROWS);
      columns = Math.max(columns, c + MARGIN_COLUMNS);
    }
    for (const box of sheet.merges) {
      rows = Math.max(rows, box.r1 + MARGIN_ROWS);
      columns = Math.max(columns, box.c1 + MARGIN_COLUMNS);
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
        ...(typeof value === 'string' && value.startsWith('#') && cell.formula !== null ? { message: errorMessage(workbook, sheet.hfId, row, column) } : {}),
      };
    }
    // Arrays flow into their neighbours; a neighbour that is not empty blocks the whole array (#SPILL!).
    for (const [r0, c0, array] of arrays) {
      const anchor = cells[r0][c0]!;
      const blocked = array.some((line, i) => line.some((_, j) => (i > 0 || j > 0) && (!isEmpty(cells[r0 + i][c0 + j]) || sheet.merges.some((m) => r0 + i >= m.r0 && r0 + i <= m.r1 && c0 + j >= m.c0 && c0 + j <= m.c1))));
      if (blocked) {
        cells[r0][c0] = { ...anchor, value: '#SPILL!', display: '#SPILL!', message: undefined };
        continue;
      }
      array.forEach((line, i) =>
        line.forEach((value, j) => {
          if (i === 0 && j === 0) return;
          const existing = cells[r0 + i][c0 + j];
          const numberFormat = existing?.numberFormat ?? 'General';
          cells[r0 + i][c0 + j] = {
            row: r0 + i,
            column: c0 + j,
            address: a1(r0 + i, c0 + j),
            value,
            formula: null,
            numberFormat,
            display: value === null ? '' : formatCellValue(value, numberFormat),
            style: existing?.style ?? {},
            spilledFrom: anchor.address,
          };
        }),
      );
    }
    // Cells with a list validation offer its items.
    for (const validation of sheet.validations) {
      const source = (validation.rule as { list?: { source?: unknown } }).list?.source;
      if (typeof source !== 'string' || source.startsWith('=')) continue;
      const list = source.split(',');
      for (let r = validation.box.r0; r <= Math.min(validation.box.r1, rows - 1); r++) {
        for (let c = validation.box.c0; c <= Math.min(validation.box.c1, columns - 1); c++) {
          cells[r][c] = { ...(cells[r][c] ?? { row: r, column: c, address: a1(r, c), value: null, formula: null, numberFormat: 'General', display: '', style: {} }), list };
        }
      }
    }
    // Conditional formats draw over the cell's own look where their rule matches its value. A cell
    // under several formats (the review's status columns have 3 to 5) is looked up once: its look
    // already weighs every format that covers it.
    const looked = new Set<number>();
    for (const format of sheet.conditionalFormats) {
      for (let r = format.box.r0; r <= Math.min(format.box.r1, rows - 1); r++) {
        for (let c = format.box.c0; c <= Math.min(format.box.c1, columns - 1); c++) {
          const cell = cells[r][c];
          if (!cell || looked.has(r * columns + c)) continue;
          looked.add(r * columns + c);
          const look = conditionalLookAt(sheet, r, c, cell.value);
          if (Object.keys(look).length > 0) cells[r][c] = { ...cell, style: { ...cell.style, ...look } };
        }
      }
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
  // Excel's vertical alignments (Excel.VerticalAlignment) as CSS; the grid's own default is bottom, as Excel's.
  const vertical = { top: 'top', center: 'middle', bottom: 'bottom' }[(style.verticalAlignment ?? '').toLowerCase()];
  if (vertical) css.verticalAlign = vertical;
  if (style.wrapText) css.whiteSpace = 'pre-wrap';
  return css;
}
