/**
 * Ranges of the in-memory Excel JavaScript API: what a written value becomes (interpret), a range
 * (values, formulas, number formats, clear, merge, the derived ranges) and `range.dataValidation`.
 * `range.format` is in rangeFormat.ts, `range.conditionalFormats` in conditionalFormats.ts.
 * Re-exported by api.ts.
 */
import { absoluteAddress, boxAddress, boxContains, boxesOverlap, boxSize, parseBox, splitSheet } from './addresses';
import { formatValue } from './format';
import { MAX_COLUMNS, MAX_ROWS, quoteSheet, type Box, type CellModel, type Scalar } from './model';
import { ClientObject, InMemoryExcelError, assertEditable, invalid, loadProps, notFound, type LoadSpec } from './proxyBase';
import { ConditionalFormatCollectionProxy } from './conditionalFormats';
import { RangeFormatProxy } from './rangeFormat';
import type { RequestContext } from './workbook';
import type { WorksheetProxy } from './worksheets';

const NUMBER_TEXT = /^[-+]?\$?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/;

function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What a formula check needs of HyperFormula. */
interface FormulaSyntax {
  validateFormula(formula: string): boolean;
}

/**
 * What Excel makes of a value written to a cell through `values` or `formulas` (Excel reads both
 * as if the value were typed):
 * - a cell formatted as text ("@") keeps the string as it is;
 * - a leading apostrophe makes the rest text, and is not part of the value (reading `values` or
 *   `formulas` back gives the text without it: OfficeDev/office-js#6687);
 * - "If the provided value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 *   interprets this value as a formula" (Excel.Range.values, @types/office-js, ExcelApi 1.1):
 *   "=..." is a formula; "-5" and "+5" are numbers; any other text after + or - is a formula
 *   as typed ("+HYPERLINK(...)" becomes "=+HYPERLINK(...)", "-abc" becomes "=-abc", #NAME?);
 * - a leading "@" is Excel's Lotus-style function prefix: "@SUM(A1:A2)" is entered as "=SUM(A1:A2)";
 * - a formula Excel cannot parse is refused with InvalidArgument (the write fails, as typing
 *   one fails with "There's a problem with this formula").
 * A lone "+", "-" or "@" stays text. Other text may become a number, a percent, a date or a boolean.
 */
export function interpret(input: unknown, format: string, syntax: FormulaSyntax): { formula: string | null; value: Scalar | null; impliedFormat?: string } | null {
  if (input === null || input === undefined) return null; // null leaves the cell as it is
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalid('a cell value must be a finite number');
    return { formula: null, value: input };
  }
  if (typeof input === 'boolean') return { formula: null, value: input };
  if (typeof input !== 'string') throw invalid(`a cell value must be a string, number or boolean, not ${typeof input}`);
  if (input === '') return { formula: null, value: null };
  if (format === '@') return { formula: null, value: input };
  if (input.startsWith("'")) return { formula: null, value: input.slice(1) };
  const formula = (text: string) => {
    if (!syntax.validateFormula(text)) throw invalid(`"${text.slice(0, 40)}" is read as a formula and cannot be parsed (write text to a text-formatted cell, or start it with an apostrophe)`);
    return { formula: text, value: null };
  };
  if (input.startsWith('=') && input.length > 1) return formula(input);
  const trimmed = input.trim();
  if (NUMBER_TEXT.test(trimmed) && /\d/.test(trimmed)) {
    const value = Number(trimmed.replace(/[$,]/g, ''));
    return { formula: null, value, impliedFormat: trimmed.includes('$') ? '$#,##0.00' : undefined };
  }
  const percent = /^([-+]?\d+(\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) return { formula: null, value: Number((Number(percent[1]) / 100).toPrecision(15)), impliedFormat: '0.00%' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) return { formula: null, value: isoToSerial(trimmed), impliedFormat: 'yyyy-mm-dd' };
  if (/^(true|false)$/i.test(trimmed)) return { formula: null, value: trimmed.toLowerCase() === 'true' };
  if (input.length > 1 && (input.startsWith('+') || input.startsWith('-'))) return formula(`=${input}`);
  if (input.length > 1 && input.startsWith('@')) return formula(`=${input.slice(1)}`);
  return { formula: null, value: input };
}

const MAX_CELLS_READ = 2_000_000;

export class RangeProxy extends ClientObject {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  private resolvedBox: Box | null | undefined;

