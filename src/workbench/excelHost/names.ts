/**
 * Defined names of the in-memory Excel JavaScript API (`workbook.names`, `worksheet.names`): the
 * name and comment rules, and a name's type and value read from its formula. Re-exported by api.ts.
 */
import { parseBox, splitSheet } from './addresses';
import type { NameModel } from './model';
import { ClientObject, FilledCollectionProxy, InMemoryExcelError, Resolver, invalid } from './proxyBase';
import { RangeProxy } from './ranges';
import type { RequestContext } from './workbook';
import { WorksheetProxy } from './worksheets';

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export function validateDefinedName(name: string): void {
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
