/**
 * An in-memory implementation of the part of the Excel JavaScript API the add-in uses, for the
 * Jest tests and the in-browser workbench. `Excel.run` gives a RequestContext whose `sync()`
 * counts round trips; formulas are computed by HyperFormula. See docs/sheets.md for what is
 * covered and where it deviates from Excel.
 */
import { cellAddress, columnLetter } from '../../summary/sheetPlan';
import { boxAddress, parseBox, splitSheet } from './addresses';
import { InMemoryExcelError, RequestContext, sheetPrefix } from './api';
import { conditionalFormatsOf } from './conditionalFormats';
import { formatValue } from './format';
import { WorkbookModel, type Scalar, type SheetModel, type StyleModel } from './model';
import { DEFAULT_API_LEVEL, requirementSupport, type ApiLevel } from './requirementSets';

export { InMemoryExcelError, RequestContext } from './api';
export { WorkbookModel } from './model';

export interface CellSnapshot {
  value: Scalar;
  /** What Excel would display (number format applied). */
  text: string;
  formula?: string;
  numberFormat: string;
  style: StyleModel;
}

export interface SheetSnapshot {
  name: string;
  id: string;
  position: number;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  frozenRows: number;
  frozenColumns: number;
  /** "A1:K80", or null for an empty sheet. */
  usedRange: string | null;
  rowCount: number;
  columnCount: number;
  /** Every non-empty or formatted cell by A1 address. */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  /** Column widths in points by column letter (only the ones set). */
  columnWidths: Record<string, number>;
  /** Row heights in points by 1-based row number (only the ones set). */
  rowHeights: Record<string, number>;
  tables: { name: string; address: string; headers: string[]; style: string }[];
  charts: { name: string; type: string; title: string; sourceAddress: string; seriesBy: string; topLeft: string | null; bottomRight: string | null }[];
  validations: { address: string; list: string[] | null; rule: unknown }[];
  /** Conditional formats in priority order (the first wins). */
  conditionalFormats: ReturnType<typeof conditionalFormatsOf>;
  /** Names scoped to this sheet, and workbook names pointing at it. */
  names: { name: string; formula: string; comment: string; scope: 'Workbook' | 'Worksheet' }[];
  pageLayout: SheetModel['pageLayout'];
  protected: boolean;
}

export interface InMemoryExcel {
  /** The `Excel` namespace: `run`, enums, error codes. */
  Excel: ExcelNamespace;
  /** A minimal `Office` namespace: onReady, context.document.settings, requirements. */
  Office: OfficeNamespace;
  workbook: WorkbookModel;
  /** Round trips (`context.sync()` calls, including the implicit one at the end of a run with pending work). */
  syncCount(): number;
  resetSyncCount(): void;
  sheetNames(): string[];
  getSheetSnapshot(name: string): SheetSnapshot | null;
  /** Calls `listener` after every sync; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Test and workbench helpers acting as the user (applied at once, not counted as syncs). */
  user: {
    addSheet(name: string): void;
    setCell(sheetName: string, address: string, value: Scalar | null): void;
    deleteSheet(name: string): void;
    renameSheet(oldName: string, newName: string): void;
    /** Selects a range (e.g. "A5:F5") and activates its sheet, as a click in Excel does. */
    select(sheetName: string, address: string): void;
  };
}

export interface ExcelNamespace {
  run<T>(batchOrObject: unknown, maybeBatch?: (context: RequestContext) => Promise<T>): Promise<T>;
  RequestContext: typeof RequestContext;
  ErrorCodes: Record<string, string>;
  [enumName: string]: unknown;
}

export interface OfficeNamespace {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (result: { status: string }) => void): void;
      };
    };
    requirements: { isSetSupported(name: string, version?: string): boolean };
    displayLanguage: string;
    host: string;
  };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  AsyncResultStatus: Record<string, string>;
  [name: string]: unknown;
}

const ENUMS = {
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerAcrossSelection: 'CenterAcrossSelection', distributed: 'Distributed' },
  VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' },
  ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', line: 'Line', pie: 'Pie', columnStacked: 'ColumnStacked' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks' },
  NamedItemType: { string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', range: 'Range', error: 'Error', array: 'Array' },
  ErrorCodes: {
    itemNotFound: 'ItemNotFound',
    itemAlreadyExists: 'ItemAlreadyExists',
    invalidArgument: 'InvalidArgument',
    invalidOperation: 'InvalidOperation',
    propertyNotLoaded: 'PropertyNotLoaded',
    generalException: 'GeneralException',
  },
};

