/**
 * Argument checks shared by the workout calculators: every bad argument is an ArgumentError
 * naming the argument and the fix (never a silent guess or a NaN).
 */
import { ArgumentError, percentTypedAsNumberMessage } from '../errors';
import { Decimal, type DecimalInput } from '../money';

/** A finite, non-negative decimal argument, or an ArgumentError naming it. */
export function decimalArgument(name: string, value: DecimalInput): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new ArgumentError(name, `${name} must be a finite number, not ${value}`, 'num');
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new ArgumentError(name, `${name} must be a number, not "${String(value)}"`);
  }
  if (!d.isFinite()) throw new ArgumentError(name, `${name} must be a finite number`, 'num');
  if (d.isNegative() && !d.isZero()) throw new ArgumentError(name, `${name} must not be negative (${d.toString()})`, 'num');
  return d;
}

/** A required finite, non-negative amount: blank is "required", then as decimalArgument. */
export function amountArgument(name: string, value: DecimalInput | null | undefined): Decimal {
  if (value === null || value === undefined || value === '') throw new ArgumentError(name, `${name} is required: enter an amount in dollars`, 'value');
  return decimalArgument(name, value);
}

/** A positive amount (e.g. a contractual payment that a ratio divides by). */
export function positiveAmountArgument(name: string, value: DecimalInput | null | undefined): Decimal {
  const d = amountArgument(name, value);
  if (d.isZero()) throw new ArgumentError(name, `${name} must be greater than 0`, 'num');
  return d;
}

/** An annual rate as a fraction: 0 <= rate <= 1; a rate above 1 is a percent typed as a number. */
export function rateArgument(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ArgumentError(name, `${name} must be a rate such as 0.0475, not ${String(value)}`, 'value');
  if (value > 1) throw new ArgumentError(name, percentTypedAsNumberMessage(name, value), 'num');
  if (value < 0) throw new ArgumentError(name, `${name} must not be negative (${value})`, 'num');
  return value;
}

/** A whole number of months within [min, max]. */
export function monthsArgument(name: string, value: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ArgumentError(name, `${name} must be a whole number of months, not ${String(value)}`, 'value');
  if (value < min || value > max) {
    throw new ArgumentError(name, `${name} ${value} must be between ${min} and ${max === Number.MAX_SAFE_INTEGER ? 'any larger number' : max} months`, 'num');
  }
  return value;
}
