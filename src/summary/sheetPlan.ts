/**
 * A declarative description of a worksheet: what goes in each cell, how it looks and prints.
 * Built by pure functions (caseSummaryPlan, caseInputPlan) and rendered by src/excel, which is
 * the only layer that talks to Office.js. Keeping the plan plain data lets the summary be
 * tested without Excel and rendered in a constant number of round trips.
 */

export type CellValue = string | number | boolean | null;

/** Named looks, so that section headings, inputs and totals are styled alike everywhere. */
export type CellStyleName = 'title' | 'subtitle' | 'section' | 'tableHeader' | 'label' | 'wrapLabel' | 'wrapText' | 'input' | 'total' | 'flag' | 'note' | 'good';

export interface CellStyle {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
  verticalAlignment?: 'Top' | 'Center' | 'Bottom';
  wrapText?: boolean;
}

export const STYLES: Record<CellStyleName, CellStyle> = {
  title: { bold: true, fontSize: 16, fontColor: '#1F3864' },
  subtitle: { italic: true, fontColor: '#595959' },
  section: { bold: true, fontSize: 12, fill: '#1F3864', fontColor: '#FFFFFF' },
  tableHeader: { bold: true, fill: '#D9E1F2', fontColor: '#1F3864' },
  label: { fontColor: '#404040' },
  // Text that wraps within its own column (a long option name or check); the plan sets the row's height.
  wrapLabel: { fontColor: '#404040', wrapText: true, verticalAlignment: 'Top' },
  wrapText: { wrapText: true, verticalAlignment: 'Top' },
  // The one input fill of the Case Input sheet: a user can tell at a glance what to type in.
  input: { fill: '#FFF2CC', fontColor: '#000000' },
  total: { bold: true, fill: '#F2F2F2' },
  flag: { bold: true, fontColor: '#C00000' },
  note: { italic: true, fontColor: '#595959', wrapText: false },
  good: { fontColor: '#375623' },
};

/** Number formats used throughout (Excel format codes). */
export const FORMATS = {
  currency: '$#,##0.00',
  percent: '0.00%',
  rate: '0.000%',
  date: 'yyyy-mm-dd',
  integer: '0',
  text: '@',
  general: 'General',
} as const;

export interface PlannedCell {
  /** A1 address on the plan's sheet, e.g. "C7". */
  address: string;
  value?: CellValue;
  /** A native Excel formula ("=SUM(C20:C23)"); never an add-in function. */
  formula?: string;
  /**
   * The engine's figure for the formula, when the engine computes one. A file writer (src/xlsx)
   * stores it as the formula's cached result, so the file reads correctly before any recalculation;
   * Office.js ignores it (Excel computes the formula itself).
   */
  cachedResult?: CellValue;
  numberFormat?: string;
  style?: CellStyleName;
  /**
   * User-supplied text (names, case id, loan number, debt types, notes...): written so that Excel
   * keeps it as text whatever its first character (= + - @ make a formula; see docs/sheets.md).
   */
  text?: boolean;
}

export interface PlannedName {
  name: string;
  /** A1 address (cell or range) on the plan's sheet. */
  address: string;
  comment?: string;
  /**
   * 'worksheet': the name belongs to the plan's sheet (each Case Summary has its own LM_Decision);
   * else the renderer's `nameScope` decides (workbook by default).
   */
  scope?: 'worksheet';
}

export interface PlannedTable {
  /** Preferred table name; the renderer adds a suffix when the workbook already has it. */
  name: string;
  /** Header row address, e.g. "G4:J4"; the body follows underneath (rows.length rows, at least one). */
  headerAddress: string;
  headers: string[];
  rows: CellValue[][];
  /** One number format per column. */
  columnFormats?: string[];
  style?: string;
  /** Look of the body cells (the Case Input tables are inputs). */
  bodyStyle?: CellStyleName;
  /** Columns holding user-supplied text (see PlannedCell.text). */
  textColumns?: boolean[];
  /** Native formulas by body row and column, where a cell is computed rather than a value (null: the value). */
  formulas?: (string | null)[][];
}

export interface PlannedValidation {
  /** Range address, e.g. "B7" or "G5:G200". */
  address: string;
  list: readonly string[];
}

