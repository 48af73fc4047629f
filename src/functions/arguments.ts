/**
 * Argument coercion for the LM custom functions: what Excel passes in, turned into the values
 * the engine takes, or an `ArgumentError` naming the argument (as the user sees it in the
 * function's tooltip, e.g. `housing_expense`) and the fix.
 *
 * How Excel passes values (shared runtime, parameters typed `any` so that we, not Excel, word
 * the error): a number cell is a number, a text cell a string, a blank cell in a range `""`,
 * an omitted optional argument `null` or `undefined`, a range a 2-D array (`any[][]`, a single
 * value arriving as `[[x]]`). Text is never read as a number: "1,913" may be a typo, and the
 * engine never guesses.
 */
import { ArgumentError, percentTypedAsNumberMessage } from '../engine/errors';
import { Decimal, ZERO, dec } from '../engine/money';

/** What one cell can hold as Excel passes it. */
export type CellValue = number | string | boolean | null | undefined;

/** True for an omitted argument or a blank cell. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
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

/** One cell's number, validated: finite, not negative (amounts and counts are never negative here). */
function numberCell(cell: unknown, name: string): number {
  if (typeof cell !== 'number') throw new ArgumentError(name, `${name} must be a number, not ${describeValue(cell)}`);
  if (!Number.isFinite(cell)) throw new ArgumentError(name, `${name} must be a finite number`, 'num');
  if (cell < 0) throw new ArgumentError(name, `${name} must not be negative (${cell}); enter the amount as a positive number`);
  return cell;
}

/**
 * A sum of dollars: a number or a range of numbers, blanks ignored (as Excel's SUM ignores
 * them). Text, TRUE/FALSE or a negative number anywhere is an error naming the argument.
 * Returns `null` when every cell is blank (the caller decides whether that is allowed).
 */
export function sumOfAmounts(value: unknown, name: string): Decimal | null {
  let total: Decimal | null = null;
  for (const cell of cellsOf(value)) {
    if (isBlank(cell)) continue;
    total = (total ?? ZERO).plus(dec(numberCell(cell, name)));
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

/** A single-cell, non-negative number (a balance, a payment, a value). */
export function requiredNumber(value: unknown, name: string, options: AmountOptions = {}): number {
  const cell = singleCell(value, name);
  if (isBlank(cell)) throw new ArgumentError(name, `${name} is blank: enter ${options.hint ?? 'a number'}`);
  const n = numberCell(cell, name);
  if (options.allowZero === false && n === 0) throw new ArgumentError(name, `${name} must be greater than 0`);
  return n;
}

/** An optional single-cell, non-negative number: blank or omitted gives `null`. */
export function optionalNumber(value: unknown, name: string): number | null {
  const cell = singleCell(value, name);
  return isBlank(cell) ? null : numberCell(cell, name);
}

/** A whole number of at least `min` (a term in months). */
export function requiredWholeNumber(value: unknown, name: string, min: number, hint?: string): number {
  const n = requiredNumber(value, name, { hint });
  if (!Number.isInteger(n)) throw new ArgumentError(name, `${name} must be a whole number, not ${n}`);
  if (n < min) throw new ArgumentError(name, `${name} must be ${min} or more, not ${n}`);
  return n;
}

/**
 * An annual rate as a fraction. A rate above 1 is a percent typed as a number (engine.md
 * section 1): rejected with "rate 4.75 looks like a percent: enter 4.75% or 0.0475".
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

/** Optional text, trimmed; a number is an error (a field name or a program is never a number). */
export function optionalText(value: unknown, name: string): string | null {
  const cell = singleCell(value, name);
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
