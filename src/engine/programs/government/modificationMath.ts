/**
 * Shared arithmetic of the government and portfolio modification waterfalls: the searches
 * (largest interest-bearing UPB for a target payment, shortest term, highest rate step), the
 * eligible arrearages, housing-expense ratios, trial dates and the result skeleton.
 *
 * Searches solve in closed form (or with a float Newton guess) and then confirm at the cent
 * boundary with decimals, so the answer is exact and the cost is a handful of decimal
 * payment computations rather than a month-by-month or step-by-step scan.
 */
import { paymentFactor, principalAndInterest } from '../../amortization';
import type { LoanCase } from '../../case/types';
import { addMonths, type IsoDate } from '../../dates';
import { CENT, Decimal, ZERO, floorCents, maxDecimal, sumDecimals, truncatePercent, type DecimalInput } from '../../money';
import type { Affordability, AuditStep, EligibilityCheck, ModificationResult, RulebookRef } from '../../results';

/**
 * The largest cent amount X whose rounded P&I at `rate` over `months` is at or below `targetPI`:
 * round(X f) <= T  <=>  X f < T + 0.005, so X = floor((T + 0.005) / f), stepped down one cent
 * when it lands exactly on the half-cent boundary.
 */
export function largestUpbForPayment(targetPI: DecimalInput, rate: DecimalInput, months: number): Decimal {
  const target = new Decimal(targetPI);
  if (target.lessThanOrEqualTo(0)) return ZERO;
  const factor = paymentFactor(rate, months);
  let upb = floorCents(target.plus('0.005').dividedBy(factor));
  while (upb.greaterThan(0) && principalAndInterest(upb, rate, months).greaterThan(target)) upb = upb.minus(CENT);
  while (principalAndInterest(upb.plus(CENT), rate, months).lessThanOrEqualTo(target)) upb = upb.plus(CENT);
  return upb;
}

/**
 * The shortest whole term in [minMonths, maxMonths] whose P&I on `upb` at `rate` is at or below
 * `targetPI`, or null when even `maxMonths` is above it. Closed form
 * n = -ln(1 - iP/A) / ln(1 + i) as a guess, confirmed with decimals.
 */
export function shortestTermForPayment(
  upb: DecimalInput,
  rate: DecimalInput,
  targetPI: DecimalInput,
  minMonths: number,
  maxMonths: number,
): number | null {
  const pay = (n: number) => principalAndInterest(upb, rate, n);
  const target = new Decimal(targetPI);
  if (pay(maxMonths).greaterThan(target)) return null;
  const i = Number(rate) / 12;
  const p = Number(upb);
  const a = Number(target);
  let n: number;
  if (i === 0) n = Math.ceil(p / a);
  else {
    const x = 1 - (i * p) / a;
    n = x <= 0 ? maxMonths : Math.ceil(-Math.log(x) / Math.log(1 + i));
  }
  n = Math.min(Math.max(Number.isFinite(n) ? n : maxMonths, minMonths), maxMonths);
  while (n < maxMonths && pay(n).greaterThan(target)) n++;
  while (n > minMonths && pay(n - 1).lessThanOrEqualTo(target)) n--;
  return n;
}

/**
 * The highest rate of the form `start - k * step` (k >= 0), not below `floor` (the floor itself
 * is the last candidate), whose P&I on `upb` over `months` is at or below `targetPI`; null when
 * even the floor misses. A Newton solve in floats gives k, decimals confirm it.
 */
export function highestSteppedRateForPayment(
  upb: DecimalInput,
  start: DecimalInput,
  floor: DecimalInput,
  step: DecimalInput,
  months: number,
  targetPI: DecimalInput,
): Decimal | null {
  const target = new Decimal(targetPI);
  const startRate = new Decimal(start);
  const floorRate = new Decimal(floor);
  const stepSize = new Decimal(step);
  const pay = (r: Decimal) => principalAndInterest(upb, r, months);
  if (startRate.lessThanOrEqualTo(floorRate)) return pay(startRate).lessThanOrEqualTo(target) ? startRate : null;
  if (pay(startRate).lessThanOrEqualTo(target)) return startRate;
  if (pay(floorRate).greaterThan(target)) return null;
  const maxK = startRate.minus(floorRate).dividedBy(stepSize).floor().toNumber();
  const rateAt = (k: number) => (k > maxK ? floorRate : startRate.minus(stepSize.times(k)));
  // Float guess of the exact rate that gives the target payment.
  const solved = solveRateFloat(Number(upb), Number(target), months, Number(startRate));
  let k = Math.max(0, Math.min(maxK + 1, Math.ceil((Number(startRate) - solved) / Number(stepSize))));
  while (k <= maxK && pay(rateAt(k)).greaterThan(target)) k++;
  while (k > 1 && pay(rateAt(k - 1)).lessThanOrEqualTo(target)) k--;
  return rateAt(k);
}

/** Newton iteration for the annual rate whose exact payment on `p` over `n` months is `a`. */
function solveRateFloat(p: number, a: number, n: number, guess: number): number {
  let r = Math.max(guess, 1e-6);
  for (let iteration = 0; iteration < 40; iteration++) {
    const i = r / 12;
    const g = Math.pow(1 + i, -n);
    const f = (p * i) / (1 - g) - a;
    const h = 1e-7;
    const i2 = (r + h) / 12;
    const f2 = (p * i2) / (1 - Math.pow(1 + i2, -n)) - a;
    const derivative = (f2 - f) / h;
    if (!Number.isFinite(derivative) || derivative === 0) break;
    const next = r - f / derivative;
    if (!Number.isFinite(next)) break;
    if (Math.abs(next - r) < 1e-12) return Math.max(next, 0);
    r = Math.max(next, 1e-9);
  }
  return r;
}

