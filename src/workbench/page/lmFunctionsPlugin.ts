/**
 * Lets the workbench's HyperFormula compute =LM.* formulas with the functions the task pane
 * registered (CustomFunctions.associate, captured by CustomFunctionRegistry). The function
 * list and parameter shapes come from the built functions.json (the same metadata Excel reads),
 * so it must be registered before the in-memory workbook is created. Arguments arrive as Excel
 * passes them: a matrix (any[][]) for a "matrix" parameter, a scalar otherwise.
 *
 * A function that returns a Promise (LM.PORTFOLIO) leaves its cell busy while it computes, as
 * Excel shows #BUSY!; when the Promise settles, `onAsyncSettled` listeners hear the cell and the
 * page writes its formula again, and the recalculation reads the settled result (remembered by
 * formula cell and arguments) instead of calling again. HyperFormula has no asynchronous
 * functions (handsontable/hyperformula issue 1119) and no #BUSY! error: the busy cell is #N/A
 * with a message starting "#BUSY!".
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { CustomFunctionRegistry } from './customFunctions';
import { spilledArrays, type SpillRegistry } from './spills';

export interface FunctionsMetadata {
  functions: { id: string; name: string; parameters: { name: string; dimensionality?: string; optional?: boolean }[]; result?: { dimensionality?: string } }[];
}

type Plain = string | number | boolean | null;

/** HyperFormula's value as Excel would pass it to a custom function (empty cells as null). */
function plain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof CellError) return null;
  // Numbers with a format (dates, percents) are wrapped by HyperFormula: unwrap them.
  const wrapped = value as { val?: unknown };
  if (typeof wrapped.val === 'number') return wrapped.val;
  return String(value);
}

const ERROR_TYPES: Record<string, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
};

/**
 * A CustomFunctions.Error (code "#NUM!"...) or any failure, as a cell error. Like Excel, the
 * message is kept only for #VALUE! and #N/A ("The #VALUE! and #N/A errors also support custom
 * error messages", Microsoft Learn, custom-functions-errors): #NUM! and #DIV/0! show bare.
 */
function cellErrorFrom(error: unknown): CellError {
  const e = error as { code?: string; message?: string };
  const code = ERROR_TYPES[e?.code ?? ''] ? (e.code as string) : '#VALUE!';
  const message = e?.message ?? String(error);
  return code === '#VALUE!' || code === '#N/A' ? new CellError(ERROR_TYPES[code], message) : new CellError(ERROR_TYPES[code]);
}

/** A formula cell in HyperFormula's coordinates. */
export interface FormulaCell {
  sheet: number;
  row: number;
  col: number;
}

/** A call that returned a Promise: its arguments (as JSON) and, once settled, its outcome. */
interface AsyncCall {
  args: string;
  settled: boolean;
  failed: boolean;
  outcome: unknown;
}

const asyncCalls = new Map<string, AsyncCall>();
const settledListeners = new Set<(at: FormulaCell) => void>();

/** Hears each formula cell whose asynchronous call has settled (the page recalculates it). */
export function onAsyncSettled(listener: (at: FormulaCell) => void): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

type Outcome = { busy: true } | { busy: false; failed: boolean; value: unknown };

/**
 * Calls the function, or answers from a settled asynchronous call with the same arguments in the
 * same cell; a new Promise is remembered and its cell reported when it settles.
 */
function callOrRecall(id: string, custom: (...args: unknown[]) => unknown, args: unknown[], at: FormulaCell | undefined): Outcome {
  const key = `${id}@${at ? `${at.sheet}:${at.row}:${at.col}` : '?'}`;
  const argsKey = JSON.stringify(args);
  const known = asyncCalls.get(key);
  if (known && known.args === argsKey) return known.settled ? { busy: false, failed: known.failed, value: known.outcome } : { busy: true };
  const result = custom(...args);
  if (!result || typeof (result as { then?: unknown }).then !== 'function') return { busy: false, failed: false, value: result };
  const call: AsyncCall = { args: argsKey, settled: false, failed: false, outcome: undefined };
  asyncCalls.set(key, call);
  const settle = (failed: boolean, outcome: unknown) => {
    Object.assign(call, { settled: true, failed, outcome });
    if (at && asyncCalls.get(key) === call) settledListeners.forEach((listener) => listener(at));
  };
  (result as PromiseLike<unknown>).then(
    (value) => settle(false, value),
    (error: unknown) => settle(true, error),
  );
  return { busy: true };
}

/** Registers one HyperFormula plugin with every LM function of `metadata`. Call once, before building any HyperFormula. */
export function registerLmFunctions(metadata: FunctionsMetadata, registry: CustomFunctionRegistry, spills: SpillRegistry = spilledArrays): string[] {
  class LmFunctionsPlugin extends FunctionPlugin {}
  const implemented: Record<string, { method: string; parameters: { argumentType: FunctionArgumentType; optionalArg?: boolean }[] }> = {};
  const translations: Record<string, string> = {};
  for (const fn of metadata.functions) {
    const name = `LM.${fn.name}`.toUpperCase();
    const method = `lm_${fn.id}`;
    implemented[name] = {
      method,
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(p.optional) })),
    };
    translations[name] = name;
    (LmFunctionsPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: FunctionPlugin, ast: unknown, state: unknown) {
      const self = this as unknown as { runFunction: (...a: unknown[]) => unknown; metadata: (n: string) => unknown };
      const at = (state as { formulaAddress?: { sheet: number; row: number; col: number } }).formulaAddress;
      const recordSpill = (array: Plain[][] | null) => {
        if (at) spills.record(at.sheet, at.row, at.col, array);
      };
      return self.runFunction((ast as { args: unknown }).args, state, self.metadata(name), (...args: unknown[]) => {
        recordSpill(null);
        const custom = registry.get(fn.id);
        if (!custom) return new CellError(ErrorType.NAME, `LM.${fn.name} is registered when the task pane has loaded`);
        const converted = args.map((arg, i) => {
          const matrix = fn.parameters[i]?.dimensionality === 'matrix';
          if (arg instanceof SimpleRangeValue) {
            const data = arg.data.map((row) => row.map(plain));
            return matrix ? data : data[0]?.[0] ?? null;
          }
          if (arg === undefined) return undefined;
          return matrix ? [[plain(arg)]] : plain(arg);
        });
        try {
          const outcome = callOrRecall(fn.id, custom, converted, at);
          if (outcome.busy) return new CellError(ErrorType.NA, `#BUSY! LM.${fn.name} is still computing`);
          if (outcome.failed) return cellErrorFrom(outcome.value);
          const result = outcome.value;
          if (Array.isArray(result)) {
            // An array: the cell holds its top-left value and the grid spills the rest (see spills.ts).
            const rows = (result as unknown[]).map((row) => (Array.isArray(row) ? row.map(plain) : [plain(row)]));
            if (rows.length === 0 || rows[0].length === 0) return new CellError(ErrorType.VALUE, `LM.${fn.name} returned an empty table`);
            recordSpill(rows);
            return rows[0][0];
          }
          return (result ?? null) as Plain;
        } catch (error) {
          return cellErrorFrom(error);
        }
      });
    };
  }
  (LmFunctionsPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(LmFunctionsPlugin as never, { enGB: translations } as never);
  return Object.keys(implemented);
}
