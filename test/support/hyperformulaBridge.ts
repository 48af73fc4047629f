/**
 * Runs custom functions inside HyperFormula the way Excel calls them, so that tests (and later
 * the in-browser workbench) can write `=LM.DTI(B1:B3, B4)` in cells and check what the cells show.
 *
 * What the bridge reproduces of Excel's calling convention (shared runtime, `any` parameters):
 * - a matrix parameter gets a 2-D array (a single value as `[[x]]`), blank cells as `""`;
 * - a scalar parameter gets the value, a blank cell or an omitted optional argument `null`;
 * - an argument that is an error value propagates without calling the function (Excel does so
 *   unless the metadata's `allowErrorForDataTypeAny` opts in: then the function receives the
 *   error as an error cell value, `{ type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }`,
 *   the shape of Excel.ErrorCellValue);
 * - a thrown `CustomFunctions.Error` becomes the cell error of the same code, with its message
 *   only for #VALUE! and #N/A: Excel shows no custom message with any other code ("The #VALUE!
 *   and #N/A errors also support custom error messages", Microsoft Learn, custom-functions-errors);
 * - a matrix result spills;
 * - a function that returns a Promise (LM.PORTFOLIO) leaves its cell busy until the Promise
 *   settles, as Excel shows #BUSY! meanwhile; `workbook(...).settle()` waits for every pending
 *   call and recalculates, and the call's cell then shows what the Promise gave. HyperFormula has
 *   no asynchronous functions (handsontable/hyperformula issue 1119) and no #BUSY! error: the
 *   busy cell is #N/A with a message starting "#BUSY!", and a settled result is remembered by
 *   formula cell and arguments, so the recalculation reads it without calling the function again.
 * HyperFormula sizes a spill when it parses the formula, before any argument is known, so every
 * function with a matrix result declares its size from the shape of its arguments (`resultSize`).
 *
 * No test-only dependency: HyperFormula and the function implementations only; the
 * `CustomFunctions` global must exist (Excel's, or the shim in customFunctionsShim.ts).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';

/** A formula argument as HyperFormula parsed it (what `resultSize` may look at). */
export interface ArgumentNode {
  type: string;
  value?: unknown;
}

export interface BridgedParameter {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}

export interface BridgedFunction {
  /** The id and name of the metadata, e.g. "DTI" (called as NAMESPACE.DTI). */
  id: string;
  parameters: BridgedParameter[];
  /** 'matrix' when the function returns a 2-D array that spills. */
  resultDimensionality?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cells arrive untyped, as in Excel.
  implementation: (...args: any[]) => unknown;
  /** True when the metadata has `allowErrorForDataTypeAny`: error cells reach the function as error cell values. */
  receivesErrors?: boolean;
  /** The spill size for a matrix result, from the parsed arguments (their count and literals). */
  resultSize?: (args: ArgumentNode[]) => { rows: number; columns: number };
}

const ERROR_TYPES: Record<string, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#REF!': ErrorType.REF,
  '#NULL!': ErrorType.ERROR,
};

type Raw = number | string | boolean | null;

/** Excel.ErrorCellValue's errorType for each error code (office-js ErrorCellValueType). */
const ERROR_CELL_TYPES: Record<string, string> = {
  [ErrorType.VALUE]: 'Value',
  [ErrorType.DIV_BY_ZERO]: 'Div0',
  [ErrorType.NUM]: 'Num',
  [ErrorType.NA]: 'NotAvailable',
  [ErrorType.NAME]: 'Name',
  [ErrorType.REF]: 'Ref',
  [ErrorType.ERROR]: 'Null',
};

/** An error cell as a function with `allowErrorForDataTypeAny` receives it (Excel.ErrorCellValue's shape). */
export function errorCellValue(error: CellError): { type: 'Error'; basicType: 'Error'; basicValue: string; errorType: string } {
  const code = Object.entries(ERROR_TYPES).find(([, type]) => type === error.type)?.[0] ?? '#VALUE!';
  return { type: 'Error', basicType: 'Error', basicValue: code, errorType: ERROR_CELL_TYPES[error.type] ?? 'Value' };
}

/** The codes whose custom message Excel displays. */
const CODES_WITH_MESSAGE = new Set(['#VALUE!', '#N/A']);

