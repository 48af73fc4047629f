/**
 * Forbearance plan arithmetic (Fannie Mae D2-3.2-01, engine.md section 5), generic: reduced or
 * suspended payments for at most one increment at a time, within a cumulative limit. The
 * arrears at the end (current arrears + the monthly shortfall x months granted) feed the exit
 * options (deferral, partial claim or modification).
 */
import { Decimal, type DecimalInput } from '../money';
import { ArgumentError } from '../errors';
import { amountArgument, monthsArgument } from './arguments';

export interface ForbearancePlanInputs {
  /** The contractual monthly payment (P&I + escrow). */
  monthlyPayment: DecimalInput;
  /** The payment during the plan (0 = suspended); at most the contractual payment. */
  reducedPayment: DecimalInput;
  /** Months requested. */
  months: number;
  /** Longest single grant (increment). */
  incrementMonths: number;
  /** Cumulative limit over the hardship. */
  maxCumulativeMonths: number;
  /** Past-due amount when the plan starts. */
  currentArrears: DecimalInput;
  /** Forbearance months already granted (default 0). */
  priorForbearanceMonths?: number;
}

export interface ForbearancePlanCalculation {
  requestedMonths: number;
  /** Months granted: the request limited by the increment and what is left of the cumulative limit. */
  months: number;
  /** What limited the grant, null when the request was granted in full. */
  limitedBy: 'increment' | 'cumulative limit' | null;
  monthlyPayment: Decimal;
  /** Contractual payment - plan payment, per month. */
  shortfallPerMonth: Decimal;
  arrearsAtEnd: Decimal;
  cumulativeMonths: number;
}

export function forbearancePlan(inputs: ForbearancePlanInputs): ForbearancePlanCalculation {
  const payment = amountArgument('monthlyPayment', inputs.monthlyPayment);
  const reduced = amountArgument('reducedPayment', inputs.reducedPayment);
  if (reduced.greaterThan(payment)) {
    throw new ArgumentError('reducedPayment', `reducedPayment ${reduced.toString()} must not exceed the monthly payment ${payment.toString()}`, 'num');
  }
  const requested = monthsArgument('months', inputs.months, 0);
  const increment = monthsArgument('incrementMonths', inputs.incrementMonths, 0);
  const maxCumulative = monthsArgument('maxCumulativeMonths', inputs.maxCumulativeMonths, 0);
  const prior = monthsArgument('priorForbearanceMonths', inputs.priorForbearanceMonths ?? 0, 0);
  const arrears = amountArgument('currentArrears', inputs.currentArrears);

  const left = Math.max(0, maxCumulative - prior);
  let months = requested;
  let limitedBy: ForbearancePlanCalculation['limitedBy'] = null;
  if (months > increment) {
    months = increment;
    limitedBy = 'increment';
  }
  if (months > left) {
    months = left;
    limitedBy = 'cumulative limit';
  }
  const shortfall = payment.minus(reduced);
  return {
    requestedMonths: requested,
    months,
    limitedBy,
    monthlyPayment: reduced,
    shortfallPerMonth: shortfall,
    arrearsAtEnd: arrears.plus(shortfall.times(months)),
    cumulativeMonths: prior + months,
  };
}
