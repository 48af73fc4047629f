/**
 * The proxy objects of the in-memory Excel JavaScript API. As in Office.js, calls and property
 * writes are queued on the request context and applied at `context.sync()`; `load()` asks for
 * properties that can be read after the sync; reading a property that was neither loaded nor
 * set throws PropertyNotLoaded. Items are looked up when the batch runs, so a missing sheet is
 * an ItemNotFound error from `sync()`, and `getItemOrNullObject` answers `isNullObject`.
 *
 * Deviation: the loads of one batch are answered after all of its writes (Excel answers each in
 * queue order); the add-in never loads and writes the same property in one batch.
 *
 * The host is at least as strict as Excel: each rule below cites the Microsoft page it follows,
 * and docs/pane-workbench.md lists them all with the test that holds each one.
 */
import { absoluteAddress, boxAddress, boxContains, boxesOverlap, boxSize, parseBox, splitSheet } from './addresses';
import { beforeOperation } from './faults';
import { formatValue } from './format';
import { MAX_COLUMNS, MAX_ROWS, SheetModel, quoteSheet, type Box, type CellModel, type ChartModel, type NameModel, type Scalar, type TableModel, type WorkbookModel } from './model';
import { ClientObject, ClientResult, FilledCollectionProxy, InMemoryExcelError, Resolver, assertEditable, invalid, loadProps, notFound, type LoadSpec, type Op } from './proxyBase';

import { ConditionalFormatCollectionProxy } from './conditionalFormats';

export { ClientResult, InMemoryExcelError } from './proxyBase';
export { ConditionalFormatCollectionProxy, ConditionalFormatProxy, ConditionalRangeFillProxy, ConditionalRangeFontProxy, ConditionalRangeFormatProxy, TextConditionalFormatProxy } from './conditionalFormats';

/**
 * Excel on the web refuses a request over 5 MB with RequestPayloadSizeLimitExceeded ("Resource
 * limits and performance optimization for Office Add-ins", Excel add-ins section; error list in
 * "Error handling with the Excel JavaScript API", office-js-docs-pr, ms.date 02/16/2022). The
 * host estimates a request as the JSON of the cell data written since the last sync and takes
 * 5 MB as 5,000,000 bytes, the stricter reading.
 */
export const REQUEST_PAYLOAD_LIMIT = 5_000_000;

export class RequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private ops: Op[] = [];
  private loads: Op[] = [];
  /** Estimated request size since the last sync: the JSON of the cell data written. */
  private payloadBytes = 0;

  constructor(readonly model: WorkbookModel) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  queueLoad(op: Op): void {
    this.loads.push(op);
  }

  /** Counts written cell data towards the request payload (see REQUEST_PAYLOAD_LIMIT). */
  addPayload(input: unknown): void {
    this.payloadBytes += JSON.stringify(input ?? null).length;
  }

  get hasPending(): boolean {
    return this.ops.length > 0 || this.loads.length > 0;
  }

  /** One round trip: runs every queued write in order, then answers the loads. */
  async sync(): Promise<void> {
    this.model.syncs++;
    const ops = this.ops;
    const loads = this.loads;
    const payload = this.payloadBytes;
    this.ops = [];
    this.loads = [];
    this.payloadBytes = 0;
    await Promise.resolve();
    // The whole request is refused before anything runs (Excel on the web checks the request's size).
    if (payload > REQUEST_PAYLOAD_LIMIT) {
      throw new InMemoryExcelError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (about ${Math.round(payload / 1000)} kB written in one sync; the limit is 5 MB). Split the write into smaller syncs.`,
      );
    }
    const hf = this.model.hf;
    hf.suspendEvaluation();
    try {
      for (const op of ops) {
        beforeOperation(this.model); // fault injection (faults.ts); a no-op unless a test armed it
        op();
      }
    } finally {
      hf.resumeEvaluation();
    }
    for (const load of loads) load();
    for (const listener of this.model.listeners) listener();
  }
}


// ---------------------------------------------------------------------------- Workbook

export class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(ctx: RequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx, null);
    this.tables = new TableCollectionProxy(ctx, null);
  }
  protected snapshot(): Record<string, unknown> {
    return { name: 'Workbook' };
  }
  get name(): string {
    return this.read('name');
  }
  getActiveWorksheet(): WorksheetProxy {
    return this.worksheets.getActiveWorksheet();
  }
  /** The selection on the active sheet (Excel.Workbook.getSelectedRange, ExcelApi 1.1); A1 when nothing was selected. */
  getSelectedRange(): RangeProxy {
    const sheet = this.worksheets.getActiveWorksheet();
    return new RangeProxy(this.ctx, sheet, () => ({ ...(this.ctx.model.selections.get(sheet.model().id) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }) }));
  }
}

// ---------------------------------------------------------------------------- Worksheets

/**
 * Excel's worksheet-name rules (Microsoft support, "Rename a worksheet": a name can't be blank,
 * have more than 31 characters, contain / \\ ? * : [ ], begin or end with an apostrophe, or be
 * "History", which Excel reserves); names are unique regardless of case (WorkbookModel.sheetByName).
 */
function validateSheetName(name: string): void {
  if (typeof name !== 'string' || !name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw invalid(`"${name}" is not a valid worksheet name (1-31 characters, none of [ ] : * ? / \\, no leading or trailing apostrophe)`);
  }
  if (name.toLowerCase() === 'history') throw invalid('"History" is a name Excel reserves; choose another worksheet name');
}

export class WorksheetCollectionProxy extends ClientObject {
  private itemsList: WorksheetProxy[] | null = null;

  protected snapshot(): Record<string, unknown> {
    return { count: this.ctx.model.sheets.length };
  }

  get items(): WorksheetProxy[] {
    if (!this.itemsList) return this.read('items');
    return this.itemsList;
  }

  get count(): number {
    return this.read('count');
  }

  override load(spec?: LoadSpec): this {
    const props = loadProps(spec)?.map((p) => p.replace(/^items\//, '')) ?? null;
    this.ctx.queueLoad(() => {
      this.known.set('count', this.ctx.model.sheets.length);
      this.itemsList = this.ctx.model.sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.ctx, new Resolver(() => sheet, sheet.name));
        proxy.fill(props);
        return proxy;
      });
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    let created: SheetModel | null = null;
    this.ctx.queue(() => {
      const model = this.ctx.model;
      let sheetName = name;
      if (sheetName === undefined) {
        let n = model.sheets.length + 1;
        while (model.sheetByName(`Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      validateSheetName(sheetName);
      if (model.sheetByName(sheetName)) throw new InMemoryExcelError('ItemAlreadyExists', `A worksheet named "${sheetName}" already exists.`);
      created = model.addSheet(sheetName);
    });
    return new WorksheetProxy(this.ctx, new Resolver(() => created, `new worksheet ${name ?? ''}`, (s) => this.ctx.model.sheets.includes(s)));
  }

  private byKey(key: string): SheetModel | null {
    return this.ctx.model.sheetById(key) ?? this.ctx.model.sheetByName(key) ?? null;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, new Resolver(() => this.byKey(key), `worksheet "${key}"`, (s) => this.ctx.model.sheets.includes(s)));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.ctx, new Resolver(() => this.byKey(key), `worksheet "${key}"`, (s) => this.ctx.model.sheets.includes(s)));
    proxy.watchNull();
    return proxy;
  }

  getActiveWorksheet(): WorksheetProxy {
    const model = this.ctx.model;
    return new WorksheetProxy(this.ctx, new Resolver(() => (model.activeSheetId ? (model.sheetById(model.activeSheetId) ?? null) : null), 'active worksheet'));
  }

  getFirst(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, new Resolver(() => this.ctx.model.sheets[0] ?? null, 'first worksheet'));
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.queueLoad(() => result.resolve(this.ctx.model.sheets.length));
    return result;
  }
}

