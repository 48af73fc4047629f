/**
 * The workbook model behind the in-memory Excel host: sheets, cells, formats, names, tables,
 * charts, validations and settings, with one HyperFormula instance computing every formula
 * (one HyperFormula sheet per worksheet). The proxy layer (api.ts and the files it re-exports)
 * reads and writes it only inside `context.sync()`, as the real Excel does.
 */
import { HyperFormula } from 'hyperformula';

export type Scalar = string | number | boolean;

export interface StyleModel {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** false once `format.protection.locked = false`; cells are locked by default, as in Excel. */
  locked?: boolean;
}

export interface CellModel {
  /** A formula ("=SUM(A1:A3)") or a constant; `null` for an empty cell that only carries formats. */
  formula: string | null;
  value: Scalar | null;
  numberFormat: string;
  style: StyleModel;
}

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** Header row is r0; the body is r0+1..r1. */
  box: Box;
  style: string;
  showHeaders: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sourceAddress: string;
  seriesBy: string;
  title: string;
  topLeft: string | null;
  bottomRight: string | null;
  legend: { visible: boolean; position: string };
}

export interface ValidationModel {
  box: Box;
  rule: unknown;
}

/**
 * A conditional format of a sheet (Excel.ConditionalFormat, ExcelApi 1.6). The host models the
 * text comparison kind ("ContainsText"), the one the add-in writes; `add` of any other kind is
 * refused (conditionalFormats.ts).
 */
export interface ConditionalFormatModel {
  id: string;
  box: Box;
  type: 'ContainsText';
  /** Null until the add-in sets it: a format without a rule matches no cell. */
  rule: { operator: 'Contains' | 'NotContains' | 'BeginsWith' | 'EndsWith'; text: string } | null;
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
  stopIfTrue: boolean;
}

export interface PageLayoutModel {
  orientation: 'Portrait' | 'Landscape';
  printArea: string | null;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
  printGridlines: boolean;
  paperSize: string;
  /** Manual horizontal page breaks: the 0-based index of each row that starts a printed page, ascending. */
  horizontalPageBreaks: number[];
}

