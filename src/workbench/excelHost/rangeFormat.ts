/**
 * `range.format` of the in-memory Excel JavaScript API: alignment, widths and heights, and its
 * fill, font, borders and cell protection. Re-exported by api.ts.
 */
import { boxSize } from './addresses';
import type { CellModel } from './model';
import { ClientObject, InMemoryExcelError, assertEditable } from './proxyBase';
import type { RangeProxy } from './ranges';
import type { RequestContext } from './workbook';

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
