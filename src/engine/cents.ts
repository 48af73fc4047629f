/**
 * Exact integer-cents arithmetic on JS numbers, for the engine's fast paths.
 *
 * A money amount that is a whole number of cents is held as that integer (123456 for
 * 1,234.56). Sums, differences and products of such integers are exact while they stay
 * within 2^53; divisions are done as integer floor / half-up divisions (quotient and
 * remainder), never as a float quotient. So every figure here is the exact decimal figure:
 * the same as the decimal.js engine's, not an approximation of it. Anything outside that
 * range (sub-cent inputs, amounts of a billion dollars or more, products past 2^53) throws
 * NOT_EXACT_IN_CENTS, and the caller falls back to its decimal path.
 */
import { Decimal } from './money';

/** Thrown (a shared value, no stack) when a figure leaves the exact integer range: fall back to decimals. */
export const NOT_EXACT_IN_CENTS: unique symbol = Symbol('not exact in cents');

/**
 * Amounts below $1 billion: distinct cent values are then 0.01 apart, far more than the spacing
 * of doubles (2^-23 at most), so a double that equals cents / 100 names exactly that cent amount.
 */
const MAX_AMOUNT = 1e9;

/**
 * The whole number of cents of a non-negative amount given as a JS number, when its decimal
 * value (the shortest string that reads back as the number, which is how decimal.js reads a
 * number) has at most two decimals; else null. -0 is null (decimal.js prints it "-0.00").
 */
export function exactCents(value: unknown): number | null {
  if (typeof value !== 'number' || !(value >= 0) || value >= MAX_AMOUNT || Object.is(value, -0)) return null;
  const cents = Math.round(value * 100);
  return cents / 100 === value ? cents : null;
}

/** exactCents, or NOT_EXACT_IN_CENTS thrown. */
export function requireCents(value: unknown): number {
  const cents = exactCents(value);
  if (cents === null) throw NOT_EXACT_IN_CENTS;
  return cents;
}

/**
 * A cent amount as a JS number (cents / 100): the double nearest the exact amount, which is
 * what decimal.js's toNumber() returns for it (division of exact integers is correctly rounded).
 */
export function centsToNumber(cents: number): number {
  return cents / 100;
}

/** A cent amount as text with two decimals, as Decimal#toFixed(2) prints the same amount. */
export function centsText(cents: number): string {
  const magnitude = Math.abs(cents);
  const fraction = magnitude % 100;
  return `${cents < 0 ? '-' : ''}${(magnitude - fraction) / 100}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** A non-negative decimal fraction as numerator / 10^k, read from its shortest string (0.79995 -> 79995 / 100000). */
export interface DecimalFraction {
  numerator: number;
  denominator: number;
}

const fractionCache = new Map<number, DecimalFraction>();

/** A rulebook fraction such as 0.3 or 0.79995 as an exact ratio of integers, or NOT_EXACT_IN_CENTS (at most 9 decimals). */
export function decimalFraction(value: number): DecimalFraction {
  const cached = fractionCache.get(value);
  if (cached !== undefined) return cached;
  const match = typeof value === 'number' ? /^(\d+)(?:\.(\d{1,9}))?$/.exec(String(value)) : null;
  if (match === null) throw NOT_EXACT_IN_CENTS;
  const decimals = match[2] ?? '';
  const fraction = { numerator: Number(match[1] + decimals), denominator: 10 ** decimals.length };
  if (!Number.isSafeInteger(fraction.numerator)) throw NOT_EXACT_IN_CENTS;
  if (fractionCache.size < 256) fractionCache.set(value, fraction);
  return fraction;
}

/** a x b for integers, exact, or NOT_EXACT_IN_CENTS past 2^53. */
export function exactProduct(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw NOT_EXACT_IN_CENTS;
  return product;
}

/** floor(a / b) for safe integers, b > 0, from the remainder (a float quotient can round up to the next integer). */
export function floorDivide(a: number, b: number): number {
  const remainder = a % b;
  const quotient = (a - remainder) / b;
  return remainder < 0 ? quotient - 1 : quotient;
}

/** a / b rounded half away from zero (decimal.js ROUND_HALF_UP), for safe integers, b > 0. */
export function halfUpDivide(a: number, b: number): number {
  const magnitude = Math.abs(a);
  const remainder = magnitude % b;
  const quotient = (magnitude - remainder) / b + (remainder * 2 >= b ? 1 : 0);
  return a < 0 ? -quotient : quotient;
}

/**
 * numerator / denominator (whole cents, denominator > 0) rounded half-up to `decimals` decimals,
 * as a JS number; null for a negative numerator or past 2^53 (so that every product stays an
 * exact integer). Exactly what ratioNumber(Decimal quotient, decimals) returns: decimal.js first
 * rounds the quotient to 40 digits, which moves it by at most 10^-39 x N / D, while a quotient not
 * exactly on a half step is at least 1 / (2 x 10^decimals x D) from it; the first is the smaller
 * for any N below 10^(39 - decimals), so the half-up step is the one of the exact quotient
 * (halfUpDivide). q / 10^decimals is then the double nearest q x 10^-decimals, which is what
 * toNumber() gives.
 */
export function ratioOfCents(numerator: number, denominator: number, decimals: number): number | null {
  const scale = 10 ** decimals;
  const scaled = numerator * scale;
  if (!(numerator >= 0) || !(denominator > 0) || !Number.isSafeInteger(scaled) || !Number.isSafeInteger(denominator)) return null;
  return halfUpDivide(scaled, denominator) / scale;
}

/** The sum in whole cents of amounts that are all whole cents (null and undefined count 0), else null. */
export function sumOfCents(amounts: readonly unknown[]): number | null {
  let total = 0;
  for (const amount of amounts) {
    if (amount === undefined || amount === null) continue;
    const cents = exactCents(amount);
    if (cents === null) return null;
    total += cents;
  }
  return total;
}

/**
 * The sum of amounts as a JS number whose decimal value is the exact sum, when every amount is
 * a whole number of cents; otherwise the exact Decimal sum. Either reads back in decimal.js
 * as the same value, so callers can pass it on as a DecimalInput without losing a digit.
 */
export function exactSum(amounts: readonly number[]): number | Decimal {
  const cents = sumOfCents(amounts);
  // Past $1 billion x 100 the double's spacing nears a cent: keep such sums in decimal.
  if (cents !== null && cents < MAX_AMOUNT * 1e4) return centsToNumber(cents);
  return amounts.reduce<Decimal>((total, a) => total.plus(a), new Decimal(0));
}
