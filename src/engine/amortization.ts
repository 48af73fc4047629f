/**
 * Fully amortizing fixed-rate loan arithmetic (engine.md section 1).
 *
 * Rates are annual nominal fractions; the monthly rate is annual / 12. The P&I payment is
 * rounded half-up to the cent; schedules round each month's interest to the cent and let the
 * last payment absorb the remainder so that the balance reaches exactly zero.
 */
import { Decimal, DecimalInput, ONE, ZERO, roundCents } from './money';

/** Monthly rate i = annual / 12, unrounded. */
export function monthlyRate(annualRate: DecimalInput): Decimal {
  return new Decimal(annualRate).dividedBy(12);
}

/**
 * The payment factor f with payment = principal * f: i / (1 - (1 + i)^-n), or 1 / n when i = 0.
 * Unrounded; callers round the product.
 */
export function paymentFactor(annualRate: DecimalInput, months: number): Decimal {
  assertWholeMonths(months);
  const i = monthlyRate(annualRate);
  if (i.isZero()) return ONE.dividedBy(months);
  return i.dividedBy(ONE.minus(ONE.plus(i).pow(-months)));
}

/** Exact (unrounded) level payment of a fully amortizing loan. */
export function exactPayment(principal: DecimalInput, annualRate: DecimalInput, months: number): Decimal {
  return new Decimal(principal).times(paymentFactor(annualRate, months));
}

/** The monthly P&I payment, rounded half-up to the cent. */
export function principalAndInterest(principal: DecimalInput, annualRate: DecimalInput, months: number): Decimal {
  return roundCents(exactPayment(principal, annualRate, months));
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
