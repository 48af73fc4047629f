/**
 * Fully amortizing fixed-rate loan arithmetic (engine.md section 1).
 *
 * Rates are annual nominal fractions; the monthly rate is annual / 12. The P&I payment is
 * rounded half-up to the cent; schedules round each month's interest to the cent and let the
 * last payment absorb the remainder so that the balance reaches exactly zero.
 */
import { Decimal, DecimalInput, FLOAT_RELATIVE_ERROR_BOUND, ONE, ZERO, centsDecimal, certifiedHalfUpCents, fastPathStats, roundCents } from './money';

/** Monthly rate i = annual / 12, unrounded. */
export function monthlyRate(annualRate: DecimalInput): Decimal {
  return new Decimal(annualRate).dividedBy(12);
}

/**
 * The payment factor f with payment = principal * f: i / (1 - (1 + i)^-n), or 1 / n when i = 0.
 * Unrounded; callers round the product. Always computed in decimal (no cache): the reference
 * for `paymentFactor`.
 */
export function paymentFactorDecimal(annualRate: DecimalInput, months: number): Decimal {
  assertWholeMonths(months);
  const i = monthlyRate(annualRate);
  if (i.isZero()) return ONE.dividedBy(months);
  return i.dividedBy(ONE.minus(ONE.plus(i).pow(-months)));
}

const paymentFactors = new Map<string, Decimal>();
const PAYMENT_FACTOR_CACHE_LIMIT = 8192;

/**
 * `paymentFactorDecimal`, memoized by (rate, term): the same decimal value, computed once. A
 * factor costs a 40-digit power (about 20 us) and the loans of a portfolio share a few rates
 * (1/8% grid) and terms. Bounded: cleared when it holds PAYMENT_FACTOR_CACHE_LIMIT entries.
 */
export function paymentFactor(annualRate: DecimalInput, months: number): Decimal {
  assertWholeMonths(months);
  // A JS number converts to decimal through its shortest string, so String(rate) names the same value.
  const key = `${typeof annualRate === 'number' ? String(annualRate) : new Decimal(annualRate).toString()}|${months}`;
  let factor = paymentFactors.get(key);
  if (factor === undefined) {
    if (paymentFactors.size >= PAYMENT_FACTOR_CACHE_LIMIT) paymentFactors.clear();
    factor = paymentFactorDecimal(annualRate, months);
    paymentFactors.set(key, factor);
  }
  return factor;
}

/** Exact (unrounded) level payment of a fully amortizing loan. */
export function exactPayment(principal: DecimalInput, annualRate: DecimalInput, months: number): Decimal {
  return new Decimal(principal).times(paymentFactor(annualRate, months));
}

/** The monthly P&I payment, rounded half-up to the cent, always in decimal: the reference for `principalAndInterest`. */
export function principalAndInterestDecimal(principal: DecimalInput, annualRate: DecimalInput, months: number): Decimal {
  return roundCents(new Decimal(principal).times(paymentFactorDecimal(annualRate, months)));
}

/**
 * The monthly P&I payment, rounded half-up to the cent. Fast path: the payment in float64 with
 * its error bound (FLOAT_RELATIVE_ERROR_BOUND); when the exact payment is certainly on one side
 * of the half cent, that cent is the decimal result. Otherwise (rarely) the decimal computation.
 * Equal to `principalAndInterestDecimal` for every input (test/engine/fastPath*.test.ts).
 */
export function principalAndInterest(principal: DecimalInput, annualRate: DecimalInput, months: number): Decimal {
  // Same order of argument errors as the decimal path: principal, then months, then rate.
  const principalFloat = toFloat(principal);
  assertWholeMonths(months);
  const cents = certifiedPaymentCents(principalFloat, rateToFloat(annualRate), months);
  if (cents !== null) return centsDecimal(cents);
  return roundCents(exactPayment(principal, annualRate, months));
}

/**
 * float64 level payment P i / (1 - (1 + i)^-n) with 1 - (1 + i)^-n = -expm1(-n log1p(i)), which
 * keeps full relative precision for small rates (no cancellation); P / n at 0%.
 */