export class WorksheetProxy extends ClientObject {
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly protection: ProtectionProxy;
  readonly horizontalPageBreaks: PageBreakCollectionProxy;

  constructor(
    ctx: RequestContext,
    readonly resolver: Resolver<SheetModel>,
  ) {
    super(ctx);
    this.tables = new TableCollectionProxy(ctx, this);
    this.charts = new ChartCollectionProxy(ctx, this);
    this.names = new NamedItemCollectionProxy(ctx, this);
    this.freezePanes = new FreezePanesProxy(ctx, this);
    this.pageLayout = new PageLayoutProxy(ctx, this);
    this.protection = new ProtectionProxy(ctx, this);
    this.horizontalPageBreaks = new PageBreakCollectionProxy(ctx, this);
  }

  /** For collection items: the requested properties are known right away (they were loaded with the collection). */
  fill(props: string[] | null): void {
    const all = this.snapshot();
    for (const [key, value] of Object.entries(all)) if (props === null || props.includes(key)) this.known.set(key, value);
    this.known.set('isNullObject', false);
  }

  watchNull(): void {
    this.ctx.queueLoad(() => this.known.set('isNullObject', this.resolver.orNull() === null));
  }

  model(): SheetModel {
    return this.resolver.get();
  }

  protected snapshot(): Record<string, unknown> {
    const sheet = this.resolver.orNull();
    if (!sheet) return null as unknown as Record<string, unknown>;
    return {
      name: sheet.name,
      id: sheet.id,
      visibility: sheet.visibility,
      position: this.ctx.model.sheets.indexOf(sheet),
      showGridlines: sheet.showGridlines,
      tabColor: sheet.tabColor,
    };
  }

  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('name', value, () => {
      const sheet = this.model();
      validateSheetName(value);
      const other = this.ctx.model.sheetByName(value);
      if (other && other !== sheet) throw new InMemoryExcelError('ItemAlreadyExists', `A worksheet named "${value}" already exists.`);
      this.ctx.model.renameSheet(sheet, value);
    });
  }
  get id(): string {
    return this.read('id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    this.write('visibility', value, () => {
      const sheet = this.model();
      const visible = this.ctx.model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
      if (value !== 'Visible' && visible.length === 0) throw new InMemoryExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      sheet.visibility = value as SheetModel['visibility'];
    });
  }
  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.write('position', value, () => {
      const sheet = this.model();
      const sheets = this.ctx.model.sheets.filter((s) => s !== sheet);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
      this.ctx.model.sheets = sheets;
    });
  }
  get showGridlines(): boolean {
    return this.read('showGridlines');
  }
  set showGridlines(value: boolean) {
    this.write('showGridlines', value, () => (this.model().showGridlines = value));
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(value: string) {
    this.write('tabColor', value, () => (this.model().tabColor = value));
  }

  activate(): void {
    this.ctx.queue(() => {
      const sheet = this.model();
      if (sheet.visibility !== 'Visible') throw new InMemoryExcelError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      this.ctx.model.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.ctx.queue(() => {
      const sheet = this.model();
      const otherVisible = this.ctx.model.sheets.some((s) => s !== sheet && s.visibility === 'Visible');
      if (!otherVisible) throw new InMemoryExcelError('InvalidOperation', 'The only visible worksheet of a workbook cannot be deleted.');
      this.ctx.model.deleteSheet(sheet);
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, () => {
      if (address === undefined || address === '') return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };
      const { sheet, local } = splitSheet(address);
      if (sheet !== null && sheet.toLowerCase() !== this.model().name.toLowerCase()) throw invalid(`the address ${address} is on another worksheet`);
      const box = parseBox(local);
      if (!box) throw invalid(`"${address}" is not a range address`);
      return box;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.ctx, this, () => {
      if (rowCount < 1 || columnCount < 1) throw invalid('rowCount and columnCount must be at least 1');
      return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, this, () => this.model().usedBox(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const range = new RangeProxy(this.ctx, this, () => this.model().usedBox(valuesOnly));
    range.watchNull();
    return range;
  }
}

export class FreezePanesProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    const s = this.sheet.model();
    return { frozenRows: s.frozenRows, frozenColumns: s.frozenColumns };
  }
  freezeRows(count = 1): void {
    this.ctx.queue(() => {
      const s = this.sheet.model();
      s.frozenRows = count;
      s.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.ctx.queue(() => {
      const s = this.sheet.model();
      s.frozenColumns = count;
      s.frozenRows = 0;
    });
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this.ctx.queue(() => {
      const s = this.sheet.model();
      const box = typeof frozenRange === 'string' ? parseBox(splitSheet(frozenRange).local) : frozenRange.box();
      if (!box) throw invalid(`"${String(frozenRange)}" is not a range address`);
      s.frozenRows = box.r1 + 1;
      s.frozenColumns = box.c1 + 1;
    });
  }
  unfreeze(): void {
    this.ctx.queue(() => {
      const s = this.sheet.model();
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
  getLocationOrNullObject(): RangeProxy {
    const range = new RangeProxy(this.ctx, this.sheet, () => {
      const s = this.sheet.model();
      if (s.frozenRows === 0 && s.frozenColumns === 0) return null;
      return { r0: 0, c0: 0, r1: Math.max(0, s.frozenRows - 1), c1: s.frozenColumns > 0 ? s.frozenColumns - 1 : MAX_COLUMNS - 1 };
    });
    range.watchNull();
    return range;
  }
}

export class PageLayoutProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    const p = this.sheet.model().pageLayout;
    return { orientation: p.orientation, zoom: { ...p.zoom }, centerHorizontally: p.centerHorizontally, printGridlines: p.printGridlines, paperSize: p.paperSize };
  }
  get orientation(): string {
    return this.read('orientation');
  }
  set orientation(value: string) {
    this.write('orientation', value, () => (this.sheet.model().pageLayout.orientation = value as 'Portrait' | 'Landscape'));
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.read('zoom');
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    // Excel.PageLayoutZoomOptions.scale: "Print page scale value can be between 10 and 400."
    if (value.scale !== undefined && value.scale !== null && !(Number.isFinite(value.scale) && value.scale >= 10 && value.scale <= 400)) {
      throw invalid(`zoom.scale must be between 10 and 400, not ${String(value.scale)}`);
    }
    this.write('zoom', value, () => (this.sheet.model().pageLayout.zoom = { ...value }));
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  /** One of Excel.PaperType's values (ExcelApi 1.9); Excel rejects any other string with InvalidArgument. */
  set paperSize(value: string) {
    if (!PAPER_TYPES.includes(value)) throw invalid(`"${value}" is not an Excel.PaperType`);
    this.write('paperSize', value, () => (this.sheet.model().pageLayout.paperSize = value));
  }
  get centerHorizontally(): boolean {
    return this.read('centerHorizontally');
  }
  set centerHorizontally(value: boolean) {
    this.write('centerHorizontally', value, () => (this.sheet.model().pageLayout.centerHorizontally = value));
  }
  get printGridlines(): boolean {
    return this.read('printGridlines');
  }
  set printGridlines(value: boolean) {
    this.write('printGridlines', value, () => (this.sheet.model().pageLayout.printGridlines = value));
  }
  private addressOf(range: RangeProxy | string): string {
    if (typeof range !== 'string') return boxAddress(range.box());
    const local = splitSheet(range).local;
    const box = parseBox(local);
    if (!box) throw invalid(`"${range}" is not a range address`);
    return local.replace(/\$/g, '');
  }
  setPrintArea(range: RangeProxy | string): void {
    this.ctx.queue(() => (this.sheet.model().pageLayout.printArea = this.addressOf(range)));
  }
  setPrintTitleRows(range: RangeProxy | string): void {
    this.ctx.queue(() => (this.sheet.model().pageLayout.printTitleRows = this.addressOf(range)));
  }
  setPrintTitleColumns(range: RangeProxy | string): void {
    this.ctx.queue(() => (this.sheet.model().pageLayout.printTitleColumns = this.addressOf(range)));
  }
}

/** Excel.PaperType's values (@types/office-js, ExcelApi 1.9). */
const PAPER_TYPES = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro',
  'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet',
  'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6',
  'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman',
];

/**
 * A worksheet's manual horizontal page breaks (Excel.PageBreakCollection, ExcelApi 1.9): `add`
 * puts a break before the top row of the range given. Rules enforced: the range is on this sheet
 * ("The range immediately after the page break to be added"), and a sheet holds at most 1026
 * horizontal page breaks (Microsoft, Worksheet.HPageBreaks: "There is a limit of 1026 horizontal
 * page breaks per sheet"). A break before a row that has one already adds nothing.
 */
export const MAX_HORIZONTAL_PAGE_BREAKS = 1026;

export class PageBreakCollectionProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  /** Each break as Excel.PageBreak's loadable properties (a horizontal break's columnIndex is 0). */
  protected snapshot(): Record<string, unknown> {
    return { items: this.sheet.model().pageLayout.horizontalPageBreaks.map((rowIndex) => ({ rowIndex, columnIndex: 0 })) };
  }
  get items(): { rowIndex: number; columnIndex: number }[] {
    return this.read('items');
  }
  add(pageBreakRange: RangeProxy | string): { rowIndex: number } {
    const result = { rowIndex: -1 };
    this.ctx.queue(() => {
      let top: number;
      if (typeof pageBreakRange === 'string') {
        const { sheet, local } = splitSheet(pageBreakRange);
        if (sheet !== null && sheet.toLowerCase() !== this.sheet.model().name.toLowerCase()) throw invalid(`the range ${pageBreakRange} is on another worksheet`);
        const box = parseBox(local);
        if (!box) throw invalid(`"${pageBreakRange}" is not a range address`);
        top = box.r0;
      } else {
        top = pageBreakRange.box().r0;
      }
      const breaks = this.sheet.model().pageLayout.horizontalPageBreaks;
      if (!breaks.includes(top)) {
        if (breaks.length >= MAX_HORIZONTAL_PAGE_BREAKS) throw invalid(`a worksheet holds at most ${MAX_HORIZONTAL_PAGE_BREAKS} horizontal page breaks`);
        breaks.push(top);
        breaks.sort((a, b) => a - b);
      }
      result.rowIndex = top;
    });
    return result;
  }
}

export class ProtectionProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    return { protected: this.sheet.model().protected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
  protect(): void {
    this.ctx.queue(() => (this.sheet.model().protected = true));
  }
  unprotect(): void {
    this.ctx.queue(() => (this.sheet.model().protected = false));
  }
}

// ---------------------------------------------------------------------------- Ranges

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
function interpret(input: unknown, format: string, syntax: FormulaSyntax): { formula: string | null; value: Scalar | null; impliedFormat?: string } | null {
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


/** A part of a range's format (fill, font, protection): its properties are read from the first cell, after a load. */
abstract class RangeFormatPartProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    protected readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected first(): CellModel | undefined {
    const box = this.range.box();
    return this.range.sheet.model().cell(box.r0, box.c0);
  }
  /** Sets a style key on every cell of the range when the batch runs. */
  protected setStyle(prop: string, value: unknown, apply: (cell: CellModel) => void): void {
    this.write(prop, value, () => {
      assertEditable(this.range.sheet.model(), this.range.box(), 'formatting');
      eachCellOf(this.range, apply);
    });
  }
}

/** Every cell of a range (a whole column or row: the cells that exist; the host has no per-column default style). */
function eachCellOf(range: RangeProxy, fn: (cell: CellModel) => void): void {
  const sheet = range.sheet.model();
  const box = range.box();
  const { rows, columns } = boxSize(box);
  if (rows * columns > 200_000) {
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(':').map(Number);
      if (r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1) fn(cell);
    }
    return;
  }
  for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) fn(sheet.ensureCell(r, c));
}

export class RangeFillProxy extends RangeFormatPartProxy {
  protected snapshot(): Record<string, unknown> {
    return { color: this.first()?.style.fill ?? '' };
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.setStyle('color', value, (cell) => (cell.style.fill = value));
  }
  clear(): void {
    this.ctx.queue(() => {
      assertEditable(this.range.sheet.model(), this.range.box(), 'formatting');
      eachCellOf(this.range, (cell) => delete cell.style.fill);
    });
  }
}

export class RangeFontProxy extends RangeFormatPartProxy {
  protected snapshot(): Record<string, unknown> {
    const style = this.first()?.style ?? {};
    return { bold: style.bold ?? false, italic: style.italic ?? false, color: style.fontColor ?? '#000000', size: style.fontSize ?? 11, name: style.fontName ?? 'Calibri' };
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(value: boolean) {
    this.setStyle('bold', value, (cell) => (cell.style.bold = value));
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(value: boolean) {
    this.setStyle('italic', value, (cell) => (cell.style.italic = value));
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.setStyle('color', value, (cell) => (cell.style.fontColor = value));
  }
  get size(): number {
    return this.read('size');
  }
  set size(value: number) {
    this.setStyle('size', value, (cell) => (cell.style.fontSize = value));
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.setStyle('name', value, (cell) => (cell.style.fontName = value));
  }
}

/** `range.format.protection`: whether cells are locked (they are, until unlocked) when the sheet is protected. */
export class FormatProtectionProxy extends RangeFormatPartProxy {
  protected snapshot(): Record<string, unknown> {
    return { locked: this.first()?.style.locked !== false };
  }
  get locked(): boolean {
    return this.read('locked');
  }
  set locked(value: boolean) {
    this.write('locked', value, () => {
      const sheet = this.range.sheet.model();
      if (sheet.protected) throw new InMemoryExcelError('AccessDenied', `You cannot perform the requested operation: cells cannot be locked or unlocked while "${sheet.name}" is protected.`);
      eachCellOf(this.range, (cell) => {
        if (value) delete cell.style.locked;
        else cell.style.locked = false;
      });
    });
  }
}

/** One border of a range: accepted and recorded on the proxy only (the workbench does not draw borders). */
export class RangeBorderProxy extends ClientObject {
  private readonly values: Record<string, unknown>;
  constructor(ctx: RequestContext, sideIndex: string) {
    super(ctx);
    this.values = { sideIndex, style: 'None', color: '#000000', weight: 'Thin' };
  }
  protected snapshot(): Record<string, unknown> {
    return { ...this.values };
  }
  get style(): string {
    return this.read('style');
  }
  set style(value: string) {
    this.write('style', value, () => (this.values.style = value));
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.write('color', value, () => (this.values.color = value));
  }
  get weight(): string {
    return this.read('weight');
  }
  set weight(value: string) {
    this.write('weight', value, () => (this.values.weight = value));
  }
}

export class RangeBorderCollectionProxy extends ClientObject {
  protected snapshot(): Record<string, unknown> {
    return { count: 0 };
  }
  get count(): number {
    return this.read('count');
  }
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this.ctx, index);
  }
}

/** `range.format`: fill, font, alignment, widths, cell protection. */
export class RangeFormatProxy extends ClientObject {
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: RangeBorderCollectionProxy;
  readonly protection: FormatProtectionProxy;

  constructor(
    ctx: RequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
    this.fill = new RangeFillProxy(ctx, range);
    this.font = new RangeFontProxy(ctx, range);
    this.borders = new RangeBorderCollectionProxy(ctx);
    this.protection = new FormatProtectionProxy(ctx, range);
  }

  protected override navigation(): Record<string, ClientObject> {
    return { fill: this.fill, font: this.font, borders: this.borders, protection: this.protection };
  }

  protected snapshot(): Record<string, unknown> {
    const sheet = this.range.sheet.model();
    const box = this.range.box();
    const style = sheet.cell(box.r0, box.c0)?.style ?? {};
    return {
      columnWidth: sheet.columnWidths.get(box.c0) ?? 48,
      rowHeight: sheet.rowHeights.get(box.r0) ?? 15,
      horizontalAlignment: style.horizontalAlignment ?? 'General',
      verticalAlignment: style.verticalAlignment ?? 'Bottom',
      wrapText: style.wrapText ?? false,
    };
  }

  private setStyle(prop: string, value: unknown, apply: (cell: CellModel) => void): void {
    this.write(prop, value, () => {
      assertEditable(this.range.sheet.model(), this.range.box(), 'formatting');
      eachCellOf(this.range, apply);
    });
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(value: number) {
    this.write('columnWidth', value, () => {
      const box = this.range.box();
      const sheet = this.range.sheet.model();
      if (sheet.protected) throw new InMemoryExcelError('AccessDenied', `You cannot perform the requested operation: column widths of the protected sheet "${sheet.name}".`);
      for (let c = box.c0; c <= box.c1; c++) sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(value: number) {
    this.write('rowHeight', value, () => {
      const box = this.range.box();
      const sheet = this.range.sheet.model();
      if (sheet.protected) throw new InMemoryExcelError('AccessDenied', `You cannot perform the requested operation: row heights of the protected sheet "${sheet.name}".`);
      for (let r = box.r0; r <= Math.min(box.r1, box.r0 + 100_000); r++) sheet.rowHeights.set(r, value);
    });
  }
  get horizontalAlignment(): string {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.setStyle('horizontalAlignment', value, (cell) => (cell.style.horizontalAlignment = value));
  }
  get verticalAlignment(): string {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.setStyle('verticalAlignment', value, (cell) => (cell.style.verticalAlignment = value));
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(value: boolean) {
    this.setStyle('wrapText', value, (cell) => (cell.style.wrapText = value));
  }
  autofitColumns(): void {
    this.ctx.queue(() => void this.range.box());
  }
  autofitRows(): void {
    this.ctx.queue(() => void this.range.box());
  }
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

// ---------------------------------------------------------------------------- Names

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function validateDefinedName(name: string): void {
  if (!NAME_PATTERN.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name) || name.length > 255) {
    throw invalid(`"${name}" is not a valid defined name`);
  }
}

/** A defined name's comment has at most 255 characters, the limit of Excel's Name Manager (New Name dialog). */
function validateNameComment(comment: unknown): void {
  if (typeof comment !== 'string') throw invalid('a name comment must be text');
  if (comment.length > 255) throw invalid(`a name comment has at most 255 characters (this one has ${comment.length})`);
}

function nameType(formula: string): string {
  const body = formula.replace(/^=/, '');
  if (body.includes('#REF!')) return 'Error';
  if (/^".*"$/.test(body)) return 'String';
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (/^[-+]?\d+(\.\d+)?$/.test(body)) return Number.isInteger(Number(body)) ? 'Integer' : 'Double';
  if (body.includes('!')) return 'Range';
  return 'Formula';
}

function nameValue(formula: string): unknown {
  const body = formula.replace(/^=/, '');
  const type = nameType(formula);
  if (type === 'String') return body.slice(1, -1).replace(/""/g, '"');
  if (type === 'Boolean') return body.toUpperCase() === 'TRUE';
  if (type === 'Integer' || type === 'Double') return Number(body);
  if (type === 'Error') return '#REF!';
  return body;
}

export class NamedItemCollectionProxy extends FilledCollectionProxy<NameModel, NamedItemProxy> {
  constructor(
    ctx: RequestContext,
    private readonly scope: WorksheetProxy | null,
  ) {
    super(ctx);
  }
  private scopeId(): string | null {
    return this.scope ? this.scope.model().id : null;
  }
  protected members(): NameModel[] {
    const id = this.scopeId();
    return this.ctx.model.names.filter((n) => n.scopeSheetId === id);
  }
  protected itemFor(n: NameModel): NamedItemProxy {
    return new NamedItemProxy(this.ctx, new Resolver(() => n, n.name, (m) => this.ctx.model.names.includes(m)));
  }
  private find(name: string): NameModel | null {
    const id = this.scopeId();
    const lower = name.toLowerCase();
    return this.ctx.model.names.find((n) => n.scopeSheetId === id && n.name.toLowerCase() === lower) ?? null;
  }
  add(name: string, reference: RangeProxy | string, comment = ''): NamedItemProxy {
    let created: NameModel | null = null;
    this.ctx.queue(() => {
      validateDefinedName(name);
      validateNameComment(comment);
      if (this.find(name)) throw new InMemoryExcelError('ItemAlreadyExists', `The name "${name}" already exists.`);
      if (this.ctx.model.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new InMemoryExcelError('ItemAlreadyExists', `"${name}" is already a table name.`);
      const formula = typeof reference === 'string' ? (reference.startsWith('=') ? reference : `=${reference}`) : `=${reference.absolute()}`;
      const model: NameModel = { name, formula, comment, scopeSheetId: this.scopeId(), visible: true };
      this.ctx.model.names.push(model);
      try {
        this.ctx.model.hf.addNamedExpression(name, formula, this.scope ? this.scope.model().hfId : undefined);
      } catch {
        /* HyperFormula cannot compute every name formula; the name still exists for the add-in */
      }
      created = model;
    });
    return new NamedItemProxy(this.ctx, new Resolver(() => created, `name "${name}"`, (m) => this.ctx.model.names.includes(m)));
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, new Resolver(() => this.find(name), `name "${name}"`, (m) => this.ctx.model.names.includes(m)));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    const proxy = this.getItem(name);
    proxy.watchNull();
    return proxy;
  }
}

export class NamedItemProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly resolver: Resolver<NameModel>,
  ) {
    super(ctx);
  }
  watchNull(): void {
    this.ctx.queueLoad(() => this.known.set('isNullObject', this.resolver.orNull() === null));
  }
  fillAll(): void {
    for (const [key, value] of Object.entries(this.snapshot() ?? {})) this.known.set(key, value);
    this.known.set('isNullObject', false);
  }
  protected snapshot(): Record<string, unknown> | null {
    const n = this.resolver.orNull();
    if (!n) return null;
    return {
      name: n.name,
      formula: n.formula,
      comment: n.comment,
      type: nameType(n.formula),
      value: nameValue(n.formula),
      visible: n.visible,
      scope: n.scopeSheetId ? 'Worksheet' : 'Workbook',
    };
  }
  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  set formula(value: string) {
    this.write('formula', value, () => {
      const n = this.resolver.get();
      n.formula = value.startsWith('=') ? value : `=${value}`;
      const scope = n.scopeSheetId ? this.ctx.model.sheetById(n.scopeSheetId)?.hfId : undefined;
      try {
        this.ctx.model.hf.changeNamedExpression(n.name, n.formula, scope);
      } catch {
        /* see add() */
      }
    });
  }
  get comment(): string {
    return this.read('comment');
  }
  set comment(value: string) {
    this.write('comment', value, () => {
      validateNameComment(value);
      this.resolver.get().comment = value;
    });
  }
  get type(): string {
    return this.read('type');
  }
  get value(): unknown {
    return this.read('value');
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(value: boolean) {
    this.write('visible', value, () => (this.resolver.get().visible = value));
  }
  get scope(): string {
    return this.read('scope');
  }
  delete(): void {
    this.ctx.queue(() => {
      const n = this.resolver.get();
      this.ctx.model.names = this.ctx.model.names.filter((m) => m !== n);
      const scope = n.scopeSheetId ? this.ctx.model.sheetById(n.scopeSheetId)?.hfId : undefined;
      this.ctx.model.safeRemoveNamedExpression(n.name, scope);
    });
  }
  getRange(): RangeProxy {
    const sheetProxy = new WorksheetProxy(
      this.ctx,
      new Resolver(() => {
        const { sheet } = splitSheet(this.resolver.get().formula);
        return sheet ? (this.ctx.model.sheetByName(sheet) ?? null) : null;
      }, 'the sheet of a name'),
    );
    return new RangeProxy(this.ctx, sheetProxy, () => {
      const { local } = splitSheet(this.resolver.get().formula);
      const box = parseBox(local);
      if (!box) throw new InMemoryExcelError('InvalidOperation', 'The name does not refer to a range.');
      return box;
    });
  }
}

// ---------------------------------------------------------------------------- Tables

export class TableCollectionProxy extends FilledCollectionProxy<TableModel, TableProxy> {
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(ctx);
  }
  protected members(): TableModel[] {
    const id = this.sheet ? this.sheet.model().id : null;
    return this.ctx.model.tables.filter((t) => id === null || t.sheetId === id);
  }
  protected itemFor(t: TableModel): TableProxy {
    return new TableProxy(this.ctx, new Resolver(() => t, t.name, (m) => this.ctx.model.tables.includes(m)));
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: TableModel | null = null;
    this.ctx.queue(() => {
      const model = this.ctx.model;
      let sheet: SheetModel;
      let box: Box;
      if (typeof address === 'string') {
        // "If the address does not contain a sheet name, the currently-active sheet is used", whichever
        // collection is called (Excel.TableCollection.add, @types/office-js; ExcelApi 1.1): pass a Range.
        const { sheet: sheetName, local } = splitSheet(address);
        const found = sheetName ? model.sheetByName(sheetName) : model.activeSheetId ? model.sheetById(model.activeSheetId) : undefined;
        if (!found) throw invalid(`the table address ${address} must name an existing worksheet`);
        sheet = found;
        const parsed = parseBox(local);
        if (!parsed) throw invalid(`"${address}" is not a range address`);
        box = parsed;
      } else {
        sheet = address.sheet.model();
        box = address.box();
      }
      if (hasHeaders && box.r1 === box.r0) box = { ...box, r1: box.r0 + 1 }; // a table always has a body row
      if (!hasHeaders) throw invalid('the in-memory host supports tables with a header row only (hasHeaders = true)');
      assertEditable(sheet, box, 'a table');
      if (model.tables.some((t) => t.sheetId === sheet.id && boxesOverlap(t.box, box))) throw invalid('A table cannot overlap another table.');
      if (sheet.merges.some((m) => boxesOverlap(m, box))) throw invalid('A table cannot overlap merged cells.');
      let n = model.tables.length + 1;
      while (model.tables.some((t) => t.name === `Table${n}`)) n++;
      const table: TableModel = { id: model.newId('table'), name: `Table${n}`, sheetId: sheet.id, box, style: 'TableStyleMedium2', showHeaders: true };
      // Blank headers become Column1, Column2... as in Excel.
      for (let c = box.c0; c <= box.c1; c++) {
        const header = model.computedValue(sheet, box.r0, c);
        if (header === '') model.setContent(sheet, box.r0, c, { formula: null, value: `Column${c - box.c0 + 1}` });
      }
      model.tables.push(table);
      created = table;
    });
    return new TableProxy(this.ctx, new Resolver(() => created, 'new table', (m) => this.ctx.model.tables.includes(m)));
  }
  getItem(key: string): TableProxy {
    return new TableProxy(
      this.ctx,
      new Resolver(() => this.members().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key) ?? null, `table "${key}"`, (m) => this.ctx.model.tables.includes(m)),
    );
  }
  getItemOrNullObject(key: string): TableProxy {
    const proxy = this.getItem(key);
    proxy.watchNull();
    return proxy;
  }
}

export class TableProxy extends ClientObject {
  readonly rows: TableRowCollectionProxy;
  constructor(
    ctx: RequestContext,
    readonly resolver: Resolver<TableModel>,
  ) {
    super(ctx);
    this.rows = new TableRowCollectionProxy(ctx, this);
  }
  watchNull(): void {
    this.ctx.queueLoad(() => this.known.set('isNullObject', this.resolver.orNull() === null));
  }
  fillAll(): void {
    for (const [key, value] of Object.entries(this.snapshot() ?? {})) this.known.set(key, value);
    this.known.set('isNullObject', false);
  }
  protected snapshot(): Record<string, unknown> | null {
    const t = this.resolver.orNull();
    if (!t) return null;
    return { name: t.name, id: t.id, style: t.style, showHeaders: t.showHeaders, showTotals: false };
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('name', value, () => {
      const t = this.resolver.get();
      validateDefinedName(value);
      const lower = value.toLowerCase();
      if (this.ctx.model.tables.some((o) => o !== t && o.name.toLowerCase() === lower) || this.ctx.model.names.some((n) => n.name.toLowerCase() === lower)) {
        throw new InMemoryExcelError('ItemAlreadyExists', `A table or name "${value}" already exists.`);
      }
      t.name = value;
    });
  }
  get id(): string {
    return this.read('id');
  }
  get style(): string {
    return this.read('style');
  }
  set style(value: string) {
    this.write('style', value, () => (this.resolver.get().style = value));
  }
  get showHeaders(): boolean {
    return this.read('showHeaders');
  }
  private sheetProxy(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, new Resolver(() => this.ctx.model.sheetById(this.resolver.get().sheetId) ?? null, 'the sheet of a table'));
  }
  get worksheet(): WorksheetProxy {
    return this.sheetProxy();
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetProxy(), () => ({ ...this.resolver.get().box }));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetProxy(), () => {
      const b = this.resolver.get().box;
      return { ...b, r1: b.r0 };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetProxy(), () => {
      const b = this.resolver.get().box;
      return { ...b, r0: b.r0 + 1 };
    });
  }
  resize(newRange: RangeProxy | string): void {
    this.ctx.queue(() => {
      const t = this.resolver.get();
      const box = typeof newRange === 'string' ? parseBox(splitSheet(newRange).local) : newRange.box();
      if (!box) throw invalid(`"${String(newRange)}" is not a range address`);
      if (box.r0 !== t.box.r0 || box.r1 <= box.r0) throw invalid('the header row must stay where it is and the table keep a body row');
      if (this.ctx.model.tables.some((o) => o !== t && o.sheetId === t.sheetId && boxesOverlap(o.box, box))) throw invalid('A table cannot overlap another table.');
      t.box = box;
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const t = this.resolver.get();
      this.ctx.model.tables = this.ctx.model.tables.filter((o) => o !== t);
    });
  }
  convertToRange(): RangeProxy {
    const range = this.getRange();
    this.delete();
    return range;
  }
}

export class TableRowCollectionProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly table: TableProxy,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    const b = this.table.resolver.get().box;
    return { count: b.r1 - b.r0 };
  }
  get count(): number {
    return this.read('count');
  }
  /**
   * Adds rows at the end of the table (or at `index`, moving the later rows down inside the
   * table's columns). Deviation: cells below the table are overwritten, not pushed down.
   */
  add(index: number | null = null, values?: unknown[][]): void {
    this.ctx.addPayload(values);
    this.ctx.queue(() => {
      const t = this.table.resolver.get();
      const sheet = this.ctx.model.sheetById(t.sheetId)!;
      const width = t.box.c1 - t.box.c0 + 1;
      const rows = values ?? [Array(width).fill('')];
      if (rows.some((row) => !Array.isArray(row) || row.length !== width)) throw invalid(`each row must have ${width} values`);
      const bodyCount = t.box.r1 - t.box.r0;
      const at = index === null || index === undefined ? bodyCount : index;
      if (at < 0 || at > bodyCount) throw invalid('the row index is outside the table');
      assertEditable(sheet, { ...t.box, r1: t.box.r1 + rows.length }, 'table rows');
      // Move the rows after the insertion point down.
      const firstMoved = t.box.r0 + 1 + at;
      for (let r = t.box.r1; r >= firstMoved; r--) {
        for (let c = t.box.c0; c <= t.box.c1; c++) {
          const source = sheet.cell(r, c);
          const target = sheet.ensureCell(r + rows.length, c);
          target.numberFormat = source?.numberFormat ?? 'General';
          target.style = { ...(source?.style ?? {}) };
          this.ctx.model.setContent(sheet, r + rows.length, c, { formula: source?.formula ?? null, value: source?.value ?? null });
        }
      }
      rows.forEach((row, i) => {
        row.forEach((value, c) => {
          const cell = sheet.ensureCell(firstMoved + i, t.box.c0 + c);
          const content = interpret(value, cell.numberFormat, this.ctx.model) ?? { formula: null, value: null };
          this.ctx.model.setContent(sheet, firstMoved + i, t.box.c0 + c, content);
        });
      });
      // A conditional format down to the table's last row grows with the table, as Excel grows a
      // table's formatting with its rows.
      for (const format of sheet.conditionalFormats) {
        const b = format.box;
        if (b.r1 === t.box.r1 && b.r0 > t.box.r0 && b.c0 >= t.box.c0 && b.c1 <= t.box.c1) format.box = { ...b, r1: b.r1 + rows.length };
      }
      t.box = { ...t.box, r1: t.box.r1 + rows.length };
    });
  }
}

// ---------------------------------------------------------------------------- Charts

export class ChartCollectionProxy extends FilledCollectionProxy<ChartModel, ChartProxy> {
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected members(): ChartModel[] {
    return this.sheet.model().charts;
  }
  protected itemFor(chart: ChartModel): ChartProxy {
    return new ChartProxy(this.ctx, this.sheet, new Resolver(() => chart, chart.name));
  }
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let created: ChartModel | null = null;
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      const source = sourceData.box();
      const chart: ChartModel = {
        id: this.ctx.model.newId('chart'),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        sourceAddress: `${sheetPrefix(sourceData.sheet.model().name)}!${boxAddress(source)}`,
        seriesBy,
        title: '',
        topLeft: null,
        bottomRight: null,
        legend: { visible: true, position: 'Right' },
      };
      sheet.charts.push(chart);
      created = chart;
    });
    return new ChartProxy(this.ctx, this.sheet, new Resolver(() => created, 'new chart'));
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, this.sheet, new Resolver(() => this.sheet.model().charts.find((c) => c.name === name) ?? null, `chart "${name}"`));
  }
}

