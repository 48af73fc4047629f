/**
 * `range.conditionalFormats` of the in-memory Excel JavaScript API (ExcelApi 1.6), for the text
 * comparison kind the add-in writes. Rules, each from Microsoft's reference for Excel.ConditionalFormat
 * and "Apply conditional formatting to Excel ranges" (office-js-docs-pr,
 * docs/excel/excel-add-ins-conditional-formatting.md):
 * - `add(type)` puts the new format at the top priority (index 0); a type outside
 *   Excel.ConditionalFormatType is refused with InvalidArgument. The host models "ContainsText"
 *   only: any other valid type is refused with NotImplemented, so that no test passes against a
 *   kind of format the host does not evaluate (stricter than Excel, never kinder).
 * - A text rule's operator is one of Excel.ConditionalTextOperator's Contains, NotContains,
 *   BeginsWith, EndsWith; its text is a string of 1 to 255 characters (Excel stores the rule as a
 *   formula with the text as a string literal, and a literal in a formula holds at most 255
 *   characters; the host refuses more rather than guess what Excel would keep).
 * - A colour is "#RRGGBB" or an HTML colour name (ConditionalRangeFill.color,
 *   ConditionalRangeFont.color); anything else is InvalidArgument.
 * - Every change is a formatting change of the range: refused with AccessDenied on locked cells of a
 *   protected sheet (assertEditable).
 * - Properties are read only after a load and a sync (PropertyNotLoaded otherwise), like every proxy.
 *
 * How a rule matches, as Excel evaluates the rule it writes to the file
 * (NOT(ISERROR(SEARCH(text,cell))) for "contains"): case-insensitively, against the cell's value as
 * text; an empty cell contains nothing. Where two formats set the same element (fill, font colour)
 * the higher priority wins, and a matching format with `stopIfTrue` stops the lower ones.
 */
import { boxAddress, boxesOverlap } from './addresses';
import type { ConditionalFormatModel, Scalar, SheetModel } from './model';
import { ClientObject, ClientResult, FilledCollectionProxy, InMemoryExcelError, Resolver, assertEditable, invalid } from './proxyBase';
import type { RangeProxy } from './ranges';
import type { RequestContext } from './workbook';

/** Excel.ConditionalFormatType. */
const FORMAT_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];
/** Excel.ConditionalTextOperator, without "Invalid" (a value Excel reports, never one to set). */
const TEXT_OPERATORS = ['Contains', 'NotContains', 'BeginsWith', 'EndsWith'] as const;
/** The longest text of a rule the host accepts (see above). */
export const MAX_RULE_TEXT = 255;