  constructor(
    ctx: RequestContext,
    readonly sheet: WorksheetProxy,
    private readonly locate: () => Box | null,
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
    this.dataValidation = new DataValidationProxy(ctx, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, this);
  }

  watchNull(): void {
    this.ctx.queueLoad(() => this.known.set('isNullObject', this.boxOrNull() === null));
  }

  boxOrNull(): Box | null {
    if (this.resolvedBox === undefined) this.resolvedBox = this.locate();
    return this.resolvedBox;
  }

  box(): Box {
    const box = this.boxOrNull();
    if (!box) throw notFound('range');
    return box;
  }

  private cellsOf(box: Box): number {
    const { rows, columns } = boxSize(box);
    return rows * columns;
  }

  private matrix<T>(fn: (row: number, column: number) => T): T[][] {
    const box = this.box();
    if (this.cellsOf(box) > MAX_CELLS_READ) throw new InMemoryExcelError('ResponsePayloadSizeLimitExceeded', 'The range is too large to read: load a smaller range (e.g. the used range).');
    const rows: T[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row: T[] = [];
      for (let c = box.c0; c <= box.c1; c++) row.push(fn(r, c));
      rows.push(row);
    }
    return rows;
  }

  protected snapshot(): Record<string, unknown> | null {
    const box = this.boxOrNull();
    if (!box) return null;
    const sheet = this.sheet.model();
    const model = this.ctx.model;
    const { rows, columns } = boxSize(box);
    const address = boxAddress(box);
    const result: Record<string, unknown> = {
      address: `${sheetPrefix(sheet.name)}!${address}`,
      addressLocal: `${sheetPrefix(sheet.name)}!${address}`,
      rowIndex: box.r0,
      columnIndex: box.c0,
      rowCount: rows,
      columnCount: columns,
      cellCount: rows * columns,
      isEntireColumn: box.r0 === 0 && box.r1 === MAX_ROWS - 1,
      isEntireRow: box.c0 === 0 && box.c1 === MAX_COLUMNS - 1,
    };
    const lazy: Record<string, () => unknown> = {
      values: () => this.matrix((r, c) => model.computedValue(sheet, r, c)),
      formulas: () => this.matrix((r, c) => formulaOf(sheet.cell(r, c))),
      numberFormat: () => this.matrix((r, c) => sheet.cell(r, c)?.numberFormat ?? 'General'),
      text: () => this.matrix((r, c) => formatValue(model.computedValue(sheet, r, c), sheet.cell(r, c)?.numberFormat ?? 'General')),
      valueTypes: () =>
        this.matrix((r, c) => {
          const v = model.computedValue(sheet, r, c);
          return v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : String(v).startsWith('#') ? 'Error' : 'String';
        }),
    };
    // Only computed when asked for (a whole-column range has a million rows).
    return new Proxy(result, {
      get: (target, key: string) => (key in lazy ? lazy[key]() : target[key]),
      has: (target, key: string) => key in lazy || key in target,
      ownKeys: (target) => [...Object.keys(target), ...Object.keys(lazy)],
      getOwnPropertyDescriptor: (target, key: string) => ({ configurable: true, enumerable: true, value: key in lazy ? undefined : target[key] }),
    });
  }

  protected override navigation(): Record<string, ClientObject> {
    return { format: this.format, dataValidation: this.dataValidation, conditionalFormats: this.conditionalFormats };
  }

