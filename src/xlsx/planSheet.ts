/**
 * Writes a SheetPlan onto an exceljs worksheet: the Node-side twin of src/excel/renderPlan.ts,
 * for files made without Excel (`lm summary --xlsx`). Same cells, formulas, number formats,
 * looks, merges, tables, list validations, defined names, widths, heights, frozen rows, tab
 * colour and print settings. Formulas carry the engine's figure as their cached result when the
 * plan has one, so a viewer that does not recalculate still shows the right numbers.
 *
 * Not written: charts (exceljs cannot write them; docs/xlsx.md) and defined-name comments
 * (the file format has them, exceljs does not write them).
 */
import type { Alignment, Cell, CellValue as ExcelCellValue, Fill, Font, TableStyleProperties, Workbook, Worksheet } from 'exceljs';
import { CONDITIONAL_LOOKS, STYLES, cellAddress, formulaText, parseCellAddress, qualifiedAddress, type CellStyleName, type CellValue, type PlannedCell, type SheetPlan } from '../summary/sheetPlan';

/** Excel's limit on a list validation's source typed in the rule (Microsoft: "Apply data validation to cells"). */
export const MAX_VALIDATION_LIST_CHARS = 255;

/** "#1F3864" to exceljs's ARGB "FF1F3864". */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`not a #RRGGBB colour: ${color}`);
  return `FF${hex}`;
}

/**
 * A column width in points (Office.js `columnWidth`) as the file's width in characters.
 * ECMA-376 Part 1, 18.3.1.13 (col@width): width = Truncate(pixels / {maximum digit width} * 256) / 256,
 * where pixels include the 5-pixel padding; Calibri 11, the default font, has a 7-pixel digit at 96 dpi.
 */
export function columnWidthInCharacters(points: number): number {
  const pixels = (points * 96) / 72;
  return Math.trunc((pixels / 7) * 256) / 256;
}

function fontOf(name: CellStyleName): Partial<Font> | undefined {
  const style = STYLES[name];
  const font: Partial<Font> = {};
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (style.fontSize) font.size = style.fontSize;
  return Object.keys(font).length > 0 ? font : undefined;
}

function applyStyle(cell: Cell, name: CellStyleName): void {
  const style = STYLES[name];
  const font = fontOf(name);
  // Fresh objects per cell: exceljs shares style objects between cells that were styled alike.
  // The font is named: a font without a name falls back to the theme's (Cambria in LibreOffice), wider than Calibri.
  if (font) cell.font = { name: 'Calibri', size: 11, ...cell.font, ...font };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } } as Fill;
  const alignment: Partial<Alignment> = { ...cell.alignment };
  if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment.toLowerCase() as Alignment['horizontal'];
  if (style.verticalAlignment) alignment.vertical = style.verticalAlignment === 'Center' ? 'middle' : (style.verticalAlignment.toLowerCase() as Alignment['vertical']);
  if (style.wrapText !== undefined) alignment.wrapText = style.wrapText;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
}

/** The cell's content as exceljs takes it: a formula (without "=") with its cached result, or a plain value. */
export function cellContent(cell: Pick<PlannedCell, 'value' | 'formula' | 'cachedResult'>): ExcelCellValue {
  if (cell.formula) {
    const formula = cell.formula.replace(/^=/, '');
    return cell.cachedResult === undefined || cell.cachedResult === null ? { formula } : ({ formula, result: cell.cachedResult } as ExcelCellValue);
  }
  // A string stays a string: exceljs writes it as text, never as a formula, number or date.
  return plainValue(cell.value);
}

function plainValue(value: CellValue | undefined): ExcelCellValue {
  return value === undefined ? null : value;
}

/** exceljs keeps worksheet data validations here (present at run time, missing from its type declarations). */
interface WithValidations {
  dataValidations: { add(address: string, validation: { type: 'list'; allowBlank: boolean; showErrorMessage: boolean; formulae: string[] }): void };
}

export interface PlanSheetOptions {
  /** Writes a note where a planned chart would sit (exceljs cannot write charts). */
  chartNote?: (title: string) => string;
}