/** A cell value as Excel hands it to a function: plain numbers (no formats), blanks as `blank`. */
function excelValue(value: unknown, blank: Raw): Raw | CellError {
  if (value === EmptyValue || value === undefined || value === null) return blank;
  if (value instanceof CellError) return value;
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: number }).val; // a formatted number (percent, currency, date)
  return value as Raw;
}

function firstError(values: (Raw | CellError)[]): CellError | undefined {
  return values.find((v): v is CellError => v instanceof CellError);
}

/** Converts what a function threw or returned into what the cell shows. */
function cellError(error: unknown): CellError {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    const { code, message } = error as { code: string; message?: string };
    const type = ERROR_TYPES[code];
    // Excel drops the message of every code but #VALUE! and #N/A: so does the bridge.
    if (type) return CODES_WITH_MESSAGE.has(code) && message !== undefined && message !== code ? new CellError(type, message) : new CellError(type);
  }
  throw error; // not a cell error: a defect, let the test see it
}

function resultValue(value: unknown, dimensionality: string | undefined): SimpleRangeValue | Raw | CellError {
  if (dimensionality === 'matrix') {
    if (!Array.isArray(value)) throw new Error(`a matrix function returned ${JSON.stringify(value)}`);
    const rows = (value as unknown[][]).map((row) =>
      row.map((cell) => (cell instanceof Error ? cellError(cell) : cell === null || cell === undefined ? '' : (cell as Raw))),
    );
    return SimpleRangeValue.onlyValues(rows as never);
  }
  if (value instanceof Error) return cellError(value);
  return value as Raw;
}

/** A call that returned a Promise: the arguments it was given (as JSON) and, once settled, its outcome. */
interface AsyncCall {
  args: string;
  settled: boolean;
  failed: boolean;
  outcome: unknown;
}

/** Asynchronous calls by function and formula cell; a settled one answers the recalculation that `settle()` runs. */
const asyncCalls = new Map<string, AsyncCall>();
/** Promises not yet settled (what `settle()` waits for). */
const pendingCalls = new Set<Promise<void>>();

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** The cell of a call still computing: Excel's #BUSY!, as #N/A with that message (HyperFormula has no #BUSY!). */
function busy(name: string): CellError {
  return new CellError(ErrorType.NA, `#BUSY! ${name} is still computing`);
}

/** The result of a call, or its cell while a Promise it returned is pending (see the header). */
function callResult(fn: BridgedFunction, name: string, args: unknown[], at: { sheet: number; row: number; col: number } | undefined): SimpleRangeValue | Raw | CellError {
  const callKey = `${name}@${at ? `${at.sheet}:${at.row}:${at.col}` : '?'}`;
  const argsKey = JSON.stringify(args);
  const known = asyncCalls.get(callKey);
  if (known && known.args === argsKey) {
    if (!known.settled) return busy(name);
    return known.failed ? cellError(known.outcome) : resultValue(known.outcome, fn.resultDimensionality);
  }
  const result = fn.implementation(...args);
  if (!isThenable(result)) return resultValue(result, fn.resultDimensionality);
  const call: AsyncCall = { args: argsKey, settled: false, failed: false, outcome: undefined };
  asyncCalls.set(callKey, call);
  const settling = Promise.resolve(result).then(
    (value) => Object.assign(call, { settled: true, outcome: value }),
    (error: unknown) => Object.assign(call, { settled: true, failed: true, outcome: error }),
  );
  const tracked: Promise<void> = settling.then(() => {
    pendingCalls.delete(tracked);
  });
  pendingCalls.add(tracked);
  return busy(name);
}

let pluginCount = 0;

/**
 * Registers the functions as `NAMESPACE.ID` (e.g. LM.DTI) in HyperFormula's function registry
 * (global to HyperFormula: do it once per process; `registerFunctionsOnce` guards that).
 * HyperFormula accepts dotted names (its own CHISQ.DIST is one); each needs a translation entry.
 */
