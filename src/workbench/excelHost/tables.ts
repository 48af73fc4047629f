/**
 * Tables of the in-memory Excel JavaScript API (`workbook.tables`, `worksheet.tables`): a table and
 * its rows. Re-exported by api.ts.
 */
import { boxesOverlap, parseBox, splitSheet } from './addresses';
import type { Box, SheetModel, TableModel } from './model';
import { ClientObject, FilledCollectionProxy, InMemoryExcelError, Resolver, assertEditable, invalid } from './proxyBase';
import { validateDefinedName } from './names';
import { RangeProxy, interpret } from './ranges';
import type { RequestContext } from './workbook';
import { WorksheetProxy } from './worksheets';

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
