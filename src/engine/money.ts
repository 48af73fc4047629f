/**
 * Decimal money and rate arithmetic.
 *
 * Every amount that is rounded, compared with a threshold or printed is a decimal.js value,
 * never a binary float. Rounding happens only where a rule names it, with the helpers here,
 * so that every rounding point in the engine is greppable (`roundCents`, `floorCents`,
 * `truncatePercent`).
 *
 * The vocabulary, one helper per rounding point, for every program family:
 * - amounts: `roundCents` (half-up, the servicing convention), `floorCents` ("largest cent amount
 *   with ..." targets), `ceilCents` (minimums stated in whole cents); `centsNumber` (a result
 *   field), `moneyText` (an amount in a reason or check detail);
 * - percents: `roundPercent` (the one half-up percent rounding), `percentNumber` (a result field,
 *   two decimals), `percentText` (a rate or ratio in a reason), `truncatePercent` (MTMLTV);
 * - ratios and rates: `ratioNumber` (DTI and housing ratios, six decimals), `rateNumber` (a rate
 *   as a result field, eight decimals), `roundRateToStep` (a rulebook's 1/8 % grid).
 */
import DecimalJs from 'decimal.js';

/**
 * The engine's own Decimal constructor: 40 significant digits (cents on a 10^12 balance
 * still have 26 digits of headroom) and half-up rounding, the servicing convention.
 * A clone, so that the engine never changes the global decimal.js configuration of a host.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export type DecimalInput = DecimalJs.Value;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const CENT = new Decimal('0.01');

/** A decimal from a number or string. JSON numbers convert exactly (decimal.js reads their shortest string form). */
export function dec(value: DecimalInput): Decimal {
  return new Decimal(value);
}

/** Rounds half-up to the cent: the standard rounding point for money. */
export function roundCents(value: DecimalInput): Decimal {
  // An engine Decimal is rounded directly (copying it first gives the same value, slower).
  return (isEngineDecimal(value) ? value : new Decimal(value)).toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
}

/** True for a value made by the engine's own Decimal constructor (not another decimal.js clone). */
function isEngineDecimal(value: DecimalInput): value is Decimal {
  return typeof value === 'object' && value !== null && value.constructor === Decimal;
}

/** Rounds down (toward negative infinity) to the cent: used for "largest cent amount with ..." targets. */
export function floorCents(value: DecimalInput): Decimal {
  return new Decimal(value).toDecimalPlaces(2, DecimalJs.ROUND_FLOOR);
}

/** Rounds up to the cent. */
export function ceilCents(value: DecimalInput): Decimal {
  return new Decimal(value).toDecimalPlaces(2, DecimalJs.ROUND_CEIL);
}

/** A money amount as a JSON number, rounded half-up to the cent. */
export function centsNumber(value: DecimalInput): number {
  // Fast path: the value as float64 (within 2^-53 relative of it, toNumber being a correctly
  // rounded parse) settles the half-up cent when it is clear of the half cent; cents / 100 is
  // then the double nearest that cent amount, which is what roundCents(value).toNumber() returns.
  const float = floatOf(value);
  const cents = halfUpCentsOrNull(float, Math.abs(float) * 2 ** -48);
  return cents !== null ? cents / 100 : roundCents(value).toNumber();
}

/**
 * A fraction (0.2001) as a percent (20.01) rounded half-up to `decimals` places, as a Decimal:
 * the one percent rounding the helpers below and the reasons' texts share.
 */
export function roundPercent(fraction: DecimalInput, decimals: number): Decimal {
  return new Decimal(fraction).times(100).toDecimalPlaces(decimals, DecimalJs.ROUND_HALF_UP);
}

/** A fraction (0.2001) as a percent with two decimals (20.01), rounded half-up. */
export function percentNumber(fraction: DecimalInput): number {
  // Fast path as centsNumber's: the percent in float64 (conversion and x 100: within 2^-51
  // relative) settles the half-up hundredth when clear of the half; else decimal.
  const percent = floatOf(fraction) * 100;
  const hundredths = halfUpCentsOrNull(percent, Math.abs(percent) * 2 ** -47);
  return hundredths !== null ? hundredths / 100 : roundPercent(fraction, 2).toNumber();
}

/**
 * A rate or ratio as percent text for reasons and check details, half-up to three decimals with
 * trailing zeros dropped (0.25 -> "25%", 0.06125 -> "6.125%"): three decimals show a 1/8 % rate
 * step exactly. Display only, never computed with.
 */