/** `apiLevel`: what `Office.context.requirements.isSetSupported` answers (requirementSets.ts). */
export function createInMemoryExcel(options: { apiLevel?: ApiLevel } = {}): InMemoryExcel {
  const workbook = new WorkbookModel();
  workbook.addSheet('Sheet1');

  const Excel: ExcelNamespace = {
    ...ENUMS,
    RequestContext,
    async run<T>(batchOrObject: unknown, maybeBatch?: (context: RequestContext) => Promise<T>): Promise<T> {
      const batch = (typeof batchOrObject === 'function' ? batchOrObject : maybeBatch) as ((context: RequestContext) => Promise<T>) | undefined;
      if (!batch) throw new InMemoryExcelError('InvalidArgument', 'Excel.run needs a batch function');
      const context = new RequestContext(workbook);
      const result = await batch(context);
      // Like Office.js, whatever was queued after the last sync is sent at the end of the run.
      if (context.hasPending) await context.sync();
      return result;
    },
  };

  const Office: OfficeNamespace = {
    async onReady(callback) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return info;
    },
    context: {
      document: {
        settings: {
          get: (name) => (workbook.settings.has(name) ? workbook.settings.get(name) : null),
          set: (name, value) => void workbook.settings.set(name, JSON.parse(JSON.stringify(value))),
          remove: (name) => void workbook.settings.delete(name),
          saveAsync: (callback) => callback?.({ status: 'succeeded' }),
        },
      },
      requirements: requirementSupport(options.apiLevel ?? DEFAULT_API_LEVEL),
      displayLanguage: 'en-US',
      host: 'Excel',
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };

  const sheetOrThrow = (name: string): SheetModel => {
    const sheet = workbook.sheetByName(name);
    if (!sheet) throw new Error(`no worksheet "${name}"`);
    return sheet;
  };

  return {
    Excel,
    Office,
    workbook,
    syncCount: () => workbook.syncs,
    resetSyncCount: () => void (workbook.syncs = 0),
    sheetNames: () => workbook.sheets.map((s) => s.name),
    subscribe: (listener) => {
      workbook.listeners.add(listener);
      return () => void workbook.listeners.delete(listener);
    },
    getSheetSnapshot: (name) => {
      const sheet = workbook.sheetByName(name);
      return sheet ? snapshotOf(workbook, sheet) : null;
    },
    user: {
      addSheet: (name) => void workbook.addSheet(name),
      setCell: (sheetName, address, value) => {
        const sheet = sheetOrThrow(sheetName);
        const box = parseBox(address);
        if (!box) throw new Error(`not an address: ${address}`);
        const isFormula = typeof value === 'string' && value.startsWith('=');
        workbook.setContent(sheet, box.r0, box.c0, { formula: isFormula ? (value as string) : null, value: isFormula ? null : value });
      },
      deleteSheet: (name) => workbook.deleteSheet(sheetOrThrow(name)),
      renameSheet: (oldName, newName) => workbook.renameSheet(sheetOrThrow(oldName), newName),
      select: (sheetName, address) => {
        const sheet = sheetOrThrow(sheetName);
        const box = parseBox(address);
        if (!box) throw new Error(`not an address: ${address}`);
        workbook.selections.set(sheet.id, box);
        workbook.activeSheetId = sheet.id;
      },
    },
  };
}

function snapshotOf(workbook: WorkbookModel, sheet: SheetModel): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const used = sheet.usedBox(false);
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(':').map(Number);
    const value = workbook.computedValue(sheet, r, c);
    if (value === '' && cell.numberFormat === 'General' && Object.keys(cell.style).length === 0) continue;
    cells[cellAddress(r, c)] = {
      value,
      text: formatValue(value, cell.numberFormat),
      ...(cell.formula !== null ? { formula: cell.formula } : {}),
      numberFormat: cell.numberFormat,
      style: { ...cell.style },
    };
  }
  const prefix = `${sheetPrefix(sheet.name)}!`;
  const quoted = `'${sheet.name.replace(/'/g, "''")}'!`;
  return {
    name: sheet.name,
    id: sheet.id,
    position: workbook.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    showGridlines: sheet.showGridlines,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    usedRange: used ? boxAddress(used) : null,
    rowCount: used ? used.r1 + 1 : 0,
    columnCount: used ? used.c1 + 1 : 0,
    cells,
    merges: sheet.merges.map(boxAddress),
    columnWidths: Object.fromEntries([...sheet.columnWidths].map(([c, w]) => [columnLetter(c), w])),
    rowHeights: Object.fromEntries([...sheet.rowHeights].map(([r, h]) => [String(r + 1), h])),
    tables: workbook.tables
      .filter((t) => t.sheetId === sheet.id)
      .map((t) => ({
        name: t.name,
        address: boxAddress(t.box),
        headers: Array.from({ length: t.box.c1 - t.box.c0 + 1 }, (_, i) => String(workbook.computedValue(sheet, t.box.r0, t.box.c0 + i))),
        style: t.style,
      })),
    charts: sheet.charts.map((c) => ({ name: c.name, type: c.type, title: c.title, sourceAddress: c.sourceAddress, seriesBy: c.seriesBy, topLeft: c.topLeft, bottomRight: c.bottomRight })),
    validations: sheet.validations.map((v) => {
      const source = (v.rule as { list?: { source?: string } }).list?.source;
      return { address: boxAddress(v.box), list: typeof source === 'string' && !source.startsWith('=') ? source.split(',') : null, rule: JSON.parse(JSON.stringify(v.rule)) };
    }),
    conditionalFormats: conditionalFormatsOf(sheet),
    names: workbook.names
      .filter((n) => n.scopeSheetId === sheet.id || (n.scopeSheetId === null && (n.formula.includes(prefix) || n.formula.includes(quoted))))
      .map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, scope: n.scopeSheetId ? ('Worksheet' as const) : ('Workbook' as const) })),
    pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)),
    protected: sheet.protected,
  };
}

/** Sets `Excel` and `Office` on `target` (globalThis in tests, the task pane's window in the workbench). */
export function installGlobals(target: object = globalThis, host: InMemoryExcel = createInMemoryExcel()): InMemoryExcel {
  const t = target as Record<string, unknown>;
  t.Excel = host.Excel;
  t.Office = host.Office;
  return host;
}

export { splitSheet };