function checkColor(value: unknown): string {
  if (typeof value !== 'string' || !(/^#[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value))) {
    throw invalid(`a colour is "#RRGGBB" or an HTML colour name (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** `range.conditionalFormats`: the formats that apply to (overlap) the range, in priority order. */
export class ConditionalFormatCollectionProxy extends FilledCollectionProxy<ConditionalFormatModel, ConditionalFormatProxy> {
  constructor(
    ctx: RequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  private sheet(): SheetModel {
    return this.range.sheet.model();
  }
  protected members(): ConditionalFormatModel[] {
    const box = this.range.box();
    return this.sheet().conditionalFormats.filter((f) => boxesOverlap(f.box, box));
  }
  protected itemFor(format: ConditionalFormatModel): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, this.range, new Resolver(() => (this.sheet().conditionalFormats.includes(format) ? format : null), `conditional format ${format.id}`));
  }
  add(type: string): ConditionalFormatProxy {
    let created: ConditionalFormatModel | null = null;
    this.ctx.queue(() => {
      if (!FORMAT_TYPES.includes(type)) throw invalid(`"${type}" is not a conditional format type (Excel.ConditionalFormatType)`);
      if (type !== 'ContainsText') throw new InMemoryExcelError('NotImplemented', `The in-memory host models "ContainsText" conditional formats only, not "${type}".`);
      const sheet = this.sheet();
      const box = this.range.box();
      assertEditable(sheet, box, 'a conditional format');
      created = { id: this.ctx.model.newId('cf'), box, type, rule: null, format: {}, stopIfTrue: false };
      sheet.conditionalFormats.unshift(created);
    });
    return new ConditionalFormatProxy(this.ctx, this.range, new Resolver(() => created, 'new conditional format'));
  }
  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, this.range, new Resolver(() => this.members()[index] ?? null, `conditional format at ${index}`));
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.queueLoad(() => result.resolve(this.members().length));
    return result;
  }
  /** Removes every format that touches the range (Excel clears them from the whole range they cover). */
  clearAll(): void {
    this.ctx.queue(() => {
      const sheet = this.sheet();
      const box = this.range.box();
      assertEditable(sheet, box, 'clearing conditional formats');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !boxesOverlap(f.box, box));
    });
  }
}

/** One conditional format: its type, priority, stopIfTrue, and its text comparison. */
export class ConditionalFormatProxy extends ClientObject {
  readonly textComparison: TextConditionalFormatProxy;
  constructor(
    ctx: RequestContext,
    private readonly range: RangeProxy,
    private readonly resolver: Resolver<ConditionalFormatModel>,
  ) {
    super(ctx);
    // Every format the host holds is a text comparison (add refuses the other kinds), so no
    // ItemNotFound for another kind's textComparison is needed here.
    this.textComparison = new TextConditionalFormatProxy(ctx, range, () => this.resolver.get());
  }
  protected override navigation(): Record<string, ClientObject> {
    return { textComparison: this.textComparison };
  }
  fillAll(): void {
    for (const [key, value] of Object.entries(this.snapshot() ?? {})) this.known.set(key, value);
  }
  protected snapshot(): Record<string, unknown> | null {
    const format = this.resolver.orNull();
    if (!format) return null;
    return { id: format.id, type: format.type, priority: this.range.sheet.model().conditionalFormats.indexOf(format), stopIfTrue: format.stopIfTrue };
  }
  get id(): string {
    return this.read('id');
  }
  get type(): string {
    return this.read('type');
  }
  get priority(): number {
    return this.read('priority');
  }
  /** Moves the format within the sheet's order; out-of-bounds values go to the end (negative: from the back). */
  set priority(value: number) {
    this.write('priority', value, () => {
      if (!Number.isInteger(value)) throw invalid('a priority is a whole number');
      const sheet = this.range.sheet.model();
      const format = this.resolver.get();
      assertEditable(sheet, format.box, 'a conditional format');
      const rest = sheet.conditionalFormats.filter((f) => f !== format);
      const at = value < 0 ? Math.max(0, rest.length + 1 + value) : Math.min(value, rest.length);
      rest.splice(at, 0, format);
      sheet.conditionalFormats = rest;
    });
  }
  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }
  set stopIfTrue(value: boolean) {
    this.write('stopIfTrue', value, () => {
      const format = this.resolver.get();
      assertEditable(this.range.sheet.model(), format.box, 'a conditional format');
      format.stopIfTrue = value === true;
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const sheet = this.range.sheet.model();
      const format = this.resolver.get();
      assertEditable(sheet, format.box, 'deleting a conditional format');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f !== format);
    });
  }
}

/** `conditionalFormat.textComparison`: the rule and the format it applies. */
export class TextConditionalFormatProxy extends ClientObject {
  readonly format: ConditionalRangeFormatProxy;
  constructor(
    ctx: RequestContext,
    private readonly range: RangeProxy,
    private readonly model: () => ConditionalFormatModel,
  ) {
    super(ctx);
    this.format = new ConditionalRangeFormatProxy(ctx, range, model);
  }
  protected override navigation(): Record<string, ClientObject> {
    return { format: this.format };
  }
  protected snapshot(): Record<string, unknown> {
    const rule = this.model().rule;
    return { rule: rule ? { ...rule } : { operator: 'Invalid', text: '' } };
  }
  get rule(): { operator: string; text: string } {
    return this.read('rule');
  }
  set rule(value: { operator: string; text: string }) {
    this.write('rule', value, () => {
      const operator = (value as { operator?: unknown } | null)?.operator;
      const text = (value as { text?: unknown } | null)?.text;
      if (!TEXT_OPERATORS.includes(operator as (typeof TEXT_OPERATORS)[number])) throw invalid(`a text rule's operator is one of ${TEXT_OPERATORS.join(', ')} (got ${JSON.stringify(operator)})`);
      if (typeof text !== 'string' || text.length === 0) throw invalid('a text rule needs its text');
      if (text.length > MAX_RULE_TEXT) throw invalid(`a text rule's text has at most ${MAX_RULE_TEXT} characters (this one has ${text.length})`);
      const format = this.model();
      assertEditable(this.range.sheet.model(), format.box, 'a conditional format');
      format.rule = { operator: operator as (typeof TEXT_OPERATORS)[number], text };
    });
  }
}