export function registerFunctions(namespace: string, functions: BridgedFunction[]): void {
  class CustomFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};
  }
  const prototype = CustomFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  const translations: Record<string, string> = {};

  for (const fn of functions) {
    const name = `${namespace}.${fn.id}`.toUpperCase();
    const method = `call_${fn.id}`;
    const sizeMethod = `size_${fn.id}`;
    translations[name] = name;
    CustomFunctionsPlugin.implementedFunctions[name] = {
      method,
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(p.optional) })),
      vectorizationForbidden: true,
      ...(fn.resultDimensionality === 'matrix' ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };

    prototype[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // runFunction checks the argument count and evaluates the arguments (protected API of FunctionPlugin).
      const plugin = this as unknown as { runFunction: (...a: unknown[]) => unknown; metadata: (n: string) => unknown };
      return plugin.runFunction(ast.args, state, plugin.metadata(name), (...args: unknown[]) => {
        const excelArgs: unknown[] = [];
        for (let i = 0; i < args.length; i++) {
          const matrix = fn.parameters[i]?.dimensionality === 'matrix';
          const arg = args[i];
          if (arg === undefined) {
            excelArgs.push(null); // an omitted optional argument
          } else if (arg instanceof SimpleRangeValue) {
            const grid = arg.rawData().map((row) => row.map((cell) => excelValue(cell, '')));
            const error = firstError(grid.flat());
            if (error && !fn.receivesErrors) return error;
            excelArgs.push(grid.map((row) => row.map((cell) => (cell instanceof CellError ? errorCellValue(cell) : cell))));
          } else {
            const value = excelValue(arg, matrix ? '' : null);
            if (value instanceof CellError && !fn.receivesErrors) return value;
            const passed = value instanceof CellError ? errorCellValue(value) : value;
            excelArgs.push(matrix ? [[passed]] : passed);
          }
        }
        try {
          return callResult(fn, name, excelArgs, (state as { formulaAddress?: { sheet: number; row: number; col: number } }).formulaAddress);
        } catch (error) {
          return cellError(error);
        }
      });
    };
    prototype[sizeMethod] = function (ast: { args: ArgumentNode[] }) {
      if (!fn.resultSize) return ArraySize.scalar();
      const { rows, columns } = fn.resultSize(ast.args);
      return new ArraySize(columns, rows);
    };
  }

  Object.defineProperty(CustomFunctionsPlugin, 'name', { value: `${namespace}FunctionsPlugin${++pluginCount}` });
  HyperFormula.registerFunctionPlugin(CustomFunctionsPlugin, { enGB: translations });
}

const registered = new Set<string>();

/** Registers each `NAMESPACE.ID` at most once per process. */
export function registerFunctionsOnce(namespace: string, functions: BridgedFunction[]): void {
  const fresh = functions.filter((fn) => !registered.has(`${namespace}.${fn.id}`.toUpperCase()));
  if (fresh.length === 0) return;
  registerFunctions(namespace, fresh);
  for (const fn of fresh) registered.add(`${namespace}.${fn.id}`.toUpperCase());
}

type Rows = (string | number | boolean | null)[][];

/** A workbook of named sheets, values read by A1 address on a sheet; see `workbook`. */
export interface BridgeWorkbook {
  hf: HyperFormula;
  /** The value of a cell: `value('B3')` on the first sheet, `value('B3', 'Tape')` on another. */
  value: (a1: string, sheetName?: string) => unknown;
  /** Waits for the asynchronous calls and recalculates, until none is pending. */
  settle: () => Promise<void>;
}

/**
 * A workbook of several named sheets (formulas may refer to each other's cells, as
 * `='Case Input'!A4:B80` does); the first sheet is the default of `value`.
 */
export function workbookOfSheets(sheets: Record<string, Rows>): BridgeWorkbook {
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', language: 'enGB' });
  const firstSheet = Object.keys(sheets)[0];
  return {
    hf,
    async settle() {
      while (pendingCalls.size > 0) {
        await Promise.all([...pendingCalls]);
        hf.rebuildAndRecalculate();
      }
    },
    value(a1: string, sheetName = firstSheet) {
      const sheet = hf.getSheetId(sheetName);
      if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
      const address = hf.simpleCellAddressFromString(a1, sheet);
      if (!address) throw new Error(`bad address ${a1}`);
      return hf.getCellValue(address);
    },
  };
}

/**
 * A one-sheet workbook from rows of cell contents (formulas as "=..."); values read by A1 address.
 * `settle()` waits for the asynchronous calls and recalculates, until none is pending.
 */
export function workbook(rows: Rows): BridgeWorkbook {
  return workbookOfSheets({ Sheet1: rows });
}
