/**
 * Renders a SheetPlan onto a worksheet. Everything is queued on the request context and sent
 * by the caller's next `context.sync()`: the number of round trips does not depend on the
 * number of cells, options or income lines (Excel on the web pays for each one).
 */
import { CONDITIONAL_LOOKS, FORMATS, STYLES, cellAddress, parseCellAddress, type CellValue, type PlannedCell, type SheetPlan } from '../summary/sheetPlan';

export interface RenderOptions {
  /** How each planned defined name is added: on the workbook, on the sheet, or not at all (a name planned with a scope keeps it). */
  nameScope?: (name: string) => 'workbook' | 'worksheet' | 'skip';
  /** Final table names (table names are unique in a workbook). */
  tableName?: (planned: string) => string;
}

/**
 * Our own strings in General cells that Excel would turn into something else are written with a
 * leading apostrophe, which makes the rest text and is not part of the value: a formula (Excel
 * reads a value starting with =, + or - as a formula, Excel.Range.values; @ is its Lotus-style
 * function prefix), a number, a date or a boolean.
 */
function asText(value: string): string {
  const t = value.trim();
  if (/^[=+\-@']/.test(t) || /^[-+$]?[\d.,]+%?$/.test(t) || /^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(t) || /^(true|false)$/i.test(t)) return `'${value}`;
  return value;
}

/**
 * What goes into a cell. A text-formatted cell ("@") takes the string as it is: Excel keeps it as
 * text whatever its first character, which is how user text is written (PlannedCell.text).
 */
function cellInput(cell: PlannedCell, textFormat: boolean): CellValue {
  if (cell.formula) return cell.formula;
  const value = cell.value ?? '';
  if (typeof value === 'string' && !textFormat) return asText(value);
  return value;
}

/** Every cell of a plan (tables' headers and rows included) as input and number-format rows from A1. */
export interface PlanGrid {
  inputs: CellValue[][];
  formats: string[][];
  /** The styled cells, in row then column order. */
  styled: { row: number; column: number; style: NonNullable<PlannedCell['style']> }[];
}

export function planGrid(plan: SheetPlan): PlanGrid & { bodyStyles: { address: string; style: NonNullable<PlannedCell['style']> }[] } {
  // All cells, including the tables' headers and rows, go into one rectangular block. Table cells
  // are placed by index (a review has hundreds of thousands: no address strings for them).
  const positioned = plan.cells.map((cell) => ({ cell, ...parseCellAddress(cell.address) }));
  const bodyStyles: { address: string; style: NonNullable<PlannedCell['style']> }[] = [];
  const tables = plan.tables.map((table) => ({ table, origin: parseCellAddress(table.headerAddress.split(':')[0]) }));
  let maxRow = 0;
  let maxColumn = 0;
  for (const { row, column } of positioned) {
    maxRow = Math.max(maxRow, row);
    maxColumn = Math.max(maxColumn, column);
  }
  for (const { table, origin } of tables) {
    maxRow = Math.max(maxRow, origin.row + table.rows.length);
    maxColumn = Math.max(maxColumn, origin.column + table.headers.length - 1);
    if (table.bodyStyle) {
      const last = cellAddress(origin.row + table.rows.length, origin.column + table.headers.length - 1);
      bodyStyles.push({ address: `${cellAddress(origin.row + 1, origin.column)}:${last}`, style: table.bodyStyle });
    }
  }
  const formats: string[][] = Array.from({ length: maxRow + 1 }, () => Array<string>(maxColumn + 1).fill('General'));
  const inputs: CellValue[][] = Array.from({ length: maxRow + 1 }, () => Array<CellValue>(maxColumn + 1).fill(''));
  const place = (cell: Omit<PlannedCell, 'address'>, row: number, column: number) => {
    if (cell.numberFormat) formats[row][column] = cell.numberFormat;
    // User text goes into a text-formatted cell: "=HYPERLINK(...)", "+1", "-abc" or "@SUM(...)" stay text.
    if (cell.text) formats[row][column] = FORMATS.text;
    inputs[row][column] = cellInput(cell as PlannedCell, formats[row][column] === FORMATS.text);
  };
  for (const { cell, row, column } of positioned) place(cell, row, column);
  for (const { table, origin } of tables) {
    table.headers.forEach((header, c) => place({ value: header }, origin.row, origin.column + c));
    table.rows.forEach((row, r) =>
      row.forEach((value, c) =>
        place({ value, formula: table.formulas?.[r]?.[c] ?? undefined, numberFormat: table.columnFormats?.[c], text: table.textColumns?.[c] }, origin.row + 1 + r, origin.column + c),
      ),
    );
  }
  const styled = positioned
    .filter((p) => p.cell.style)
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map((p) => ({ row: p.row, column: p.column, style: p.cell.style! }));
  return { inputs, formats, styled, bodyStyles };
}

export function renderPlan(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan, options: RenderOptions = {}): void {
  const grid = planGrid(plan);
  const block = sheet.getRangeByIndexes(0, 0, grid.inputs.length, grid.inputs[0].length);
  // The formats go first, in the same batch: Excel reads each value against its cell's format, and a
  // cell formatted as Text keeps what is written as it is (leading zeros, "=...", "+...", "-...", "@...").
  block.numberFormat = grid.formats;
  block.formulas = grid.inputs as unknown as string[][];
  renderPlanLayout(context, sheet, plan, grid, options);
}

/** Everything of a plan but the cells' contents: styles, merges, tables, validations, names, widths, print, charts. */
export function renderPlanLayout(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan, grid: ReturnType<typeof planGrid>, options: RenderOptions = {}): void {
  const { styled, bodyStyles } = grid;
  if (plan.topAligned) sheet.getRangeByIndexes(0, 0, grid.inputs.length, grid.inputs[0].length).format.verticalAlignment = 'Top';
  // Styles: one range per horizontal run of cells with the same look.
  const runs: { row: number; from: number; to: number; style: NonNullable<PlannedCell['style']> }[] = [];
  for (const { row, column, style } of styled) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.to === column - 1 && last.style === style) last.to = column;
    else runs.push({ row, from: column, to: column, style });
  }
  const applyStyle = (range: Excel.Range, name: NonNullable<PlannedCell['style']>) => {
    const style = STYLES[name];
    if (style.fill) range.format.fill.color = style.fill;
    if (style.bold !== undefined) range.format.font.bold = style.bold;
    if (style.italic !== undefined) range.format.font.italic = style.italic;
    if (style.fontColor) range.format.font.color = style.fontColor;
    if (style.fontSize) range.format.font.size = style.fontSize;
    if (style.horizontalAlignment) range.format.horizontalAlignment = style.horizontalAlignment;
    if (style.verticalAlignment) range.format.verticalAlignment = style.verticalAlignment;
    if (style.wrapText !== undefined) range.format.wrapText = style.wrapText;
  };
  for (const run of runs) applyStyle(sheet.getRange(`${cellAddress(run.row, run.from)}:${cellAddress(run.row, run.to)}`), run.style);
  for (const body of bodyStyles) applyStyle(sheet.getRange(body.address), body.style);

  for (const merge of plan.merges) {
    const range = sheet.getRange(merge);
    range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
  }

  for (const table of plan.tables) {
    const [first, lastHeader] = table.headerAddress.split(':');
    const origin = parseCellAddress(first);
    const end = parseCellAddress(lastHeader ?? first);
    const address = `${first}:${cellAddress(origin.row + Math.max(1, table.rows.length), end.column)}`;
    // A Range, not an address: Excel resolves a plain address against the active sheet (TableCollection.add).
    const created = sheet.tables.add(sheet.getRange(address), true);
    created.name = options.tableName ? options.tableName(table.name) : table.name;
    if (table.style) created.style = table.style;
  }

  for (const validation of plan.validations) {
    const range = sheet.getRange(validation.address);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: validation.list.join(',') } };
  }

  for (const name of plan.names) {
    const scope = name.scope ?? (options.nameScope ? options.nameScope(name.name) : 'workbook');
    if (scope === 'skip') continue;
    const target = sheet.getRange(name.address);
    if (scope === 'workbook') context.workbook.names.add(name.name, target, name.comment);
    else sheet.names.add(name.name, target, name.comment);
  }

  for (const [column, width] of Object.entries(plan.columnWidths)) sheet.getRange(`${column}:${column}`).format.columnWidth = width;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  sheet.showGridlines = plan.showGridlines;
  if (plan.tabColor) sheet.tabColor = plan.tabColor;

  sheet.pageLayout.orientation = plan.print.orientation === 'Landscape' ? 'Landscape' : 'Portrait';
  if (plan.print.paperSize) sheet.pageLayout.paperSize = plan.print.paperSize;
  sheet.pageLayout.zoom = plan.print.scale !== undefined ? { scale: plan.print.scale } : { horizontalFitToPages: plan.print.fitToPagesWide };
  sheet.pageLayout.setPrintArea(plan.print.printArea);
  sheet.pageLayout.setPrintTitleRows(plan.print.titleRows);
  // A break before the top row of the range given (Excel.PageBreakCollection.add, ExcelApi 1.9).
  for (const row of plan.print.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row}`);

  // Each add() puts its format at the top priority (ConditionalFormatCollection.add, ExcelApi 1.6):
  // adding the plan's list from its last to its first leaves the first on top.
  for (const planned of [...(plan.conditionalFormats ?? [])].reverse()) {
    const look = CONDITIONAL_LOOKS[planned.look];
    const text = sheet.getRange(planned.address).conditionalFormats.add('ContainsText').textComparison;
    text.format.fill.color = look.fill;
    text.format.font.color = look.fontColor;
    text.rule = { operator: 'Contains', text: planned.textContains };
  }

  for (const spec of plan.charts) {
    const chart = sheet.charts.add(spec.type, sheet.getRange(spec.sourceAddress), spec.seriesBy);
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    chart.setPosition(spec.topLeft, spec.bottomRight);
  }
}