export interface NameModel {
  name: string;
  /** "='Case Input'!$B$5", or a constant formula such as '="2025-001843"'. */
  formula: string;
  comment: string;
  /** Worksheet id for a worksheet-scoped name; null for the workbook. */
  scopeSheetId: string | null;
  visible: boolean;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export class SheetModel {
  readonly cells = new Map<string, CellModel>();
  merges: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  showGridlines = true;
  tabColor = '';
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  charts: ChartModel[] = [];
  validations: ValidationModel[] = [];
  /** In priority order: index 0 is the top priority (Excel.ConditionalFormat.priority). */
  conditionalFormats: ConditionalFormatModel[] = [];
  pageLayout: PageLayoutModel = {
    orientation: 'Portrait',
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    zoom: {},
    centerHorizontally: false,
    printGridlines: false,
    paperSize: 'Letter',
    horizontalPageBreaks: [],
  };

  constructor(
    readonly id: string,
    public name: string,
    readonly hfId: number,
  ) {}

  static key(row: number, column: number): string {
    return `${row}:${column}`;
  }

  cell(row: number, column: number): CellModel | undefined {
    return this.cells.get(SheetModel.key(row, column));
  }

  ensureCell(row: number, column: number): CellModel {
    const key = SheetModel.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { formula: null, value: null, numberFormat: 'General', style: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The smallest box holding every cell with content (or also formats when `valuesOnly` is false); null when empty. */
  usedBox(valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    for (const [key, cell] of this.cells) {
      const hasContent = cell.formula !== null || (cell.value !== null && cell.value !== '');
      const hasFormat = cell.numberFormat !== 'General' || Object.keys(cell.style).length > 0;
      if (!hasContent && (valuesOnly || !hasFormat)) continue;
      const [r, c] = key.split(':').map(Number);
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else {
        box.r0 = Math.min(box.r0, r);
        box.c0 = Math.min(box.c0, c);
        box.r1 = Math.max(box.r1, r);
        box.c1 = Math.max(box.c1, c);
      }
    }
    return box;
  }
}

export class WorkbookModel {
  readonly hf: HyperFormula;
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheetId: string | null = null;
  /** Each sheet's selected range (A1 until something is selected), as Excel keeps one per sheet. */
  readonly selections = new Map<string, Box>();
  syncs = 0;
  /** Called after every sync (the workbench redraws its grid). */
  readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor() {
    // GPL v3 key: the host is a development and test tool (Jest, the in-browser workbench), not shipped to users.
    this.hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  addSheet(name: string): SheetModel {
    const hfName = this.hf.addSheet(name);
    const sheet = new SheetModel(this.newId('sheet'), name, this.hf.getSheetId(hfName)!);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  renameSheet(sheet: SheetModel, newName: string): void {
    const quotedOld = quoteSheet(sheet.name);
    this.hf.renameSheet(sheet.hfId, newName);
    // Defined names follow the sheet, as in Excel.
    for (const name of this.names) name.formula = name.formula.split(quotedOld).join(quoteSheet(newName)).split(`${sheet.name}!`).join(`${quoteSheet(newName)}!`);
    // So do chart series (Excel updates a chart's source references when its sheet is renamed).
    for (const chart of this.sheets.flatMap((s) => s.charts)) chart.sourceAddress = chart.sourceAddress.split(`${quotedOld}!`).join(`${quoteSheet(newName)}!`).split(`${sheet.name}!`).join(`${quoteSheet(newName)}!`);
    sheet.name = newName;
  }

  deleteSheet(sheet: SheetModel): void {
    this.hf.removeSheet(sheet.hfId);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    // Names scoped to the sheet go with it; workbook names that pointed at it become #REF!, as in Excel.
    const scoped = this.names.filter((n) => n.scopeSheetId === sheet.id);
    this.names = this.names.filter((n) => n.scopeSheetId !== sheet.id);
    for (const name of scoped) this.safeRemoveNamedExpression(name.name, sheet.hfId);
    for (const name of this.names) {
      if (name.formula.includes(`${quoteSheet(sheet.name)}!`)) name.formula = name.formula.split(`${quoteSheet(sheet.name)}!`).join('#REF!');
    }
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  }

  safeRemoveNamedExpression(name: string, scopeHfId?: number): void {
    try {
      this.hf.removeNamedExpression(name, scopeHfId);
    } catch {
      /* not known to HyperFormula (e.g. a constant it could not parse) */
    }
  }

  /**
   * The formula as HyperFormula reads it. Excel refers to a sheet-scoped name from another sheet as
   * 'Sheet'!Name ("Define and use names in formulas", Microsoft support: a worksheet-level name is
   * qualified by its sheet's name); HyperFormula has scoped names but not that syntax, so the
   * reference is given to it as the name's own target. The cell keeps the formula as written.
   * (A name redefined later is not followed by formulas written before: a stand-in's limit.)
   */
  hfFormula(formula: string): string {
    if (!formula.includes('!')) return formula;
    return formula.replace(/('(?:[^']|'')+'|[A-Za-z_][\w.]*)!([A-Za-z_\\][\w.]*)(?![\w.(!])/g, (whole, sheetPart: string, name: string) => {
      const sheetName = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
      const sheet = this.sheetByName(sheetName);
      const defined = sheet ? this.names.find((n) => n.scopeSheetId === sheet.id && n.name.toLowerCase() === name.toLowerCase()) : undefined;
      return defined ? `(${defined.formula.replace(/^=/, '')})` : whole;
    });
  }

  /** FormulaSyntax for the cell writes (ranges.ts interpret): Excel's sheet-qualified names included. */
  validateFormula(formula: string): boolean {
    return this.hf.validateFormula(this.hfFormula(formula));
  }

  /** Writes a cell's content (formats are kept) and tells HyperFormula. */
  setContent(sheet: SheetModel, row: number, column: number, content: { formula: string | null; value: Scalar | null }): void {
    const cell = sheet.ensureCell(row, column);
    cell.formula = content.formula;
    cell.value = content.formula ? null : content.value;
    const hfContent = (content.formula === null ? null : this.hfFormula(content.formula)) ?? (typeof content.value === 'string' ? (content.value === '' ? null : `'${content.value}`) : content.value);
    this.hf.setCellContents({ sheet: sheet.hfId, row, col: column }, [[hfContent]]);
  }

  /** The value Excel shows in `range.values`: the computed value of a formula, "" for an empty cell. */
  computedValue(sheet: SheetModel, row: number, column: number): Scalar {
    const cell = sheet.cell(row, column);
    if (!cell) return '';
    if (cell.formula === null) return cell.value ?? '';
    const value = this.hf.getCellValue({ sheet: sheet.hfId, row, col: column });
    if (value === null || value === undefined) return 0; // a formula pointing at an empty cell shows 0 in Excel
    if (typeof value === 'object') return (value as { value: string }).value; // "#DIV/0!", "#NAME?"...
    return value;
  }
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