export function floatPayment(principal: number, monthly: number, months: number): number {
  return monthly === 0 ? principal / months : (principal * monthly) / -Math.expm1(-months * Math.log1p(monthly));
}

/**
 * The half-up cents of principal x paymentFactor(rate, months) when float64 settles them, else null.
 * Only in the range the error bound was derived for: rate 0 or 1e-9 <= rate <= 1, 1 <= months <= 1200,
 * principal >= 0. Below 1e-9 the 40-digit decimal itself loses digits to cancellation in
 * 1 - (1 + i)^-n (it even divides by zero under 1e-40), so those rates always take the decimal path.
 */
export function certifiedPaymentCents(principal: number, annualRate: number, months: number): number | null {
  if (!(annualRate === 0 || (annualRate >= 1e-9 && annualRate <= 1)) || !(principal >= 0 && principal < 1e13) || months > 1200) {
    fastPathStats.fallbacks++;
    return null;
  }
  const payment = floatPayment(principal, annualRate / 12, months);
  return certifiedHalfUpCents(payment, payment * FLOAT_RELATIVE_ERROR_BOUND);
}

function toFloat(value: DecimalInput): number {
  return typeof value === 'number' ? value : new Decimal(value).toNumber();
}

/** The rate as float64; NaN (no fast path) for a nonzero decimal rate that float64 would flush to 0. */
function rateToFloat(value: DecimalInput): number {
  if (typeof value === 'number') return value;
  const rate = new Decimal(value);
  const float = rate.toNumber();
  return float === 0 && !rate.isZero() ? Number.NaN : float;
}

/** Present value of a level payment A over n months at the annual rate: A * (1 - (1 + i)^-n) / i (A * n when i = 0). Unrounded. */
export function presentValue(payment: DecimalInput, annualRate: DecimalInput, months: number): Decimal {
  assertWholeMonths(months);
  const a = new Decimal(payment);
  const i = monthlyRate(annualRate);
  if (i.isZero()) return a.times(months);
  return a.times(ONE.minus(ONE.plus(i).pow(-months))).dividedBy(i);
}

export interface ScheduleRow {
  /** 1-based payment number. */
  period: number;
  payment: Decimal;
  interest: Decimal;
  principal: Decimal;
  balance: Decimal;
}

/**
 * The amortization schedule. Interest each month is the balance times i, rounded to the cent;
 * the final payment is adjusted so the balance ends at zero.
 */
export function amortizationSchedule(
  principal: DecimalInput,
  annualRate: DecimalInput,
  months: number,
  payment: DecimalInput = principalAndInterest(principal, annualRate, months),
): ScheduleRow[] {
  assertWholeMonths(months);
  const i = monthlyRate(annualRate);
  const level = new Decimal(payment);
  const rows: ScheduleRow[] = [];
  let balance = new Decimal(principal);
  for (let period = 1; period <= months; period++) {
    const interest = roundCents(balance.times(i));
    let principalPaid = level.minus(interest);
    if (period === months || principalPaid.greaterThan(balance)) principalPaid = balance;
    const paid = principalPaid.plus(interest);
    balance = balance.minus(principalPaid);
    rows.push({ period, payment: paid, interest, principal: principalPaid, balance });
    if (balance.isZero()) break;
  }
  return rows;
}

/** Balance after k scheduled payments, with the schedule's rounding (interest rounded monthly). */
export function balanceAfter(
  principal: DecimalInput,
  annualRate: DecimalInput,
  months: number,
  paymentsMade: number,
  payment: DecimalInput = principalAndInterest(principal, annualRate, months),
): Decimal {
  if (paymentsMade <= 0) return new Decimal(principal);
  const rows = amortizationSchedule(principal, annualRate, months, payment);
  const row = rows[Math.min(paymentsMade, rows.length) - 1];
  return row ? row.balance : ZERO;
}

function assertWholeMonths(months: number): void {
  if (!Number.isInteger(months) || months <= 0) {
    throw new RangeError(`term ${months} must be a whole number of months greater than 0`);
  }
}
