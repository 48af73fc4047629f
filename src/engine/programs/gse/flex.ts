/**
 * GSE Flex Modification (engine.md section 4): a pure calculator from the loan figures to the
 * modification terms, with the audit trail. Eligibility tests that need the whole case are
 * the program's (program.ts); this calculator reports only the tests on its own figures:
 * the rate comparison and "P&I must decrease" (Freddie Mac LM000018).
 *
 * Steps, applied in order until the target is reached: capitalize, target P&I, rate, term
 * (closed form, confirmed in decimal at the cent boundary), principal forbearance (closed
 * form, confirmed to the cent), result, trial period.
 */
import { addMonths, firstOfMonth, type IsoDate } from '../../dates';
import { ArgumentError } from '../../errors';
import { type DecimalInput, ZERO, floorCents, minDecimal, maxDecimal, centsNumber, percentNumber, ratioNumber, roundCents, truncatePercent } from '../../money';
import type { AuditStep, EligibilityCheck, ModificationResult, RulebookRef } from '../../results';
import type { GseFlexParameters } from '../../rulebooks/gse';
import { amountArgument, monthsArgument, positiveAmountArgument, rateArgument } from '../../workouts/arguments';
import { largestPrincipalForPayment, paymentWithFactor, solveTermForPayment } from '../../workouts/solvers';
import { applyChecks, check, notChecked } from './common';

export interface FlexInputs {
  /** Current interest-bearing UPB. */
  interestBearingUpb: DecimalInput;
  /** Existing non-interest-bearing (deferred or forborne) balance; folded into the gross UPB (step 1). */
  deferredBalance: DecimalInput;
  /** Delinquent interest, escrow advances, allowable servicing advances and legal fees (late fees are not capitalized). */
  eligibleArrearages: DecimalInput;
  borrowerContribution: DecimalInput;
  /** Current note rate, as a fraction. */
  currentRate: number;
  remainingTermMonths: number;
  /** Current contractual P&I, the base of the 20% target. */
  contractualPI: DecimalInput;
  /** Property value; null: MTMLTV and principal forbearance cannot be computed (reported). */
  propertyValue: DecimalInput | null;
  /** The posted GSE modification interest rate; null: the current rate is kept and the comparison is "not checked". */
  modificationRate: number | null;
  monthlyEscrow: DecimalInput;
  /** Escrow shortage, spread over the rulebook's months. */
  escrowShortage: DecimalInput;
  /** Due date of the first trial payment; null: no dates are computed. */
  firstTrialPaymentDate: IsoDate | null;
  /** Gross monthly income for the post-modification DTI; null: DTI not computed. */
  grossMonthlyIncome: DecimalInput | null;
  /** Housing expense other than P&I for the post-modification DTI; default: the monthly escrow. */
  otherHousingExpense?: DecimalInput | null;
}

const RULE = {
  capitalize: 'Fannie Mae D2-3.2-06 / Freddie Mac 9206: capitalize eligible arrearages (engine.md 4.1)',
  target: 'Fannie Mae LL-2024-02 / Freddie Mac Bulletin 2024-E: 20% P&I reduction target, floor_to_cent(P&I x 0.79995) (engine.md 4.2)',
  rate: 'Fannie Mae D2-3.2-06 / Freddie Mac 9206: modification interest rate (engine.md 4.3, Interpretation)',
  term: 'Fannie Mae D2-3.2-06 / Freddie Mac 9206: extend the term up to 480 months (engine.md 4.4)',
  forbearance: 'Fannie Mae D2-3.2-06 / Freddie Mac 9206: principal forbearance, capped at 30% of gross UPB and 50% MTMLTV (engine.md 4.5)',
  result: 'Freddie Mac LM000018: the modified P&I must be below the current P&I; MTMLTV truncated (Fannie Mae F-1-27; engine.md 4.6)',
  trial: 'Fannie Mae D2-3.2-06 / Freddie Mac 9206: three-month trial period, escrow shortage over 60 months (engine.md 4.7)',
};

export const FLEX_PI_INCREASE_TEST = 'modified P&I below the current P&I';
export const FLEX_RATE_TEST = 'rate compared with the posted modification rate';

/**
 * The Flex Modification terms for these figures. Throws ArgumentError (naming the input) for
 * an input it cannot use. `eligible` here reflects only the calculator's own tests (the P&I
 * must decrease); the program adds the case's eligibility tests.
 */
