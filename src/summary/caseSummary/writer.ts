/**
 * The Case Summary's grid: its columns, their widths, the print scale they imply, and a writer
 * that accumulates cells row by row (with merges, validations, names and the heights of rows
 * whose text wraps).
 */
import { FORMATS, cellAddress, columnLetter, type CellStyleName, type CellValue, type PlannedCell, type PlannedName, type SheetPlan } from '../sheetPlan';

/** Column widths in points, A..I. Narrow enough that the sheet prints at a readable scale on a portrait page. */
export const SUMMARY_COLUMN_WIDTHS = [130, 72, 72, 68, 56, 56, 56, 56, 56] as const;
export const SUMMARY_COLUMNS = SUMMARY_COLUMN_WIDTHS.length; // A..I
export const LAST_COLUMN = columnLetter(SUMMARY_COLUMNS - 1);

/**
 * The page the summary is laid out for: US Letter, portrait, with Excel's "Normal" margins
 * (left/right 0.7 in, top/bottom 0.75 in; Page Setup > Margins): 7.1 in x 9.5 in of print area,
 * in points (72 a inch).
 */
export const PRINTABLE_WIDTH_POINTS = 7.1 * 72;
export const PRINTABLE_HEIGHT_POINTS = 9.5 * 72;

/**
 * Spare width: LibreOffice draws each column a few pixels wider than Excel (about 7% over these
 * nine columns, measured on its PDF export), and the print must fit in both.
 */
const SPARE_WIDTH = 1.08;

/** The print scale (percent) at which columns A..I fit the printable width, with spare. */
export const SUMMARY_PRINT_SCALE = Math.floor((PRINTABLE_WIDTH_POINTS / (SUMMARY_COLUMN_WIDTHS.reduce((a, b) => a + b, 0) * SPARE_WIDTH)) * 100);

/** How tall page 1 may be, in the sheet's points (the printable height at the print scale). */
export const PAGE_HEIGHT_SHEET_POINTS = (PRINTABLE_HEIGHT_POINTS * 100) / SUMMARY_PRINT_SCALE;

/** Excel's default row height for Calibri 11, and the height of one wrapped line. */
export const LINE_HEIGHT_POINTS = 15;
/**
 * A generous average character width of Calibri 11 (and of Carlito, its metric twin LibreOffice
 * uses), in points: the wrap estimate must never promise more characters a line than fit.
 */
const CHARACTER_WIDTH_POINTS = 5.5;
/** Cell padding left and right, in points. */
const CELL_PADDING_POINTS = 6;

/** The width in points of columns `from`..`to` (0-based, inclusive). */
export function spanWidth(from: number, to: number): number {
  let width = 0;
  for (let c = from; c <= to; c++) width += SUMMARY_COLUMN_WIDTHS[c];
  return width;
}

/** How many lines `text` takes when wrapped in `widthPoints` (greedy word wrap, as Excel wraps). */
export function wrappedLines(text: string, widthPoints: number): number {
  const perLine = Math.max(1, Math.floor((widthPoints - CELL_PADDING_POINTS) / CHARACTER_WIDTH_POINTS));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let current = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (current === 0) {
        current = length;
      } else if (current + 1 + length <= perLine) {
        current += 1 + length;
      } else {
        lines++;
        current = length;
      }
      // A word longer than a line breaks across lines.
      while (current > perLine) {
        lines++;
        current -= perLine;
      }
    }
  }
  return lines;
}

/** Accumulates cells row by row; everything else of the plan (merges, validations, names) alongside. */
export class SheetWriter {
  readonly cells: PlannedCell[] = [];
  readonly merges: string[] = [];
  readonly validations: SheetPlan['validations'] = [];
  readonly names: PlannedName[] = [];
  readonly rowHeights: Record<number, number> = {};
  row = 0;

  put(row: number, column: number, cell: Omit<PlannedCell, 'address'>): string {
    const address = cellAddress(row, column);
    this.cells.push({ address, ...cell });
    return address;
  }

  /** The cell planned at `address` (to fill a formula in once the cells it reads are placed). */
  cellAt(address: string): PlannedCell | undefined {
    return this.cells.find((cell) => cell.address === address);
  }

  /** Gives `row` (0-based) the height its tallest wrapped text needs: [text, first column, last column]. */
  fitRow(row: number, texts: [string | null | undefined, number, number][]): void {
    const lines = Math.max(1, ...texts.map(([text, from, to]) => (text ? wrappedLines(text, spanWidth(from, to)) : 1)));
    const height = Math.min(409, lines * LINE_HEIGHT_POINTS);
    if (lines > 1 || this.rowHeights[row + 1] !== undefined) this.rowHeights[row + 1] = Math.max(this.rowHeights[row + 1] ?? 0, height);
  }

  /** Text across columns `from`..I of the current cell's row, merged and wrapped, its row as tall as the text. */
  wide(row: number, from: number, cell: Omit<PlannedCell, 'address'>, to = SUMMARY_COLUMNS - 1): string {
    // The merged area takes the look of its first cell (Excel and exceljs alike): no cells planned inside it.
    const address = this.put(row, from, cell);
    if (to > from) this.merges.push(`${cellAddress(row, from)}:${cellAddress(row, to)}`);
    this.fitRow(row, [[typeof cell.value === 'string' ? cell.value : null, from, to]]);
    return address;
  }

  private sections = 0;

  /** A numbered section heading ("6. Case details"), after a blank row unless `gap` is false (page 1 is tight). */
  section(title: string, gap = true): void {
    if (gap) this.row++;
    this.sections++;
    for (let c = 0; c < SUMMARY_COLUMNS; c++) this.put(this.row, c, { value: c === 0 ? `${this.sections}. ${title}` : null, style: 'section' });
    this.row++;
  }

  /** A label / value row; a note, when given, spans the rest of the row. Returns the value's address. */
  field(
    label: string,
    value: CellValue,
    numberFormat?: string,
    options: { formula?: string; cachedResult?: CellValue; style?: CellStyleName; note?: string; noteStyle?: CellStyleName; wideValue?: boolean } = {},
  ): string {
    this.put(this.row, 0, { value: label, style: 'label' });
    const content: Omit<PlannedCell, 'address'> = {
      ...(options.formula ? { formula: options.formula, cachedResult: options.cachedResult } : { value }),
      numberFormat: numberFormat ?? (typeof value === 'string' ? FORMATS.text : undefined),
      style: options.style,
      // A string field shows case data (case id, loan number, names, hardship...): user text.
      ...(typeof value === 'string' && !options.formula ? { text: true } : {}),
    };
    const address = options.wideValue ? this.wide(this.row, 1, content) : this.put(this.row, 1, content);
    if (options.note && !options.wideValue) this.wide(this.row, 2, { value: options.note, style: options.noteStyle ?? 'note' });
    this.row++;
    return address;
  }

  header(labels: string[], startColumn = 0): void {
    labels.forEach((label, i) => this.put(this.row, startColumn + i, { value: label, style: 'tableHeader' }));
    this.row++;
  }
}
