/**
 * Shared arithmetic of the government and portfolio modification waterfalls: the eligible
 * arrearages, housing-expense ratios, trial dates and the result skeleton. The searches (largest
 * interest-bearing UPB for a target payment, shortest term, highest rate step) are in
 * workouts/solvers.ts with the GSE ones; the rounding helpers in money.ts.
 */
import type { LoanCase } from '../../case/types';
import { addMonths, type IsoDate } from '../../dates';
import { Decimal, percentNumber, sumDecimals, truncatePercent, type DecimalInput } from '../../money';
import type { Affordability, AuditStep, EligibilityCheck, ModificationResult, RulebookRef } from '../../results';

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
  return percentNumber(pre.minus(after).dividedBy(pre));
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