export interface PlannedChart {
  type: 'ColumnClustered' | 'BarClustered' | 'Line';
  title: string;
  /** Data range address including the header row and the category column. */
  sourceAddress: string;
  seriesBy: 'Columns' | 'Rows';
  /** Where the chart sits: top-left and bottom-right cells. */
  topLeft: string;
  bottomRight: string;
}

/**
 * The looks a conditional format gives a matching cell: Excel's own presets for "Highlight Cells
 * Rules" (Light Red Fill with Dark Red Text, Yellow Fill with Dark Yellow Text, Green Fill with
 * Dark Green Text), so the review reads like any Excel sheet a manager has seen.
 */
export type ConditionalLookName = 'alert' | 'caution' | 'good';

export interface ConditionalLook {
  fill: string;
  fontColor: string;
}

export const CONDITIONAL_LOOKS: Record<ConditionalLookName, ConditionalLook> = {
  alert: { fill: '#FFC7CE', fontColor: '#9C0006' },
  caution: { fill: '#FFEB9C', fontColor: '#9C5700' },
  good: { fill: '#C6EFCE', fontColor: '#006100' },
};

/**
 * A conditional format: the cells of `address` whose text contains `text` take the look (Excel's
 * "Text that Contains" rule, which ignores case). A live rule, not a static colour: a status that
 * changes (a filter, a sort, an edited cell) keeps the right colour without the add-in.
 * Listed in priority order: the first one wins where two match the same cell.
 */
export interface PlannedConditionalFormat {
  /** Range address, e.g. "T12:T2000". */
  address: string;
  textContains: string;
  look: ConditionalLookName;
}

export interface PrintSetup {
  orientation: 'Landscape' | 'Portrait';
  /**
   * Fit the print area to this many pages wide (as many tall as needed). Ignored when `scale` is
   * given: a plan with `rowBreaks` prints at a fixed scale, so that its own breaks, not a scale the
   * application computes, decide what each page holds.
   */
  fitToPagesWide: number;
  /** A fixed print scale in percent (Excel allows 10 to 400), instead of fitting to the page width. */
  scale?: number;
  /** The paper the layout was sized for (US Letter: Excel's default in the US). */
  paperSize?: 'Letter';
  printArea: string;
  /** Rows repeated on every printed page, e.g. "$1:$4". */
  titleRows: string;
  /** Manual page breaks: each row (1-based) that starts a new printed page. */
  rowBreaks?: number[];
}

export interface SheetPlan {
  sheetName: string;
  /** Every cell; the renderer writes them as one rectangular block. */
  cells: PlannedCell[];
  merges: string[];
  names: PlannedName[];
  tables: PlannedTable[];
  validations: PlannedValidation[];
  /** Row heights in points by 1-based row number (rows with wrapped, merged text). */
  rowHeights?: Record<number, number>;
  /** Column widths in points by column letter. */
  columnWidths: Record<string, number>;
  /** Rows frozen at the top (the header). */
  freezeRows: number;
  print: PrintSetup;
  charts: PlannedChart[];
  /** Conditional formats, highest priority first. */
  conditionalFormats?: PlannedConditionalFormat[];
  showGridlines: boolean;
  tabColor?: string;
  /** Every cell aligned to the top (rows with wrapped text read from their first line). */
  topAligned?: boolean;
}

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnLetter(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row and column to "C7". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "C7" to zero-based { row, column }. */
export function parseCellAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

/** A string as a formula literal ("say ""hi"""). */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Quotes a sheet name for a formula or an address: 'Case Input'!C7. */
export function qualifiedAddress(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/** Makes a valid, readable worksheet name (31 characters, none of []:*?/\, no apostrophe at either end, not "History"). */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim();
  const safe = (cleaned || 'Sheet').slice(0, 31).replace(/'+$/, '');
  // Excel reserves "History" as a worksheet name.
  return safe.toLowerCase() === 'history' ? 'History sheet' : safe || 'Sheet';
}

/** The first of `base`, `base (2)`, `base (3)`... not in `taken` (compared case-insensitively, as Excel does). */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  const safe = safeSheetName(base);
  if (!lower.has(safe.toLowerCase())) return safe;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = safe.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