export function flexModification(inputs: FlexInputs, params: GseFlexParameters, ref: RulebookRef): ModificationResult {
  const upb = amountArgument('interestBearingUpb', inputs.interestBearingUpb);
  const deferred = amountArgument('deferredBalance', inputs.deferredBalance);
  const arrearages = amountArgument('eligibleArrearages', inputs.eligibleArrearages);
  const contribution = amountArgument('borrowerContribution', inputs.borrowerContribution);
  const currentRate = rateArgument('currentRate', inputs.currentRate);
  const remaining = monthsArgument('remainingTermMonths', inputs.remainingTermMonths, 1);
  const currentPI = positiveAmountArgument('contractualPI', inputs.contractualPI);
  const value = inputs.propertyValue === null ? null : positiveAmountArgument('propertyValue', inputs.propertyValue);
  const postedRate = inputs.modificationRate === null ? null : rateArgument('modificationRate', inputs.modificationRate);
  const escrow = amountArgument('monthlyEscrow', inputs.monthlyEscrow);
  const shortage = amountArgument('escrowShortage', inputs.escrowShortage);
  const income = inputs.grossMonthlyIncome === null ? null : amountArgument('grossMonthlyIncome', inputs.grossMonthlyIncome);
  const otherHousing =
    inputs.otherHousingExpense === null || inputs.otherHousingExpense === undefined ? escrow : amountArgument('otherHousingExpense', inputs.otherHousingExpense);
  const maxTerm = monthsArgument('maxTermMonths', params.maxTermMonths, 1);
  monthsArgument('trialPaymentCount', params.trialPaymentCount, 1, 12);
  monthsArgument('escrowShortageSpreadMonths', params.escrowShortageSpreadMonths, 1);
  const boundary = params.forbearancePaymentBoundary;
  if (boundary !== 'exact' && boundary !== 'rounded') {
    throw new ArgumentError('forbearancePaymentBoundary', `rulebook parameter forbearancePaymentBoundary must be "exact" or "rounded", not "${boundary}"`);
  }

  const steps: AuditStep[] = [];
  const checks: EligibilityCheck[] = [];

  // 1. Capitalize.
  const gross = upb.plus(deferred).plus(arrearages).minus(contribution);
  if (gross.lessThanOrEqualTo(ZERO)) {
    throw new ArgumentError('borrowerContribution', `the borrower contribution ${contribution.toFixed(2)} leaves no balance to modify (UPB + deferred + arrearages = ${upb.plus(deferred).plus(arrearages).toFixed(2)})`, 'num');
  }
  steps.push({
    step: 'capitalize',
    action: `capitalized ${arrearages.toFixed(2)} of arrearages${deferred.isZero() ? '' : ` and the ${deferred.toFixed(2)} deferred balance`}${contribution.isZero() ? '' : `, less the ${contribution.toFixed(2)} borrower contribution`}`,
    rule: RULE.capitalize,
    before: { interestBearingUpb: centsNumber(upb), deferredBalance: centsNumber(deferred), eligibleArrearages: centsNumber(arrearages), borrowerContribution: centsNumber(contribution) },
    after: { postCapitalizationUpb: centsNumber(gross) },
  });

  // 2. Target P&I.
  const target = floorCents(currentPI.times(params.targetPaymentFactor));
  steps.push({
    step: 'target P&I',
    action: `target P&I ${target.toFixed(2)} = floor_to_cent(${currentPI.toFixed(2)} x ${params.targetPaymentFactor}), a ${params.targetReductionPercent}% reduction`,
    rule: RULE.target,
    before: { principalAndInterest: centsNumber(currentPI) },
    after: { targetPrincipalAndInterest: centsNumber(target) },
  });

  // 3. Rate.
  let rate = currentRate;
  if (postedRate === null) {
    checks.push(notChecked(FLEX_RATE_TEST, 'no posted modification rate in the case (market.modificationRate): the current rate is kept'));
    steps.push({ step: 'rate', action: `kept the current rate ${pct(currentRate)}: no posted modification rate was given, so it could not be compared`, rule: RULE.rate, before: { rate: currentRate }, after: { rate } });
  } else if (currentRate > postedRate) {
    rate = postedRate;
    checks.push(check(FLEX_RATE_TEST, 'pass', `current rate ${pct(currentRate)} is above the posted rate ${pct(postedRate)}: the posted rate applies`));
    steps.push({ step: 'rate', action: `set the rate to the posted modification rate ${pct(postedRate)} (current ${pct(currentRate)} is above it)`, rule: RULE.rate, before: { rate: currentRate }, after: { rate } });
  } else {
    checks.push(check(FLEX_RATE_TEST, 'pass', `current rate ${pct(currentRate)} is not above the posted rate ${pct(postedRate)}: the current rate is kept`));
    steps.push({ step: 'rate', action: `kept the current rate ${pct(currentRate)} (not above the posted rate ${pct(postedRate)})`, rule: RULE.rate, before: { rate: currentRate }, after: { rate } });
  }

  // 4. Term: the shortest term from the remaining term up to the maximum that reaches the target.
  const fromTerm = Math.min(remaining, maxTerm);
  const term = solveTermForPayment(gross, rate, target, fromTerm, maxTerm);
  steps.push({
    step: 'term',
    action: term.reached
      ? `term ${term.termMonths} months is the first from ${fromTerm} whose P&I ${term.principalAndInterest.toFixed(2)} is at or below the target`
      : `no term up to ${maxTerm} months reaches the target: term ${maxTerm} months, P&I ${term.principalAndInterest.toFixed(2)}`,
    rule: RULE.term,
    before: { termMonths: remaining },
    after: { termMonths: term.termMonths, principalAndInterest: centsNumber(term.principalAndInterest), targetReached: term.reached },
  });

  // 5. Principal forbearance, only when the term did not reach the target.
  let interestBearing = gross;
  let forbearance = ZERO;
  let newPI = term.principalAndInterest;
  if (term.reached) {
    steps.push({ step: 'principal forbearance', action: 'not needed: the target was reached by the term', rule: RULE.forbearance, after: { forbearance: 0 } });
  } else if (value === null) {
    steps.push({ step: 'principal forbearance', action: 'not applied: no property value, so MTMLTV and the forbearance caps cannot be computed', rule: RULE.forbearance, after: { forbearance: 0 } });
  } else {
    const grossMtmltv = gross.dividedBy(value);
    if (gross.lessThan(value.times(params.minimumMtmltvForForbearance))) {
      steps.push({
        step: 'principal forbearance',
        action: `not applied: post-capitalization MTMLTV ${truncatePercent(grossMtmltv)}% is below ${percentNumber(params.minimumMtmltvForForbearance)}%`,
        rule: RULE.forbearance,
        before: { mtmltvPercent: truncatePercent(grossMtmltv) },
        after: { forbearance: 0 },
      });
    } else {
      const factor = term.factor;
      const interestBearingForTarget = largestPrincipalForPayment(factor, target, boundary);
      const needed = maxDecimal(ZERO, gross.minus(interestBearingForTarget));
      // Caps are floored to the cent so that the forborne amount never exceeds either cap.
      const capOfUpb = floorCents(gross.times(params.forbearanceCapOfUpb));
      const capMtmltv = maxDecimal(ZERO, floorCents(gross.minus(value.times(params.forbearanceMtmltvFloor))));
      forbearance = minDecimal(needed, capOfUpb, capMtmltv);
      interestBearing = gross.minus(forbearance);
      newPI = paymentWithFactor(interestBearing, factor);
      const limitedBy = forbearance.equals(needed) ? 'the amount needed' : forbearance.equals(capOfUpb) ? `the ${percentNumber(params.forbearanceCapOfUpb)}% cap` : `the ${percentNumber(params.forbearanceMtmltvFloor)}% MTMLTV cap`;
      steps.push({
        step: 'principal forbearance',
        action: `forbore ${forbearance.toFixed(2)} (limited by ${limitedBy}); P&I ${newPI.toFixed(2)} on ${interestBearing.toFixed(2)}`,
        rule: RULE.forbearance,
        before: { postCapitalizationUpb: centsNumber(gross), mtmltvPercent: truncatePercent(grossMtmltv), interestBearingUpbForTarget: centsNumber(interestBearingForTarget), paymentBoundary: boundary, forbearanceNeeded: centsNumber(needed), capOfUpb: centsNumber(capOfUpb), capMtmltv: centsNumber(capMtmltv) },
        after: { forbearance: centsNumber(forbearance), interestBearingUpb: centsNumber(interestBearing), principalAndInterest: centsNumber(newPI) },
      });
    }
  }

  // 6. Result.
  const reduction = currentPI.minus(newPI).dividedBy(currentPI);
  const reductionPercent = percentNumber(reduction);
  const mtmltvPercent = value === null ? null : truncatePercent(interestBearing.dividedBy(value));
  const decreases = newPI.lessThan(currentPI);
  checks.push(
    check(
      FLEX_PI_INCREASE_TEST,
      decreases ? 'pass' : 'fail',
      decreases
        ? `new P&I ${newPI.toFixed(2)} is below the current ${currentPI.toFixed(2)}`
        : `modification results in P&I increase (Freddie Mac LM000018): new P&I ${newPI.toFixed(2)} is not below the current ${currentPI.toFixed(2)}`,
    ),
  );
  steps.push({
    step: 'result',
    action: decreases
      ? `P&I ${newPI.toFixed(2)}, a ${reductionPercent}% reduction${newPI.greaterThan(target) ? ` (target ${target.toFixed(2)} not reached; a smaller reduction is still offered)` : ''}`
      : `P&I ${newPI.toFixed(2)} is not below the current ${currentPI.toFixed(2)}: not eligible`,
    rule: RULE.result,
    before: { principalAndInterest: centsNumber(currentPI) },
    after: { principalAndInterest: centsNumber(newPI), reductionPercent, mtmltvPercent },
  });

  // 7. Trial period. The shortage installment is rounded half-up to the cent (the engine's money convention).
  const shortageInstallment = roundCents(shortage.dividedBy(params.escrowShortageSpreadMonths));
  const monthlyPayment = newPI.plus(escrow).plus(shortageInstallment);
  const trialCount = params.trialPaymentCount;
  let trialDates: IsoDate[] | null = null;
  let effective: IsoDate | null = null;
  let firstPayment: IsoDate | null = null;
  let maturity: IsoDate | null = null;
  if (inputs.firstTrialPaymentDate !== null) {
    const first = inputs.firstTrialPaymentDate;
    trialDates = Array.from({ length: trialCount }, (_, k) => (k === 0 ? first : addMonths(first, k)));
    effective = firstOfMonth(trialDates[trialDates.length - 1]);
    firstPayment = firstOfMonthPlus(effective, 1);
    maturity = firstOfMonthPlus(effective, term.termMonths);
  }
  steps.push({
    step: 'trial period',
    action:
      trialDates === null
        ? `${trialCount} trial payments of ${monthlyPayment.toFixed(2)}; no first trial payment date in the case (options.firstTrialPaymentDate), so no dates`
        : `${trialCount} trial payments of ${monthlyPayment.toFixed(2)} due ${trialDates.join(', ')}; effective ${effective}, first payment ${firstPayment}, maturity ${maturity}`,
    rule: RULE.trial,
    after: {
      trialPayment: centsNumber(monthlyPayment),
      escrow: centsNumber(escrow),
      escrowShortageInstallment: centsNumber(shortageInstallment),
      modificationEffectiveDate: effective,
      firstPaymentDate: firstPayment,
      maturityDate: maturity,
    },
  });

  const dti = income === null || income.isZero() ? null : ratioNumber(newPI.plus(otherHousing).dividedBy(income));

  const result: ModificationResult = {
    program: 'GSE-FLEX',
    label: 'Flex Modification',
    kind: 'modification',
    eligible: true,
    rulebook: ref,
    checks,
    steps,
    rate,
    termMonths: term.termMonths,
    postCapitalizationUpb: centsNumber(gross),
    interestBearingUpb: centsNumber(interestBearing),
    forbearance: centsNumber(forbearance),
    principalAndInterest: centsNumber(newPI),
    monthlyPayment: centsNumber(monthlyPayment),
    reductionPercent,
    mtmltvPercent,
    trialPayment: centsNumber(monthlyPayment),
    trialPaymentCount: trialCount,
    trialPaymentDates: trialDates,
    modificationEffectiveDate: effective,
    firstPaymentDate: firstPayment,
    maturityDate: maturity,
    postModificationDti: dti,
    targetPrincipalAndInterest: centsNumber(target),
    targetReached: !newPI.greaterThan(target),
  };
  return applyChecks(result, { [FLEX_PI_INCREASE_TEST]: 'P&I increase' });
}

/** A first-of-month date plus whole months (no day clamping needed on the 1st): a cheap path for the schedule dates. */
function firstOfMonthPlus(firstOfMonthDate: IsoDate, months: number): IsoDate {
  const total = Number(firstOfMonthDate.slice(0, 4)) * 12 + Number(firstOfMonthDate.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** A rate fraction as a percent for the audit text (0.0475 -> "4.75%"); display only, never computed with. */
function pct(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}
