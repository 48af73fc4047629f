/**
 * The base of the in-memory Excel JavaScript API's proxy objects (workbook.ts, worksheets.ts,
 * ranges.ts, rangeFormat.ts, conditionalFormats.ts, names.ts, tables.ts, charts.ts; api.ts
 * re-exports them): the error Excel throws, loading and PropertyNotLoaded, the resolution of an
 * object when its batch runs, and the protection check every write makes. Split from api.ts so
 * that a family of proxies can live in a file of its own.
 */
import { boxAddress, boxSize } from './addresses';
import type { Box, SheetModel } from './model';
import type { RequestContext } from './workbook';

export class InMemoryExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export const notFound = (what: string) => new InMemoryExcelError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
export const invalid = (message: string) => new InMemoryExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${message}`);

export type Op = () => void;

export const notLoaded = (prop: string) =>
  new InMemoryExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export type LoadSpec = string | string[] | { select?: string | string[] } | Record<string, unknown> | undefined;

/** The top-level property names of a load spec; null for "everything". */
export function loadProps(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  let list: string[];
  if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec;
  else if ('select' in spec && spec.select !== undefined) list = typeof spec.select === 'string' ? spec.select.split(',') : (spec.select as string[]);
  else list = Object.keys(spec);
  return list.map((p) => p.trim()).filter(Boolean);
}

export abstract class ClientObject {
  protected readonly known = new Map<string, unknown>();
  constructor(protected readonly ctx: RequestContext) {}

  get context(): RequestContext {
    return this.ctx;
  }

  protected read<T>(prop: string): T {
    if (!this.known.has(prop)) throw notLoaded(prop);
    return this.known.get(prop) as T;
  }

  protected write(prop: string, value: unknown, apply: Op): void {
    this.known.set(prop, value);
    this.ctx.queue(apply);
  }

  /** Like every property, known only after a load (or a getItemOrNullObject) and a sync (Office.js: throwIfNotLoaded("isNullObject")). */
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** Child objects a load can reach with a path ("fill/color" on a RangeFormat). */
  protected navigation(): Record<string, ClientObject> {
    return {};
  }

  /** Hands "child/property" paths to the child's own load; returns the rest (null: everything). */
  protected delegateNavigation(props: string[] | null): string[] | null {
    if (props === null) return null;
    const children = this.navigation();
    return props.filter((p) => {
      const [top, ...rest] = p.split('/');
      const child = children[top];
      if (!child) return true;
      child.load(rest.length > 0 ? rest.join('/') : undefined);
      return false;
    });
  }

  load(spec?: LoadSpec): this {
    const props = this.delegateNavigation(loadProps(spec));
    this.ctx.queueLoad(() => {
      const all = this.snapshot();
      if (all === null) {
        this.known.set('isNullObject', true);
        return;
      }
      this.known.set('isNullObject', false);
      for (const [key, value] of Object.entries(all)) {
        const top = props === null ? key : props.find((p) => p === key || p.startsWith(`${key}/`));
        if (props === null || top) this.known.set(key, value);
      }
      if (props) for (const p of props) if (!(p.split('/')[0] in all)) throw invalid(`unknown property '${p}' on ${this.constructor.name.replace('Proxy', '')}`);
    });
    return this;
  }

  /** The loadable scalar properties, read from the model at sync; null for a null object. */
  protected abstract snapshot(): Record<string, unknown> | null;

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.known);
  }
}

/** Resolves the model an object stands for, when the batch runs (cached on first success). */
export class Resolver<T> {
  private cached: T | null | undefined;
  constructor(
    private readonly find: () => T | null,
    private readonly describe: string,
    private readonly stillValid: (value: T) => boolean = () => true,
  ) {}
  orNull(): T | null {
    if (this.cached !== undefined && this.cached !== null && this.stillValid(this.cached)) return this.cached;
    const found = this.find();
    if (found !== null) this.cached = found;
    return found;
  }
  get(): T {
    const found = this.orNull();
    if (found === null) throw notFound(this.describe);
    return found;
  }
}

/**
 * A collection whose load reads `count` and fills every item with all its properties
 * (names, tables, charts): the members are read from the model when the batch runs.
 */
export abstract class FilledCollectionProxy<Member, Item extends { fillAll(): void }> extends ClientObject {
  private itemsList: Item[] | null = null;
  /** The models in this collection, read when the batch runs. */
  protected abstract members(): Member[];
  /** The proxy standing for one member. */
  protected abstract itemFor(member: Member): Item;
  protected snapshot(): Record<string, unknown> {
    return { count: this.members().length };
  }
  get items(): Item[] {
    if (!this.itemsList) return this.read('items');
    return this.itemsList;
  }
  get count(): number {
    return this.read('count');
  }
  override load(spec?: LoadSpec): this {
    this.ctx.queueLoad(() => {
      const members = this.members();
      this.known.set('count', members.length);
      this.itemsList = members.map((member) => {
        const proxy = this.itemFor(member);
        proxy.fillAll();
        return proxy;
      });
    });
    void spec;
    return this;
  }
}

/** `OfficeExtension.ClientResult`: its value is known after the sync, and reading it earlier throws. */
export class ClientResult<T> {
  private settled = false;
  private result: T | undefined;
  resolve(value: T): void {
    this.result = value;
    this.settled = true;
  }
  get value(): T {
    if (!this.settled) throw notLoaded('value');
    return this.result as T;
  }
}

/**
 * Refuses a change to locked cells of a protected sheet with AccessDenied, as Excel does (every
 * cell is locked until `format.protection.locked = false`; "Protect a worksheet" on Microsoft
 * support; Excel.WorksheetProtection in the API reference; a write to a locked cell answers
 * AccessDenied, microsoftgraph/microsoft-graph-docs#4546, the same Excel service).
 */
export function assertEditable(sheet: SheetModel, box: Box, what: string): void {
  if (!sheet.protected) return;
  const { rows, columns } = boxSize(box);
  let locked = rows * columns > 200_000; // cells never touched are locked, so a huge range always holds one
  for (let r = box.r0; !locked && r <= box.r1; r++) for (let c = box.c0; !locked && c <= box.c1; c++) locked = sheet.cell(r, c)?.style.locked !== false;
  if (locked) throw new InMemoryExcelError('AccessDenied', `You cannot perform the requested operation: ${what} on ${boxAddress(box)}, locked cells of the protected sheet "${sheet.name}".`);
}