export function percentText(fraction: DecimalInput): string {
  return `${roundPercent(fraction, 3).toString()}%`;
}

/** A fraction as a percent truncated (not rounded) to two decimals, as GSE MTMLTV is reported. */
export function truncatePercent(fraction: DecimalInput): number {
  // Fast path: truncating a positive percent only depends on which side of a whole hundredth it
  // lies; float64 settles it when clear of the hundredth by its error bound, else decimal.
  const hundredths = floatOf(fraction) * 10000;
  const margin = Math.abs(hundredths) * 2 ** -47;
  const lower = Math.floor(hundredths);
  if (hundredths > 1 + margin && hundredths < 1e15 && hundredths - lower > margin && lower + 1 - hundredths > margin) return lower / 100;
  return new Decimal(fraction).times(100).toDecimalPlaces(2, DecimalJs.ROUND_DOWN).toNumber();
}

/**
 * A JS number as is, an engine Decimal as float64 within 2^-50 relative (`approximateFloat`),
 * anything else NaN (no fast path). The callers' bounds (2^-48, 2^-47) hold 4x that plus their own operations.
 */
function floatOf(value: DecimalInput): number {
  return typeof value === 'number' ? value : isEngineDecimal(value) ? approximateFloat(value) : Number.NaN;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact in float64 up to 10^22

/**
 * A Decimal as float64 from its documented representation (d: base-1e7 words, the first without
 * leading zeros; e: decimal exponent of the leading digit; s: sign), without the string round trip
 * of toNumber(). Within 2^-50 relative: the first four words (at least 22 digits: dropped words are
 * under 1e-21 relative) summed with 6 roundings, then one scaling by an exact power of ten.
 * Falls back to toNumber() for zero, non-finite values and exponents beyond +/-22.
 */
export function approximateFloat(x: Decimal): number {
  const d = x.d;
  if (!d || d.length === 0 || d[0] === 0) return x.toNumber();
  let leadingDigits = 1;
  for (let w = d[0]; w >= 10; w = Math.floor(w / 10)) leadingDigits++;
  let m = d[0];
  if (d.length > 1) m += d[1] / 1e7;
  if (d.length > 2) m += d[2] / 1e14;
  if (d.length > 3) m += d[3] / 1e21;
  const scale = x.e - leadingDigits + 1;
  if (scale > 22 || scale < -22) return x.toNumber();
  const magnitude = scale >= 0 ? m * POWERS_OF_TEN[scale] : m / POWERS_OF_TEN[-scale];
  return x.s < 0 ? -magnitude : magnitude;
}

/** A ratio as a JSON number with a fixed number of decimals (ratios are fractions, e.g. DTI 0.3125). */
export function ratioNumber(value: DecimalInput, decimals = 6): number {
  return new Decimal(value).toDecimalPlaces(decimals, DecimalJs.ROUND_HALF_UP).toNumber();
}

/**
 * A rate as a JSON number, half-up to eight decimals: rulebook rates, PMMS and 1/8 % steps have
 * at most five, so a modified rate prints exactly (the government and portfolio results' `rate`).
 */
export function rateNumber(value: DecimalInput): number {
  return ratioNumber(value, 8);
}

/** An amount as text with exactly two decimals, half-up, for reasons and check details ("1073.00", never "1073"). */
export function moneyText(value: DecimalInput): string {
  return new Decimal(value).toFixed(2, DecimalJs.ROUND_HALF_UP);
}

/** Rounds a rate to the nearest multiple of `step` (0.00125 for 1/8 %), half-up. */
export function roundRateToStep(rate: DecimalInput, step: DecimalInput, mode: 'nearest' | 'up' | 'down' = 'nearest'): Decimal {
  const r = new Decimal(rate);
  const s = new Decimal(step);
  const units = r.dividedBy(s);
  const rounded =
    mode === 'up'
      ? units.toDecimalPlaces(0, DecimalJs.ROUND_CEIL)
      : mode === 'down'
        ? units.toDecimalPlaces(0, DecimalJs.ROUND_FLOOR)
        : units.toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP);
  return rounded.times(s);
}

export function minDecimal(...values: Decimal[]): Decimal {
  return values.reduce((a, b) => (b.lessThan(a) ? b : a));
}

export function maxDecimal(...values: Decimal[]): Decimal {
  return values.reduce((a, b) => (b.greaterThan(a) ? b : a));
}

