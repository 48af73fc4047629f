/**
 * Argument coercion for the LM custom functions: what Excel passes in, turned into the values
 * the engine takes, or an `ArgumentError` naming the argument (as the user sees it in the
 * function's tooltip, e.g. `housing_expense`) and the fix. Bad input is #VALUE! (or the error
 * value the cell already held): those are the codes whose message Excel shows.
 *
 * How Excel passes values (shared runtime, parameters typed `any` so that we, not Excel, word
 * the error): a number cell is a number, a text cell a string, a blank cell in a range `""`,
 * an omitted optional argument `null` or `undefined`, a range a 2-D array (`any[][]`, a single
 * value arriving as `[[x]]`). Text is never read as a number: "1,913" may be a typo, and the
 * engine never guesses.
 *
 * Data types: functions.json has `allowCustomDataForDataTypeAny` (the metadata generator sets
 * it) and `allowErrorForDataTypeAny`, so an `any` parameter can receive a cell value object
 * (Microsoft Learn, "Use data types with custom functions in Excel", custom-functions-data-types-concepts;
 * shapes of Excel.CellValue in office-js). `plainCell` reads them:
 * - FormattedNumber and Double: their `basicValue` number (the format is only how it shows);
 *   String and Boolean likewise, Empty as blank;
 * - Error: the error is passed on with its own code (as Excel's own functions do);
 * - Entity, LinkedEntity (Stocks, Geography...), WebImage, Array and any other: #VALUE! saying
 *   a data type was given and what to pass instead.
 */
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { ArgumentError, percentTypedAsNumberMessage } from '../engine/errors';
import { Decimal, ZERO, dec } from '../engine/money';

/** What one cell can hold as Excel passes it. */
export type CellValue = number | string | boolean | null | undefined;

/** An error value that an argument held (#DIV/0!, #REF!...): the function's cell shows the same error. */
export class PassedErrorValue extends Error {
  readonly code: string;
  readonly argument: string;
  constructor(code: string, argument: string) {
    super(`${argument} holds ${code}`);
    this.name = 'PassedErrorValue';
    this.code = code;
    this.argument = argument;
  }
}

const ERROR_CODES = ['#VALUE!', '#DIV/0!', '#NUM!', '#N/A', '#NAME?', '#REF!', '#NULL!'];

/** True for a cell value object of a data type (not a plain number, text, boolean or blank). */
export function isCellValueObject(cell: unknown): cell is Record<string, unknown> {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell);
}

/** What a data type is, in the user's words. */
function dataTypeName(type: unknown): string {
  if (type === 'LinkedEntity') return 'a linked data type (Stocks, Geography…)';
  if (type === 'Entity') return 'an entity data type (a card value)';
  if (type === 'WebImage' || type === 'LocalImage') return 'an image';
  if (type === 'Array') return 'an array data type';
  return 'a data type value';
}

/**
 * One cell as a plain value (see the header for data types). `expected` words what to pass,
 * e.g. "a number or a cell with a number".
 */
export function plainCell(cell: unknown, name: string, expected: string): CellValue {
  if (!isCellValueObject(cell)) return cell as CellValue;
  const type = cell.type;
  const basic = cell.basicValue;
  if ((type === 'FormattedNumber' || type === 'Double') && typeof basic === 'number') return basic;
  if (type === 'String' && typeof basic === 'string') return basic;
  if (type === 'Boolean' && typeof basic === 'boolean') return basic;
  if (type === 'Empty') return null;
  if (type === 'Error') {
    const code = typeof basic === 'string' && ERROR_CODES.includes(basic) ? basic : '#VALUE!';
    throw new PassedErrorValue(code, name);
  }
  if (typeof cell.code === 'string' && ERROR_CODES.includes(cell.code)) throw new PassedErrorValue(cell.code, name);
  throw new ArgumentError(name, `${name}: ${dataTypeName(type)} was given; pass ${expected}`);
}

const A_NUMBER = 'a number or a cell with a number';

/** True for an omitted argument or a blank cell. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (isCellValueObject(value) && value.type === 'Empty');
}

/** Quotes a cell value for a message: text in quotes, the rest as Excel shows it. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the text "${value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** The cells of a value that may be a scalar, a 1-D list or a 2-D range, in reading order. */
export function cellsOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  return value.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** A single cell: a range of exactly one cell is read as that cell; a larger range is an error. */
export function singleCell(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  const cells = cellsOf(value);
  if (cells.length === 1) return cells[0];
  throw new ArgumentError(name, `${name} must be a single cell, not a range of ${cells.length} cells`);
}