/** Eligible arrearages: delinquent interest, escrow and servicing advances and legal fees; never late fees. */
export function eligibleArrears(loanCase: LoanCase): { total: Decimal; lateFeesExcluded: Decimal; contribution: Decimal } {
  const a = loanCase.arrears;
  const total = sumDecimals([a.delinquentInterest, a.escrowAdvances, a.servicingAdvances, a.legalFees]);
  return { total, lateFeesExcluded: new Decimal(a.lateFees), contribution: new Decimal(a.borrowerContribution) };
}

/**
 * The monthly housing expense other than P&I (taxes, insurance, MI, dues, ground rent,
 * subordinate lien payments). Read from the case's affordability (housing expense less P&I)
 * so the ratio matches the one printed; the housing-expense lines of the case when the
 * affordability carries none.
 */
export function housingExpenseOtherThanPI(loanCase: LoanCase, affordability: Affordability): Decimal {
  const fromAffordability = new Decimal(affordability.housingExpense).minus(affordability.principalAndInterest);
  if (new Decimal(affordability.housingExpense).greaterThan(0) && fromAffordability.greaterThanOrEqualTo(0)) return fromAffordability;
  return sumDecimals(Object.values(loanCase.borrower.housingExpenses));
}

export function grossIncome(affordability: Affordability): Decimal | null {
  const income = affordability.grossMonthlyIncome;
  return income === null || income === undefined || income <= 0 ? null : new Decimal(income);
}

/** Front-end ratio for a P&I: (P&I + other housing expense) / gross income; null without income. */
export function housingRatio(pi: DecimalInput, otherHousing: Decimal, income: Decimal | null): Decimal | null {
  return income === null ? null : new Decimal(pi).plus(otherHousing).dividedBy(income);
}

export interface ModificationDates {
  trialPaymentDates: IsoDate[] | null;
  modificationEffectiveDate: IsoDate | null;
  firstPaymentDate: IsoDate | null;
  maturityDate: IsoDate | null;
}

/**
 * Trial payments monthly from the first trial date; the modification is effective on the
 * first day of the last trial month, the first modified payment is due the month after and
 * maturity is first payment + (term - 1) months (engine.md 4, step 7).
 */
export function modificationDates(firstTrialPaymentDate: IsoDate | null, trialCount: number, termMonths: number): ModificationDates {
  if (!firstTrialPaymentDate) return { trialPaymentDates: null, modificationEffectiveDate: null, firstPaymentDate: null, maturityDate: null };
  const trialPaymentDates = Array.from({ length: trialCount }, (_, k) => addMonths(firstTrialPaymentDate, k));
  const last = trialPaymentDates[trialPaymentDates.length - 1];
  const modificationEffectiveDate = `${last.slice(0, 7)}-01`;
  const firstPaymentDate = addMonths(modificationEffectiveDate, 1);
  return { trialPaymentDates, modificationEffectiveDate, firstPaymentDate, maturityDate: addMonths(firstPaymentDate, termMonths - 1) };
}

/** Reduction of the P&I against the contractual P&I, as a percent with two decimals. */
export function reductionPercent(before: DecimalInput, after: DecimalInput): number {
  const pre = new Decimal(before);
  if (pre.isZero()) return 0;
  return pre.minus(after).dividedBy(pre).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** MTMLTV of the interest-bearing UPB as a percent truncated to the hundredth; null without a positive property value. */
export function mtmltvPercent(interestBearingUpb: Decimal, propertyValue: number | null): number | null {
  return propertyValue === null || propertyValue <= 0 ? null : truncatePercent(interestBearingUpb.dividedBy(propertyValue));
}

export { check, firstFailure } from '../checks';

/** A modification result with every figure zeroed: used when the waterfall cannot start (missing input or a failed gate). */
export function emptyModification(
  program: string,
  label: string,
  rulebook: RulebookRef,
  checks: EligibilityCheck[],
  steps: AuditStep[],
  reason: string,
  reasonDetail: string,
): ModificationResult {
  return {
    program,
    label,
    kind: 'modification',
    eligible: false,
    reason,
    reasonDetail,
    rulebook,
    checks,
    steps,
    rate: 0,
    termMonths: 0,
    postCapitalizationUpb: 0,
    interestBearingUpb: 0,
    forbearance: 0,
    principalAndInterest: 0,
    monthlyPayment: 0,
    reductionPercent: 0,
    mtmltvPercent: null,
    trialPayment: 0,
    trialPaymentCount: 0,
    trialPaymentDates: null,
    modificationEffectiveDate: null,
    firstPaymentDate: null,
    maturityDate: null,
    postModificationDti: null,
  };
}

export function money(value: DecimalInput): number {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** An amount as text with exactly two decimals, for reasons and check details ("1073.00", never "1073"). */
export function moneyText(value: DecimalInput): string {
  return new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP);
}

export function rateNumber(value: DecimalInput): number {
  return new Decimal(value).toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toNumber();
}

export function pct(value: DecimalInput): string {
  return `${new Decimal(value).times(100).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toString()}%`;
}

export { maxDecimal };
