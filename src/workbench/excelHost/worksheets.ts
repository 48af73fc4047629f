/**
 * Worksheets of the in-memory Excel JavaScript API: `workbook.worksheets`, a worksheet, and its
 * freeze panes, page layout, horizontal page breaks and protection. Re-exported by api.ts.
 */
import { boxAddress, parseBox, splitSheet } from './addresses';
import { MAX_COLUMNS, MAX_ROWS, type SheetModel } from './model';
import { ClientObject, ClientResult, InMemoryExcelError, Resolver, invalid, loadProps, type LoadSpec } from './proxyBase';
import { ChartCollectionProxy } from './charts';
import { NamedItemCollectionProxy } from './names';
import { RangeProxy } from './ranges';
import { TableCollectionProxy } from './tables';
import type { RequestContext } from './workbook';

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