/** Adds the plan as a new worksheet of `workbook` and returns it. */
export function addPlanSheet(workbook: Workbook, plan: SheetPlan, options: PlanSheetOptions = {}): Worksheet {
  const sheet = workbook.addWorksheet(plan.sheetName, {
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: [plan.freezeRows > 0 ? { state: 'frozen', xSplit: 0, ySplit: plan.freezeRows, topLeftCell: `A${plan.freezeRows + 1}`, showGridLines: plan.showGridlines } : { showGridLines: plan.showGridlines }],
  });

  for (const planned of plan.cells) {
    const cell = sheet.getCell(planned.address);
    if (planned.numberFormat) cell.numFmt = planned.numberFormat;
    cell.value = cellContent(planned);
    if (plan.topAligned) cell.alignment = { vertical: 'top' };
    if (planned.style) applyStyle(cell, planned.style);
  }

  for (const table of plan.tables) {
    const [first] = table.headerAddress.split(':');
    const origin = parseCellAddress(first);
    sheet.addTable({
      name: table.name,
      ref: first,
      headerRow: true,
      totalsRow: false,
      style: { theme: (table.style ?? 'TableStyleLight9') as TableStyleProperties['theme'], showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      // A body formula (the review's live decision) is written as a formula: exceljs takes it without the "=".
      rows: table.rows.map((row, r) => row.map((value, c) => {
        const formula = table.formulas?.[r]?.[c];
        return formula ? { formula: formula.slice(1) } : plainValue(value);
      })),
    });
    table.rows.forEach((row, r) =>
      row.forEach((_, c) => {
        const cell = sheet.getCell(cellAddress(origin.row + 1 + r, origin.column + c));
        const format = table.columnFormats?.[c];
        if (format) cell.numFmt = format;
        if (table.bodyStyle) applyStyle(cell, table.bodyStyle);
      }),
    );
  }

  for (const merge of plan.merges) {
    sheet.mergeCells(merge);
    const master = sheet.getCell(merge.split(':')[0]);
    master.alignment = { ...master.alignment, wrapText: true, vertical: 'top' };
  }

  for (const validation of plan.validations) {
    const source = validation.list.join(',');
    if (source.length > MAX_VALIDATION_LIST_CHARS) {
      throw new Error(`the list validation on ${validation.address} is ${source.length} characters; Excel allows ${MAX_VALIDATION_LIST_CHARS}`);
    }
    (sheet as unknown as WithValidations).dataValidations.add(validation.address, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      formulae: [formulaText(source)],
    });
  }

  for (const name of plan.names) {
    if (name.scope === 'worksheet') addSheetScopedName(workbook, plan.sheetName, name.name, qualifiedAddress(plan.sheetName, absolute(name.address)));
    else workbook.definedNames.add(qualifiedAddress(plan.sheetName, absolute(name.address)), name.name);
  }

  for (const [column, width] of Object.entries(plan.columnWidths)) sheet.getColumn(column).width = columnWidthInCharacters(width);
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) sheet.getRow(Number(row)).height = height;

  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: plan.print.orientation === 'Landscape' ? 'landscape' : 'portrait',
    ...(plan.print.scale !== undefined
      ? { fitToPage: false, scale: plan.print.scale }
      : { fitToPage: true, fitToWidth: plan.print.fitToPagesWide, fitToHeight: 0 }), // as many pages tall as needed
    // Letter (paperSize 1) is the file format's default (ECMA-376 Part 1, 18.3.1.63 pageSetup@paperSize):
    // exceljs writes no paperSize for it, which is what a plan's `paperSize: 'Letter'` asks for.
    printArea: absoluteRows(plan.print.printArea),
    printTitlesRow: plan.print.titleRows.replace(/\$/g, ''),
  };
  // exceljs writes a break after the row it is added to: the row before the one that starts the page.
  for (const row of plan.print.rowBreaks ?? []) sheet.getRow(row - 1).addPageBreak();

  // Conditional formats, as the formula Excel writes for "Text that Contains" (the top-left cell's
  // reference is relative, so it moves down the range). exceljs 4.4 writes its own containsText rule
  // without the rule's text attribute (ECMA-376 Part 1, 18.3.1.10 cfRule@text) and without escaping
  // quotes; a formula rule (type "expression") holds the same condition and reads the same in Excel
  // and LibreOffice. Priority 1 is the plan's first format.
  (plan.conditionalFormats ?? []).forEach((planned, i) => {
    const look = CONDITIONAL_LOOKS[planned.look];
    const ref = planned.address.replace(/\$/g, '');
    sheet.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [`NOT(ISERROR(SEARCH(${formulaText(planned.textContains)},${ref.split(':')[0]})))`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(look.fill) } } as Fill, font: { color: { argb: argb(look.fontColor) } } },
        },
      ],
    });
  });

  if (options.chartNote) {
    for (const chart of plan.charts) {
      const cell = sheet.getCell(chart.topLeft);
      if (cell.value === null || cell.value === undefined) {
        cell.value = options.chartNote(chart.title);
        applyStyle(cell, 'note');
      }
    }
  }
  return sheet;
}

interface ScopedName {
  sheetName: string;
  name: string;
  range: string;
}
type DefinedNameModel = { name: string; ranges: string[]; localSheetId?: number };
const scopedNames = new WeakMap<Workbook, ScopedName[]>();

/**
 * A defined name that belongs to one sheet (<definedName localSheetId="n">, ECMA-376 Part 1,
 * 18.2.5). exceljs keeps names by name for the whole workbook, so two sheets' LM_Decision would
 * become one name: the sheet-scoped ones are added to the model exceljs writes, with the sheet's
 * position as localSheetId (counted as exceljs counts it for print areas).
 */
function addSheetScopedName(workbook: Workbook, sheetName: string, name: string, range: string): void {
  let list = scopedNames.get(workbook);
  if (!list) {
    list = [];
    scopedNames.set(workbook, list);
    const names = workbook.definedNames as unknown as { model: DefinedNameModel[] };
    const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(names), 'model')!;
    const scoped = list;
    Object.defineProperty(names, 'model', {
      configurable: true,
      get(): DefinedNameModel[] {
        const own = descriptor.get!.call(this) as DefinedNameModel[];
        const sheets = workbook.worksheets.map((ws) => ws.name);
        return [...own, ...scoped.map((s) => ({ name: s.name, ranges: [s.range], localSheetId: sheets.indexOf(s.sheetName) }))];
      },
      set(value: DefinedNameModel[]) {
        descriptor.set!.call(this, value);
      },
    });
  }
  list.push({ sheetName, name, range });
}

/**
 * "A1:K90" to "A$1:K$90": exceljs writes the print area as `$` + each end, so the rows get their
 * own `$` here and the name reads $A$1:$K$90, as Excel writes it.
 */
function absoluteRows(range: string): string {
  return range
    .replace(/\$/g, '')
    .split(':')
    .map((end) => end.replace(/(\d+)$/, '$$$1'))
    .join(':');
}

/** "B7" to "$B$7", "G5:G9" to "$G$5:$G$9" (defined names point at fixed cells). */
function absolute(address: string): string {
  return address
    .split(':')
    .map((part) => {
      const { row, column } = parseCellAddress(part);
      const a1 = cellAddress(row, column);
      return `$${a1.replace(/\d+$/, '')}$${row + 1}`;
    })
    .join(':');
}