/** `chart.title`: read after a load, like every property. */
export class ChartTitleProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly chart: Resolver<ChartModel>,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> | null {
    const c = this.chart.orNull();
    return c ? { text: c.title, visible: true } : null;
  }
  get text(): string {
    return this.read('text');
  }
  set text(value: string) {
    this.write('text', value, () => (this.chart.get().title = value));
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(value: boolean) {
    this.write('visible', value, () => void this.chart.get());
  }
}

/** `chart.legend`: read after a load, like every property. */
export class ChartLegendProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly chart: Resolver<ChartModel>,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> | null {
    const c = this.chart.orNull();
    return c ? { position: c.legend.position, visible: c.legend.visible } : null;
  }
  get position(): string {
    return this.read('position');
  }
  set position(value: string) {
    this.write('position', value, () => (this.chart.get().legend.position = value));
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(value: boolean) {
    this.write('visible', value, () => (this.chart.get().legend.visible = value));
  }
}

/** A chart: name, type, title, legend and position (axes and series formatting are not modelled). */
export class ChartProxy extends ClientObject {
  readonly title: ChartTitleProxy;
  readonly legend: ChartLegendProxy;
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly resolver: Resolver<ChartModel>,
  ) {
    super(ctx);
    this.title = new ChartTitleProxy(ctx, resolver);
    this.legend = new ChartLegendProxy(ctx, resolver);
  }
  protected override navigation(): Record<string, ClientObject> {
    return { title: this.title, legend: this.legend };
  }
  fillAll(): void {
    for (const [key, value] of Object.entries(this.snapshot() ?? {})) this.known.set(key, value);
  }
  protected snapshot(): Record<string, unknown> | null {
    const c = this.resolver.orNull();
    if (!c) return null;
    return { name: c.name, id: c.id, chartType: c.type };
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('name', value, () => (this.resolver.get().name = value));
  }
  get chartType(): string {
    return this.read('chartType');
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.ctx.queue(() => {
      const chart = this.resolver.get();
      const where = (cell: RangeProxy | string) => (typeof cell === 'string' ? splitSheet(cell).local : boxAddress(cell.box()));
      chart.topLeft = where(startCell);
      chart.bottomRight = endCell ? where(endCell) : null;
      void this.sheet.model();
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      const chart = this.resolver.get();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