export interface AmountOptions {
  /** What to type, shown when a required argument is blank, e.g. "the gross monthly income". */
  hint?: string;
  /** Zero allowed (default true). */
  allowZero?: boolean;
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/** One cell's number, validated: finite, not negative (amounts and counts are never negative here). */
function numberCell(raw: unknown, name: string): number {
  const cell = plainCell(raw, name, A_NUMBER);
  if (typeof cell !== 'number') throw new ArgumentError(name, `${name} must be a number, not ${describeValue(cell)}`);
  if (!Number.isFinite(cell)) throw new ArgumentError(name, `${name} must be a finite number`);
  if (cell < 0) throw new ArgumentError(name, `${name} must not be negative (${cell}); enter the amount as a positive number`);
  return cell;
}

/** An amount in dollars, at most BOUNDS.maxAmount. */
function amountCell(raw: unknown, name: string): number {
  const n = numberCell(raw, name);
  if (n > BOUNDS.maxAmount) throw new ArgumentError(name, `${name} ${n} is beyond any loan's figures (at most ${grouped(BOUNDS.maxAmount)}): check the cell`);
  return n;
}

/**
 * A sum of dollars: a number or a range of numbers, blanks ignored (as Excel's SUM ignores
 * them). Text, TRUE/FALSE, a negative number or a data type anywhere is an error naming the
 * argument. Returns `null` when every cell is blank (the caller decides whether that is allowed).
 */
export function sumOfAmounts(value: unknown, name: string): Decimal | null {
  let total: Decimal | null = null;
  for (const cell of cellsOf(value)) {
    if (isBlank(cell)) continue;
    total = (total ?? ZERO).plus(dec(amountCell(cell, name)));
  }
  if (total !== null && total.greaterThan(BOUNDS.maxAmount)) {
    throw new ArgumentError(name, `${name} adds up to ${total.toString()}, beyond any loan's figures (at most ${grouped(BOUNDS.maxAmount)}): check the range`);
  }
  return total;
}

/** A required sum of dollars (see `sumOfAmounts`); blank is an error saying what to enter. */
export function requiredAmount(value: unknown, name: string, options: AmountOptions = {}): Decimal {
  const total = sumOfAmounts(value, name);
  if (total === null) throw new ArgumentError(name, `${name} is blank: enter ${options.hint ?? 'a number or a range of numbers'}`);
  if (options.allowZero === false && total.isZero()) throw new ArgumentError(name, `${name} must be greater than 0`);
  return total;
}

/** An optional sum of dollars: blank or omitted gives `null`. */
export function optionalAmount(value: unknown, name: string): Decimal | null {
  return sumOfAmounts(value, name);
}

/** A single-cell, non-negative amount in dollars (a balance, a payment, a value). */
export function requiredNumber(value: unknown, name: string, options: AmountOptions = {}): number {
  const cell = singleCell(value, name);
  if (isBlank(cell)) throw new ArgumentError(name, `${name} is blank: enter ${options.hint ?? 'a number'}`);
  const n = amountCell(cell, name);
  if (options.allowZero === false && n === 0) throw new ArgumentError(name, `${name} must be greater than 0`);
  return n;
}

/** An optional single-cell, non-negative amount: blank or omitted gives `null`. */
export function optionalNumber(value: unknown, name: string): number | null {
  const cell = singleCell(value, name);
  return isBlank(cell) ? null : amountCell(cell, name);
}

/** A whole number from `min` to `max` (a term in months, a count of days or persons). */
export function requiredWholeNumber(value: unknown, name: string, min: number, max: number, hint?: string): number {
  const cell = singleCell(value, name);
  if (isBlank(cell)) throw new ArgumentError(name, `${name} is blank: enter ${hint ?? 'a whole number'}`);
  const n = numberCell(cell, name);
  if (!Number.isInteger(n)) throw new ArgumentError(name, `${name} must be a whole number, not ${n}`);
  if (n < min) throw new ArgumentError(name, `${name} must be ${min} or more, not ${n}`);
  if (n > max) throw new ArgumentError(name, `${name} must be at most ${grouped(max)}, not ${grouped(n)}`);
  return n;
}

/** An optional whole number (see `requiredWholeNumber`): blank or omitted gives `null`. */
export function optionalWholeNumber(value: unknown, name: string, min: number, max: number): number | null {
  return isBlank(singleCell(value, name)) ? null : requiredWholeNumber(value, name, min, max);
}

/**
 * A rate or a share as a fraction from 0 to 1 (an annual rate, a commission, a discount). A
 * value above 1 is a percent typed as a number (engine.md section 1): rejected with
 * "rate 4.75 looks like a percent: enter 4.75% or 0.0475".
 */
export function optionalRate(value: unknown, name: string): number | null {
  const cell = singleCell(value, name);
  if (isBlank(cell)) return null;
  const n = numberCell(cell, name);
  if (n > 1) throw new ArgumentError(name, percentTypedAsNumberMessage(name, n));
  return n;
}

export function requiredRate(value: unknown, name: string): number {
  const rate = optionalRate(value, name);
  if (rate === null) throw new ArgumentError(name, `${name} is blank: enter the annual rate, e.g. 4.75% or 0.0475`);
  return rate;
}

/**
 * A payment cap as a ratio of the contractual payment, above 1 (150% or 1.5). Above
 * BOUNDS.maxPaymentCapRatio it is a percent typed as a number (150 for 150%).
 */
export function optionalPaymentCap(value: unknown, name: string): number | null {
  const cell = singleCell(value, name);
  if (isBlank(cell)) return null;
  const n = numberCell(cell, name);
  if (n > BOUNDS.maxPaymentCapRatio) throw new ArgumentError(name, percentTypedAsNumberMessage(name, n));
  if (n <= 1) throw new ArgumentError(name, `${name} must be above 100% (e.g. 150% or 1.5), not ${n}`);
  return n;
}

/** TRUE or FALSE; blank gives `null`. */
export function optionalBoolean(value: unknown, name: string): boolean | null {
  const cell = plainCell(singleCell(value, name), name, 'TRUE or FALSE');
  if (isBlank(cell)) return null;
  if (typeof cell !== 'boolean') throw new ArgumentError(name, `${name} must be TRUE or FALSE, not ${describeValue(cell)}`);
  return cell;
}

/** Optional text, trimmed; a number is an error (a field name or a program is never a number). */
export function optionalText(value: unknown, name: string): string | null {
  const cell = plainCell(singleCell(value, name), name, 'text or a cell with text');
  if (isBlank(cell)) return null;
  if (typeof cell !== 'string') throw new ArgumentError(name, `${name} must be text, not ${describeValue(cell)}`);
  const text = cell.trim();
  return text === '' ? null : text;
}

export function requiredText(value: unknown, name: string, hint: string): string {
  const text = optionalText(value, name);
  if (text === null) throw new ArgumentError(name, `${name} is blank: enter ${hint}`);
  return text;
}