  override load(spec?: LoadSpec): this {
    const props = this.delegateNavigation(loadProps(spec));
    const wanted = props ?? ['address', 'addressLocal', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'valueTypes', 'isEntireColumn', 'isEntireRow'];
    this.ctx.queueLoad(() => {
      const all = this.snapshot();
      if (!all) {
        this.known.set('isNullObject', true);
        return;
      }
      this.known.set('isNullObject', false);
      for (const p of wanted) {
        const top = p.split('/')[0];
        if (top === 'worksheet') continue;
        if (!(top in all)) throw invalid(`unknown property '${p}' on Range`);
        this.known.set(top, (all as Record<string, unknown>)[top]);
      }
    });
    return this;
  }

  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(input: unknown) {
    this.ctx.addPayload(input);
    this.write('values', input, () => this.writeCells(input, 'values'));
  }
  get formulas(): Scalar[][] {
    return this.read('formulas');
  }
  set formulas(input: unknown) {
    this.ctx.addPayload(input);
    this.write('formulas', input, () => this.writeCells(input, 'formulas'));
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(input: unknown) {
    this.ctx.addPayload(input);
    this.write('numberFormat', input, () => {
      assertEditable(this.sheet.model(), this.box(), 'a number format');
      this.forEachInput(input, (cell, value) => {
        if (value === null || value === undefined) return;
        if (typeof value !== 'string') throw invalid('a number format must be a string');
        cell.numberFormat = value;
      });
    });
  }
  get text(): string[][] {
    return this.read('text');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get address(): string {
    return this.read('address');
  }
  get addressLocal(): string {
    return this.read('addressLocal');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }

  /** Applies a scalar (to every cell) or a matrix of exactly the range's size. */
  private forEachInput(input: unknown, apply: (cell: CellModel, value: unknown, row: number, column: number) => void): void {
    const box = this.box();
    const sheet = this.sheet.model();
    const { rows, columns } = boxSize(box);
    if (Array.isArray(input)) {
      if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
        throw invalid(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows} x ${columns}).`);
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) apply(sheet.ensureCell(box.r0 + r, box.c0 + c), (input as unknown[][])[r][c], box.r0 + r, box.c0 + c);
      return;
    }
    if (this.cellsOf(box) > MAX_CELLS_READ) throw invalid('a single value can only be written to a range of reasonable size');
    for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) apply(sheet.ensureCell(r, c), input, r, c);
  }

  private writeCells(input: unknown, _kind: 'values' | 'formulas'): void {
    const sheet = this.sheet.model();
    const box = this.box();
    assertEditable(sheet, box, 'a write');
    for (const table of this.ctx.model.tables) {
      if (table.sheetId === sheet.id && table.showHeaders && boxesOverlap(box, { ...table.box, r1: table.box.r0 })) {
        // Excel keeps table headers as text; writing a header cell renames the column.
        break;
      }
    }
    this.forEachInput(input, (cell, value, r, c) => {
      const content = interpret(value, cell.numberFormat, this.ctx.model);
      if (!content) return;
      if (content.impliedFormat && cell.numberFormat === 'General') cell.numberFormat = content.impliedFormat;
      this.ctx.model.setContent(sheet, r, c, content);
    });
  }

  clear(applyTo: string = 'All'): void {
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      const box = this.box();
      assertEditable(sheet, box, 'clear');
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(':').map(Number);
        if (r < box.r0 || r > box.r1 || c < box.c0 || c > box.c1) continue;
        if (applyTo === 'All' || applyTo === 'Contents') {
          if (cell.formula !== null || cell.value !== null) this.ctx.model.setContent(sheet, r, c, { formula: null, value: null });
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          cell.numberFormat = 'General';
          cell.style = {};
        }
        if (applyTo === 'All' && cell.formula === null && cell.value === null) sheet.cells.delete(key);
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        sheet.merges = sheet.merges.filter((m) => !boxContains(box, m));
        sheet.validations = sheet.validations.filter((v) => !boxContains(box, v.box));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !boxContains(box, f.box));
      }
    });
  }

  merge(across = false): void {
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      const box = this.box();
      assertEditable(sheet, box, 'merge');
      const boxes: Box[] = across ? Array.from({ length: box.r1 - box.r0 + 1 }, (_, i) => ({ ...box, r0: box.r0 + i, r1: box.r0 + i })) : [box];
      for (const b of boxes) {
        if (sheet.merges.some((m) => boxesOverlap(m, b))) throw new InMemoryExcelError('InvalidOperation', `The range ${boxAddress(b)} overlaps merged cells.`);
        if (this.ctx.model.tables.some((t) => t.sheetId === sheet.id && boxesOverlap(t.box, b))) throw new InMemoryExcelError('InvalidOperation', 'Cells in a table cannot be merged.');
        sheet.merges.push(b);
      }
    });
  }

  unmerge(): void {
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      const box = this.box();
      assertEditable(sheet, box, 'unmerge');
      sheet.merges = sheet.merges.filter((m) => !boxesOverlap(m, box));
    });
  }

  select(): void {
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      this.ctx.model.selections.set(sheet.id, { ...this.box() });
      this.ctx.model.activeSheetId = sheet.id;
    });
  }

  private derived(fn: (box: Box) => Box | null): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const box = fn(this.box());
      if (box && (box.r0 < 0 || box.c0 < 0 || box.r1 >= MAX_ROWS || box.c1 >= MAX_COLUMNS || box.r1 < box.r0 || box.c1 < box.c0)) throw invalid('the resulting range is outside the worksheet');
      return box;
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived((b) => ({ r0: b.r0 + row, c0: b.c0 + column, r1: b.r0 + row, c1: b.c0 + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived((b) => ({ ...b, r1: b.r1 + deltaRows, c1: b.c1 + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived((b) => ({ r0: b.r0 + rowOffset, r1: b.r1 + rowOffset, c0: b.c0 + columnOffset, c1: b.c1 + columnOffset }));
  }
  getRow(row: number): RangeProxy {
    return this.derived((b) => ({ ...b, r0: b.r0 + row, r1: b.r0 + row }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived((b) => ({ ...b, c0: b.c0 + column, c1: b.c0 + column }));
  }
  getLastRow(): RangeProxy {
    return this.derived((b) => ({ ...b, r0: b.r1 }));
  }
  getEntireColumn(): RangeProxy {
    return this.derived((b) => ({ ...b, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): RangeProxy {
    return this.derived((b) => ({ ...b, c0: 0, c1: MAX_COLUMNS - 1 }));
  }
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derived((b) => {
      const o = typeof other === 'string' ? parseBox(splitSheet(other).local) : other.box();
      if (!o) throw invalid(`"${String(other)}" is not a range address`);
      return { r0: Math.min(b.r0, o.r0), c0: Math.min(b.c0, o.c0), r1: Math.max(b.r1, o.r1), c1: Math.max(b.c1, o.c1) };
    });
  }
  getRange(address: string): RangeProxy {
    return this.derived((b) => {
      const o = parseBox(address);
      if (!o) throw invalid(`"${address}" is not a range address`);
      return { r0: b.r0 + o.r0, c0: b.c0 + o.c0, r1: b.r0 + o.r1, c1: b.c0 + o.c1 };
    });
  }

  /** The A1 address with $ signs, for defined names. */
  absolute(): string {
    return `${quoteSheet(this.sheet.model().name)}!${absoluteAddress(this.box())}`;
  }
}

function formulaOf(cell: CellModel | undefined): Scalar {
  if (!cell) return '';
  if (cell.formula !== null) return cell.formula;
  return cell.value ?? '';
}

/** Excel quotes a sheet name in an address only when it needs to. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : quoteSheet(name);
}

const MAX_LIST_SOURCE = 255;

/** `range.dataValidation`: the rule is recorded (list sources are what the workbench shows as drop-downs). */
export class DataValidationProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    const sheet = this.range.sheet.model();
    const box = this.range.box();
    const found = sheet.validations.find((v) => boxContains(v.box, box) || boxesOverlap(v.box, box));
    return { rule: found?.rule ?? {}, type: found ? 'List' : 'None', valid: true, ignoreBlanks: true };
  }
  get rule(): unknown {
    return this.read('rule');
  }
  set rule(value: unknown) {
    this.write('rule', value, () => {
      const list = (value as { list?: { source?: unknown } }).list;
      if (list && (typeof list.source !== 'string' || list.source === '')) throw invalid('a list rule needs a source: "A,B,C" or a range address');
      // Excel keeps a list source to 255 characters (commas included); longer lists go in cells and the
      // source points at them. No Microsoft page states it; Excel's Data Validation dialog and the file
      // writers that follow Excel (XlsxWriter docs; exceljs#2264; qax-os/excelize#1878) enforce it.
      if (list && (list.source as string).length > MAX_LIST_SOURCE) throw invalid(`a list source has at most ${MAX_LIST_SOURCE} characters (this one has ${(list.source as string).length}): put the items in cells and point the source at them`);
      const sheet = this.range.sheet.model();
      const box = this.range.box();
      assertEditable(sheet, box, 'data validation');
      sheet.validations = sheet.validations.filter((v) => !boxContains(box, v.box));
      sheet.validations.push({ box, rule: value });
    });
  }
  get type(): string {
    return this.read('type');
  }
  clear(): void {
    this.ctx.queue(() => {
      const sheet = this.range.sheet.model();
      const box = this.range.box();
      sheet.validations = sheet.validations.filter((v) => !boxesOverlap(box, v.box));
    });
  }
}