export function sumDecimals(values: Iterable<DecimalInput>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Relative error bound of the engine's float64 fast paths (amortization.ts, solvers.ts, npv.ts).
 * A float64 payment P i / -expm1(-n log1p(i)) carries a few units in the last place per
 * operation: under (40 + 8 n log1p(i)) x 2^-53, i.e. below 4e-14 for any rate up to 100% and
 * 480 months; the 40-digit decimal value differs from the exact one by about 1e-38. 1e-12 is 25x
 * the analysis, so a float64 value farther than 1e-12 x |value| from a half cent rounds to the
 * same cent as the decimal engine. See docs/bench.md, "Fast path".
 */
export const FLOAT_RELATIVE_ERROR_BOUND = 1e-12;

/** How often each certified fast path had to fall back to decimals (for tests and the bench; never logged). */
export const fastPathStats = { certified: 0, fallbacks: 0 };

/**
 * The half-up cent count of an exact amount X >= 0 known only as a float64 `value` with
 * |value - X| <= `bound`, or null when that is not certain (X within the bound of a half cent,
 * or out of the range where float64 cents are exact). Rounding to the cent only depends on
 * which side of the half cent X lies, so a value clear of it by more than the bound settles it.
 */
export function certifiedHalfUpCents(value: number, bound: number): number | null {
  const cents = halfUpCentsOrNull(value, bound);
  if (cents === null) fastPathStats.fallbacks++;
  else fastPathStats.certified++;
  return cents;
}

/** certifiedHalfUpCents without the counters (centsNumber's printing path, not a fast path of the engine's arithmetic). */
function halfUpCentsOrNull(value: number, bound: number): number | null {
  // cents = value x 100 adds one rounding (relative 2^-53), covered by the 1e-15 term.
  const cents = value * 100;
  const margin = bound * 100 + cents * 1e-15;
  if (!(cents > margin + 1) || !(cents < 1e15)) return null;
  const lower = Math.floor(cents);
  const fraction = cents - lower; // exact (Sterbenz: lower <= cents < 2 lower)
  if (Math.abs(fraction - 0.5) <= margin) return null;
  return fraction > 0.5 ? lower + 1 : lower;
}

/** A whole number of cents as a Decimal amount (equal to what roundCents returns for that amount). */
export function centsDecimal(cents: number): Decimal {
  // cents x 0.01 is exact at 40 digits (a product of a 16-digit and a 1-digit number) and cheaper than / 100.
  return new Decimal(cents).times(CENT);
}

const integerPowers = new Map<string, Decimal>();
const INTEGER_POWER_CACHE_LIMIT = 8192;

/**
 * base^exponent for an integer exponent, memoized: exactly `base.pow(exponent)` (decimal.js
 * is deterministic at the engine's fixed precision), computed once per (base, exponent). An
 * integer power at 40 digits costs about 20 us; the loans of a portfolio share a handful of
 * rates, discount factors and terms, so the NPV's geometric sums and the payment factors
 * mostly hit the cache. Bounded: the map is cleared when it holds INTEGER_POWER_CACHE_LIMIT entries.
 */
export function integerPower(base: Decimal, exponent: number): Decimal {
  const key = `${base.toString()}^${exponent}`;
  let result = integerPowers.get(key);
  if (result === undefined) {
    if (integerPowers.size >= INTEGER_POWER_CACHE_LIMIT) integerPowers.clear();
    result = base.pow(exponent);
    integerPowers.set(key, result);
  }
  return result;
}

const fractionalPowers = new Map<string, Decimal>();
const FRACTIONAL_POWER_CACHE_LIMIT = 1024;

/**
 * base^exponent for a non-integer exponent, memoized. A fractional power costs decimal.js a
 * logarithm and an exponential (hundreds of times an integer power); the NPV needs the same
 * few (a re-default rate's 12th root, a state's timeline in months) for every loan of a
 * portfolio, so they are computed once, still in decimal.
 */
export function fractionalPower(base: Decimal, exponent: Decimal): Decimal {
  const key = `${base.toString()}^${exponent.toString()}`;
  let result = fractionalPowers.get(key);
  if (result === undefined) {
    if (fractionalPowers.size >= FRACTIONAL_POWER_CACHE_LIMIT) fractionalPowers.clear();
    result = base.pow(exponent);
    fractionalPowers.set(key, result);
  }
  return result;
}