/** The look a conditional format gives: fill and font (borders and number formats are not modelled). */
export class ConditionalRangeFormatProxy extends ClientObject {
  readonly fill: ConditionalRangeFillProxy;
  readonly font: ConditionalRangeFontProxy;
  constructor(ctx: RequestContext, range: RangeProxy, model: () => ConditionalFormatModel) {
    super(ctx);
    this.fill = new ConditionalRangeFillProxy(ctx, range, model);
    this.font = new ConditionalRangeFontProxy(ctx, range, model);
  }
  protected override navigation(): Record<string, ClientObject> {
    return { fill: this.fill, font: this.font };
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
}

/** A part of a conditional format's look: every write is a formatting change of its range. */
abstract class ConditionalLookPartProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    protected readonly range: RangeProxy,
    protected readonly model: () => ConditionalFormatModel,
  ) {
    super(ctx);
  }
  protected change(prop: string, value: unknown, apply: (format: ConditionalFormatModel) => void): void {
    this.write(prop, value, () => {
      const format = this.model();
      assertEditable(this.range.sheet.model(), format.box, 'a conditional format');
      apply(format);
    });
  }
}

export class ConditionalRangeFillProxy extends ConditionalLookPartProxy {
  protected snapshot(): Record<string, unknown> {
    return { color: this.model().format.fill ?? '' };
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.change('color', value, (format) => (format.format.fill = checkColor(value)));
  }
  clear(): void {
    this.ctx.queue(() => {
      const format = this.model();
      assertEditable(this.range.sheet.model(), format.box, 'a conditional format');
      delete format.format.fill;
    });
  }
}

export class ConditionalRangeFontProxy extends ConditionalLookPartProxy {
  protected snapshot(): Record<string, unknown> {
    const look = this.model().format;
    return { color: look.fontColor ?? '', bold: look.bold ?? false, italic: look.italic ?? false };
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.change('color', value, (format) => (format.format.fontColor = checkColor(value)));
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(value: boolean) {
    this.change('bold', value, (format) => (format.format.bold = value === true));
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(value: boolean) {
    this.change('italic', value, (format) => (format.format.italic = value === true));
  }
}

/** Whether a text rule matches a cell's value (see the header: case-insensitive, empty matches nothing). */
export function textRuleMatches(rule: NonNullable<ConditionalFormatModel['rule']>, value: Scalar | null): boolean {
  const cell = value === null || value === '' ? '' : String(value).toLowerCase();
  const text = rule.text.toLowerCase();
  const contains = cell !== '' && cell.includes(text);
  switch (rule.operator) {
    case 'Contains':
      return contains;
    case 'NotContains':
      return !contains;
    case 'BeginsWith':
      return cell !== '' && cell.startsWith(text);
    case 'EndsWith':
      return cell !== '' && cell.endsWith(text);
  }
}

/** The look the sheet's conditional formats give the cell at (row, column) holding `value`. */
export function conditionalLookAt(sheet: SheetModel, row: number, column: number, value: Scalar | null): ConditionalFormatModel['format'] {
  const look: ConditionalFormatModel['format'] = {};
  for (const format of sheet.conditionalFormats) {
    const { box } = format;
    if (row < box.r0 || row > box.r1 || column < box.c0 || column > box.c1) continue;
    if (!format.rule || !textRuleMatches(format.rule, value)) continue;
    // Higher priority first: an element already set stays.
    for (const key of ['fill', 'fontColor', 'bold', 'italic'] as const) if (look[key] === undefined && format.format[key] !== undefined) (look as Record<string, unknown>)[key] = format.format[key];
    if (format.stopIfTrue) break;
  }
  return look;
}

/** The sheet's conditional formats as plain data, in priority order (snapshots and tests). */
export function conditionalFormatsOf(sheet: SheetModel): { address: string; type: string; rule: ConditionalFormatModel['rule']; format: ConditionalFormatModel['format']; stopIfTrue: boolean }[] {
  return sheet.conditionalFormats.map((f) => ({ address: boxAddress(f.box), type: f.type, rule: f.rule ? { ...f.rule } : null, format: { ...f.format }, stopIfTrue: f.stopIfTrue }));
}
