/**
 * Renders a SheetPlan onto a worksheet. Everything is queued on the request context and sent
 * by the caller's next `context.sync()`: the number of round trips does not depend on the
 * number of cells, options or income lines (Excel on the web pays for each one).
 */
import { CONDITIONAL_LOOKS, FORMATS, STYLES, cellAddress, parseCellAddress, type CellStyleName, type CellValue, type PlannedCell, type SheetPlan } from '../summary/sheetPlan';

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
function cellInput(value: CellValue | undefined, formula: string | undefined, textFormat: boolean): CellValue {
  if (formula) return formula;
  const input = value ?? '';
  if (typeof input === 'string' && !textFormat) return asText(input);
  return input;
}

/** What the layout needs of a plan's grid: its size and its styled cells. */
export interface PlanLayoutGrid {
  rowCount: number;
  columnCount: number;
  /** The styled cells, in row then column order. */
  styled: { row: number; column: number; style: CellStyleName }[];
  /** The tables' body ranges with a body style. */
  bodyStyles: { address: string; style: CellStyleName }[];
}

/** Every cell of a plan (tables' headers and rows included) as input and number-format rows from A1. */
export interface PlanGrid extends PlanLayoutGrid {
  inputs: CellValue[][];
  formats: string[][];
}

/**
 * The same grid, each row built when asked for: a review's 100,000 rows can then be built slice by
 * slice, between the write's round trips, instead of in one block (slicedWrite.ts).
 */
export interface PlanRows extends PlanLayoutGrid {
  /** Row `r`'s inputs and number formats (new arrays at every call). */
  row(r: number): { inputs: CellValue[]; formats: string[] };
}

export function planRows(plan: SheetPlan): PlanRows {
  // All cells, including the tables' headers and rows, go into one rectangular block. Table cells
  // are placed by index (a review has hundreds of thousands: no address strings for them).
  const positioned = plan.cells.map((cell) => ({ cell, ...parseCellAddress(cell.address) }));
  const bodyStyles: PlanLayoutGrid['bodyStyles'] = [];
  const tables = plan.tables.map((table) => ({ table, origin: parseCellAddress(table.headerAddress.split(':')[0]) }));
  let maxRow = 0;
  let maxColumn = 0;
  const cellsByRow = new Map<number, typeof positioned>();
  for (const p of positioned) {
    maxRow = Math.max(maxRow, p.row);
    maxColumn = Math.max(maxColumn, p.column);
    const inRow = cellsByRow.get(p.row);
    if (inRow) inRow.push(p);
    else cellsByRow.set(p.row, [p]);
  }
  for (const { table, origin } of tables) {
    maxRow = Math.max(maxRow, origin.row + table.rows.length);
    maxColumn = Math.max(maxColumn, origin.column + table.headers.length - 1);
    if (table.bodyStyle) {
      const last = cellAddress(origin.row + table.rows.length, origin.column + table.headers.length - 1);
      bodyStyles.push({ address: `${cellAddress(origin.row + 1, origin.column)}:${last}`, style: table.bodyStyle });
    }
  }
  const styled = positioned
    .filter((p) => p.cell.style)
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map((p) => ({ row: p.row, column: p.column, style: p.cell.style! }));

  const row = (r: number) => {
    const formats = Array<string>(maxColumn + 1).fill('General');
    const inputs = Array<CellValue>(maxColumn + 1).fill('');
    // Planned cells first, then each table's header or body row, in plan order: a later one wins.
    const place = (column: number, value: CellValue | undefined, formula: string | undefined, numberFormat: string | undefined, text: boolean | undefined) => {
      if (numberFormat) formats[column] = numberFormat;
      // User text goes into a text-formatted cell: "=HYPERLINK(...)", "+1", "-abc" or "@SUM(...)" stay text.
      if (text) formats[column] = FORMATS.text;
      inputs[column] = cellInput(value, formula, formats[column] === FORMATS.text);
    };
    for (const { cell, column } of cellsByRow.get(r) ?? []) place(column, cell.value, cell.formula, cell.numberFormat, cell.text);
    for (const { table, origin } of tables) {
      if (r === origin.row) table.headers.forEach((header, c) => place(origin.column + c, header, undefined, undefined, undefined));
      const b = r - origin.row - 1;
      if (b < 0 || b >= table.rows.length) continue;
      const formulas = table.formulas?.[b];
      table.rows[b].forEach((value, c) => place(origin.column + c, value, formulas?.[c] ?? undefined, table.columnFormats?.[c], table.textColumns?.[c]));
    }
    return { inputs, formats };
  };
  return { rowCount: maxRow + 1, columnCount: maxColumn + 1, styled, bodyStyles, row };
}

/** The whole grid at once (a Case Summary, a Case Input: a few hundred cells). */
export function planGrid(plan: SheetPlan): PlanGrid {
  const rows = planRows(plan);
  const inputs: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows.rowCount; r++) {
    const row = rows.row(r);
    inputs.push(row.inputs);
    formats.push(row.formats);
  }
  const { rowCount, columnCount, styled, bodyStyles } = rows;
  return { rowCount, columnCount, styled, bodyStyles, inputs, formats };
}

export function renderPlan(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan, options: RenderOptions = {}): void {
  const grid = planGrid(plan);
  const block = sheet.getRangeByIndexes(0, 0, grid.rowCount, grid.columnCount);
  // The formats go first, in the same batch: Excel reads each value against its cell's format, and a
  // cell formatted as Text keeps what is written as it is (leading zeros, "=...", "+...", "-...", "@...").
  block.numberFormat = grid.formats;
  block.formulas = grid.inputs as unknown as string[][];
  renderPlanLayout(context, sheet, plan, grid, options);
}

/** Everything of a plan but the cells' contents: styles, merges, tables, validations, names, widths, print, charts. */
export function renderPlanLayout(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan, grid: PlanLayoutGrid, options: RenderOptions = {}): void {
  const { styled, bodyStyles } = grid;
  if (plan.topAligned) sheet.getRangeByIndexes(0, 0, grid.rowCount, grid.columnCount).format.verticalAlignment = 'Top';
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
