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
import { NOT_EXACT_IN_CENTS, centsText, centsToNumber, decimalFraction, exactProduct, floorDivide, halfUpDivide, ratioOfCents, requireCents } from '../../cents';
import { certifiedPaymentCents } from '../../amortization';
import { type Decimal, type DecimalInput, ZERO, floorCents, minDecimal, maxDecimal, centsNumber, percentNumber, ratioNumber, roundCents, truncatePercent } from '../../money';
import type { AuditStep, EligibilityCheck, ModificationResult, RulebookRef } from '../../results';
import type { GseFlexParameters } from '../../rulebooks/gse';
import { amountArgument, monthsArgument, positiveAmountArgument, rateArgument } from '../../workouts/arguments';
import { largestPrincipalCentsForPayment, largestPrincipalForPayment, paymentWithFactor, solveTermForPayment, solveTermForPaymentCents } from '../../workouts/solvers';
import { applyChecks, check } from './common';

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
 * The figures of a Flex Modification, before they are written up as the audit trail. An
 * amount is either a whole number of cents (a JS integer, from the cents path) or an exact
 * Decimal (from the decimal path); `amountText` and `amountNumber` print both the same way.
 */
type FigureAmount = number | Decimal;

type ForbearanceFigures =
  | { outcome: 'target reached by the term' }
  | { outcome: 'no property value' }
  | { outcome: 'below the minimum MTMLTV'; grossMtmltvPercent: number }
  | {
      outcome: 'applied';
      grossMtmltvPercent: number;
      interestBearingForTarget: FigureAmount;
      needed: FigureAmount;
      capOfUpb: FigureAmount;
      capMtmltv: FigureAmount;
      limitedBy: 'the amount needed' | 'the UPB cap' | 'the MTMLTV cap';
    };

interface FlexFigures {
  upb: FigureAmount;
  deferred: FigureAmount;
  arrearages: FigureAmount;
  contribution: FigureAmount;
  postCapitalizationUpb: FigureAmount;
  currentPI: FigureAmount;
  target: FigureAmount;
  currentRate: number;
  postedRate: number | null;
  rate: number;
  remainingTermMonths: number;
  fromTermMonths: number;
  maxTermMonths: number;
  termMonths: number;
  termPI: FigureAmount;
  termReachedTarget: boolean;
  forbearanceFigures: ForbearanceFigures;
  forbearance: FigureAmount;
  interestBearingUpb: FigureAmount;
  newPI: FigureAmount;
  reductionPercent: number;
  mtmltvPercent: number | null;
  piDecreases: boolean;
  targetExceeded: boolean;
  escrow: FigureAmount;
  shortageInstallment: FigureAmount;
  monthlyPayment: FigureAmount;
  postModificationDti: number | null;
}

const amountText = (amount: FigureAmount): string => (typeof amount === 'number' ? centsText(amount) : amount.toFixed(2));
const amountNumber = (amount: FigureAmount): number => (typeof amount === 'number' ? centsToNumber(amount) : centsNumber(amount));
const amountIsZero = (amount: FigureAmount): boolean => (typeof amount === 'number' ? amount === 0 : amount.isZero());

/**
 * The Flex Modification terms for these figures. Throws ArgumentError (naming the input) for
 * an input it cannot use. `eligible` here reflects only the calculator's own tests (the P&I
 * must decrease); the program adds the case's eligibility tests.
 *
 * Speed: the figures are computed in exact integer cents when every amount is a whole number
 * of cents under $1 billion and float64 settles every rounded payment (flexFiguresInCents);
 * otherwise, and for every bad input, in decimal (flexFiguresInDecimal). Both give the same
 * figures (test/engine/programs/gse/flexCents.test.ts); one function writes them up.
 */
export function flexModification(inputs: FlexInputs, params: GseFlexParameters, ref: RulebookRef): ModificationResult {
  const inCents = flexFiguresInCents(inputs, params);
  if (inCents !== null) flexPathStats.cents++;
  else flexPathStats.decimal++;
  return flexResult(inCents ?? flexFiguresInDecimal(inputs, params), inputs, params, ref);
}

/** How many Flex calculations took each path (for tests and the bench; never logged). */
export const flexPathStats = { cents: 0, decimal: 0 };

/** flexModification with every figure in decimal: the reference of the cents path. */
export function flexModificationDecimal(inputs: FlexInputs, params: GseFlexParameters, ref: RulebookRef): ModificationResult {
  return flexResult(flexFiguresInDecimal(inputs, params), inputs, params, ref);
}

/** The figures in decimal, every input checked (an ArgumentError names the first bad one). */
function flexFiguresInDecimal(inputs: FlexInputs, params: GseFlexParameters): FlexFigures {
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

  // 1. Capitalize.
  const gross = upb.plus(deferred).plus(arrearages).minus(contribution);
  if (gross.lessThanOrEqualTo(ZERO)) {
    throw new ArgumentError('borrowerContribution', `the borrower contribution ${contribution.toFixed(2)} leaves no balance to modify (UPB + deferred + arrearages = ${upb.plus(deferred).plus(arrearages).toFixed(2)})`, 'num');
  }
  // 2. Target P&I.
  const target = floorCents(currentPI.times(params.targetPaymentFactor));
  // 3. Rate.
  const rate = postedRate !== null && currentRate > postedRate ? postedRate : currentRate;
  // 4. Term: the shortest term from the remaining term up to the maximum that reaches the target.
  const fromTerm = Math.min(remaining, maxTerm);
  const term = solveTermForPayment(gross, rate, target, fromTerm, maxTerm);

  // 5. Principal forbearance, only when the term did not reach the target.
  let interestBearing = gross;
  let forbearance = ZERO;
  let newPI = term.principalAndInterest;
  let forbearanceFigures: ForbearanceFigures;
  if (term.reached) forbearanceFigures = { outcome: 'target reached by the term' };
  else if (value === null) forbearanceFigures = { outcome: 'no property value' };
  else if (gross.lessThan(value.times(params.minimumMtmltvForForbearance))) {
    forbearanceFigures = { outcome: 'below the minimum MTMLTV', grossMtmltvPercent: truncatePercent(gross.dividedBy(value)) };
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
    const limitedBy = forbearance.equals(needed) ? 'the amount needed' : forbearance.equals(capOfUpb) ? 'the UPB cap' : 'the MTMLTV cap';
    forbearanceFigures = { outcome: 'applied', grossMtmltvPercent: truncatePercent(gross.dividedBy(value)), interestBearingForTarget, needed, capOfUpb, capMtmltv, limitedBy };
  }

  // 6. Result; 7. trial payment. The shortage installment is rounded half-up to the cent (the engine's money convention).
  const shortageInstallment = roundCents(shortage.dividedBy(params.escrowShortageSpreadMonths));
  return {
    upb,
    deferred,
    arrearages,
    contribution,
    postCapitalizationUpb: gross,
    currentPI,
    target,
    currentRate,
    postedRate,
    rate,
    remainingTermMonths: remaining,
    fromTermMonths: fromTerm,
    maxTermMonths: maxTerm,
    termMonths: term.termMonths,
    termPI: term.principalAndInterest,
    termReachedTarget: term.reached,
    forbearanceFigures,
    forbearance,
    interestBearingUpb: interestBearing,
    newPI,
    reductionPercent: percentNumber(currentPI.minus(newPI).dividedBy(currentPI)),
    mtmltvPercent: value === null ? null : truncatePercent(interestBearing.dividedBy(value)),
    piDecreases: newPI.lessThan(currentPI),
    targetExceeded: newPI.greaterThan(target),
    escrow,
    shortageInstallment,
    monthlyPayment: newPI.plus(escrow).plus(shortageInstallment),
    postModificationDti: income === null || income.isZero() ? null : ratioNumber(newPI.plus(otherHousing).dividedBy(income)),
  };
}

/** ratioNumber's ratio (6 decimals, half-up) from ratioOfCents, or the decimal path when it is out of range. */
function requireRatio(ratio: number | null): number {
  if (ratio === null) throw NOT_EXACT_IN_CENTS;
  return ratio;
}

/** A rate the decimal path accepts (rateArgument), else not for the cents path. */
function usableRate(rate: unknown): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw NOT_EXACT_IN_CENTS;
  return rate;
}

/** A whole number of months the decimal path accepts (monthsArgument), else not for the cents path. */
function usableMonths(months: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof months !== 'number' || !Number.isInteger(months) || months < min || months > max) throw NOT_EXACT_IN_CENTS;
  return months;
}

/**
 * The same figures in exact integer cents (cents.ts) with float64-certified payments, or null
 * when an input is not a plain whole-cent amount, is one the decimal path rejects, or a rounded
 * payment is too close to a half cent for float64 to settle: then the decimal path decides.
 */
function flexFiguresInCents(inputs: FlexInputs, params: GseFlexParameters): FlexFigures | null {
  try {
    return centsFigures(inputs, params);
  } catch (error) {
    if (error === NOT_EXACT_IN_CENTS) return null;
    throw error;
  }
}

function centsFigures(inputs: FlexInputs, params: GseFlexParameters): FlexFigures {
  const upb = requireCents(inputs.interestBearingUpb);
  const deferred = requireCents(inputs.deferredBalance);
  const arrearages = requireCents(inputs.eligibleArrearages);
  const contribution = requireCents(inputs.borrowerContribution);
  const currentRate = usableRate(inputs.currentRate);
  const remaining = usableMonths(inputs.remainingTermMonths, 1);
  const currentPI = requireCents(inputs.contractualPI);
  const value = inputs.propertyValue === null ? null : requireCents(inputs.propertyValue);
  const postedRate = inputs.modificationRate === null ? null : usableRate(inputs.modificationRate);
  const escrow = requireCents(inputs.monthlyEscrow);
  const shortage = requireCents(inputs.escrowShortage);
  const income = inputs.grossMonthlyIncome === null ? null : requireCents(inputs.grossMonthlyIncome);
  const otherHousing = inputs.otherHousingExpense === null || inputs.otherHousingExpense === undefined ? escrow : requireCents(inputs.otherHousingExpense);
  const maxTerm = usableMonths(params.maxTermMonths, 1);
  usableMonths(params.trialPaymentCount, 1, 12);
  const spreadMonths = usableMonths(params.escrowShortageSpreadMonths, 1);
  const boundary = params.forbearancePaymentBoundary;
  if (currentPI === 0 || value === 0 || (boundary !== 'exact' && boundary !== 'rounded')) throw NOT_EXACT_IN_CENTS;

  const gross = upb + deferred + arrearages - contribution;
  if (gross <= 0) throw NOT_EXACT_IN_CENTS;
  const targetFactor = decimalFraction(params.targetPaymentFactor);
  const target = floorDivide(exactProduct(currentPI, targetFactor.numerator), targetFactor.denominator);
  const rate = postedRate !== null && currentRate > postedRate ? postedRate : currentRate;
  const fromTerm = Math.min(remaining, maxTerm);
  const term = solveTermForPaymentCents(gross, rate, target, fromTerm, maxTerm);
  if (term === null) throw NOT_EXACT_IN_CENTS;
  const termReachedTarget = term.paymentCents <= target;

  let interestBearing = gross;
  let forbearance = 0;
  let newPI = term.paymentCents;
  let forbearanceFigures: ForbearanceFigures;
  // MTMLTV truncated to a hundredth of a percent: floor(balance x 10000 / value) / 100.
  const mtmltvPercentOf = (balance: number, propertyValue: number) => floorDivide(exactProduct(balance, 10000), propertyValue) / 100;
  if (termReachedTarget) forbearanceFigures = { outcome: 'target reached by the term' };
  else if (value === null) forbearanceFigures = { outcome: 'no property value' };
  else {
    const minimum = decimalFraction(params.minimumMtmltvForForbearance);
    if (exactProduct(gross, minimum.denominator) < exactProduct(value, minimum.numerator)) {
      forbearanceFigures = { outcome: 'below the minimum MTMLTV', grossMtmltvPercent: mtmltvPercentOf(gross, value) };
    } else {
      const interestBearingForTarget = largestPrincipalCentsForPayment(rate, term.termMonths, target, boundary);
      if (interestBearingForTarget === null) throw NOT_EXACT_IN_CENTS;
      const needed = Math.max(0, gross - interestBearingForTarget);
      const capFraction = decimalFraction(params.forbearanceCapOfUpb);
      const capOfUpb = floorDivide(exactProduct(gross, capFraction.numerator), capFraction.denominator);
      const floorFraction = decimalFraction(params.forbearanceMtmltvFloor);
      const capMtmltv = Math.max(0, floorDivide(exactProduct(gross, floorFraction.denominator) - exactProduct(value, floorFraction.numerator), floorFraction.denominator));
      forbearance = Math.min(needed, capOfUpb, capMtmltv);
      interestBearing = gross - forbearance;
      const payment = certifiedPaymentCents(interestBearing / 100, rate, term.termMonths);
      if (payment === null) throw NOT_EXACT_IN_CENTS;
      newPI = payment;
      const limitedBy = forbearance === needed ? 'the amount needed' : forbearance === capOfUpb ? 'the UPB cap' : 'the MTMLTV cap';
      forbearanceFigures = { outcome: 'applied', grossMtmltvPercent: mtmltvPercentOf(gross, value), interestBearingForTarget, needed, capOfUpb, capMtmltv, limitedBy };
    }
  }

  const shortageInstallment = halfUpDivide(shortage, spreadMonths);
  return {
    upb,
    deferred,
    arrearages,
    contribution,
    postCapitalizationUpb: gross,
    currentPI,
    target,
    currentRate,
    postedRate,
    rate,
    remainingTermMonths: remaining,
    fromTermMonths: fromTerm,
    maxTermMonths: maxTerm,
    termMonths: term.termMonths,
    termPI: term.paymentCents,
    termReachedTarget,
    forbearanceFigures,
    forbearance,
    interestBearingUpb: interestBearing,
    newPI,
    // Percent with two decimals, half-up: round(reduction x 10000) / 100.
    reductionPercent: halfUpDivide(exactProduct(currentPI - newPI, 10000), currentPI) / 100,
    mtmltvPercent: value === null ? null : mtmltvPercentOf(interestBearing, value),
    piDecreases: newPI < currentPI,
    targetExceeded: newPI > target,
    escrow,
    shortageInstallment,
    monthlyPayment: newPI + escrow + shortageInstallment,
    postModificationDti: income === null || income === 0 ? null : requireRatio(ratioOfCents(newPI + otherHousing, income, 6)),
  };
}

/** The option result, checks and audit trail of the figures (either path). */
function flexResult(f: FlexFigures, inputs: FlexInputs, params: GseFlexParameters, ref: RulebookRef): ModificationResult {
  const steps: AuditStep[] = [];
  const checks: EligibilityCheck[] = [];
  const text = amountText;
  const num = amountNumber;

  steps.push({
    step: 'capitalize',
    action: `capitalized ${text(f.arrearages)} of arrearages${amountIsZero(f.deferred) ? '' : ` and the ${text(f.deferred)} deferred balance`}${amountIsZero(f.contribution) ? '' : `, less the ${text(f.contribution)} borrower contribution`}`,
    rule: RULE.capitalize,
    before: { interestBearingUpb: num(f.upb), deferredBalance: num(f.deferred), eligibleArrearages: num(f.arrearages), borrowerContribution: num(f.contribution) },
    after: { postCapitalizationUpb: num(f.postCapitalizationUpb) },
  });

  steps.push({
    step: 'target P&I',
    action: `target P&I ${text(f.target)} = floor_to_cent(${text(f.currentPI)}${parameterTexts(params).targetFactorAndReduction}`,
    rule: RULE.target,
    before: { principalAndInterest: num(f.currentPI) },
    after: { targetPrincipalAndInterest: num(f.target) },
  });

  const { currentRate, postedRate, rate } = f;
  if (postedRate === null) {
    checks.push(check('flex-rate', FLEX_RATE_TEST, 'not checked', 'no posted modification rate in the case (market.modificationRate): the current rate is kept'));
    steps.push({ step: 'rate', action: `kept the current rate ${pct(currentRate)}: no posted modification rate was given, so it could not be compared`, rule: RULE.rate, before: { rate: currentRate }, after: { rate } });
  } else if (currentRate > postedRate) {
    checks.push(check('flex-rate', FLEX_RATE_TEST, 'pass', `current rate ${pct(currentRate)} is above the posted rate ${pct(postedRate)}: the posted rate applies`));
    steps.push({ step: 'rate', action: `set the rate to the posted modification rate ${pct(postedRate)} (current ${pct(currentRate)} is above it)`, rule: RULE.rate, before: { rate: currentRate }, after: { rate } });
  } else {
    checks.push(check('flex-rate', FLEX_RATE_TEST, 'pass', `current rate ${pct(currentRate)} is not above the posted rate ${pct(postedRate)}: the current rate is kept`));
    steps.push({ step: 'rate', action: `kept the current rate ${pct(currentRate)} (not above the posted rate ${pct(postedRate)})`, rule: RULE.rate, before: { rate: currentRate }, after: { rate } });
  }

  steps.push({
    step: 'term',
    action: f.termReachedTarget
      ? `term ${f.termMonths} months is the first from ${f.fromTermMonths} whose P&I ${text(f.termPI)} is at or below the target`
      : `no term up to ${f.maxTermMonths} months reaches the target: term ${f.maxTermMonths} months, P&I ${text(f.termPI)}`,
    rule: RULE.term,
    before: { termMonths: f.remainingTermMonths },
    after: { termMonths: f.termMonths, principalAndInterest: num(f.termPI), targetReached: f.termReachedTarget },
  });

  const fb = f.forbearanceFigures;
  if (fb.outcome === 'target reached by the term') {
    steps.push({ step: 'principal forbearance', action: 'not needed: the target was reached by the term', rule: RULE.forbearance, after: { forbearance: 0 } });
  } else if (fb.outcome === 'no property value') {
    steps.push({ step: 'principal forbearance', action: 'not applied: no property value, so MTMLTV and the forbearance caps cannot be computed', rule: RULE.forbearance, after: { forbearance: 0 } });
  } else if (fb.outcome === 'below the minimum MTMLTV') {
    steps.push({
      step: 'principal forbearance',
      action: `not applied: post-capitalization MTMLTV ${fb.grossMtmltvPercent}% is below ${parameterTexts(params).minimumMtmltvPercent}%`,
      rule: RULE.forbearance,
      before: { mtmltvPercent: fb.grossMtmltvPercent },
      after: { forbearance: 0 },
    });
  } else {
    const limitedBy =
      fb.limitedBy === 'the amount needed'
        ? 'the amount needed'
        : fb.limitedBy === 'the UPB cap'
          ? parameterTexts(params).upbCapText
          : parameterTexts(params).mtmltvCapText;
    steps.push({
      step: 'principal forbearance',
      action: `forbore ${text(f.forbearance)} (limited by ${limitedBy}); P&I ${text(f.newPI)} on ${text(f.interestBearingUpb)}`,
      rule: RULE.forbearance,
      before: {
        postCapitalizationUpb: num(f.postCapitalizationUpb),
        mtmltvPercent: fb.grossMtmltvPercent,
        interestBearingUpbForTarget: num(fb.interestBearingForTarget),
        paymentBoundary: params.forbearancePaymentBoundary,
        forbearanceNeeded: num(fb.needed),
        capOfUpb: num(fb.capOfUpb),
        capMtmltv: num(fb.capMtmltv),
      },
      after: { forbearance: num(f.forbearance), interestBearingUpb: num(f.interestBearingUpb), principalAndInterest: num(f.newPI) },
    });
  }

  const newPIText = text(f.newPI);
  const currentPIText = text(f.currentPI);
  checks.push(
    check('pi-does-not-increase', 
      FLEX_PI_INCREASE_TEST,
      f.piDecreases ? 'pass' : 'fail',
      f.piDecreases
        ? `new P&I ${newPIText} is below the current ${currentPIText}`
        : `modification results in P&I increase (Freddie Mac LM000018): new P&I ${newPIText} is not below the current ${currentPIText}`,
    ),
  );
  steps.push({
    step: 'result',
    action: f.piDecreases
      ? `P&I ${newPIText}, a ${f.reductionPercent}% reduction${f.targetExceeded ? ` (target ${text(f.target)} not reached; a smaller reduction is still offered)` : ''}`
      : `P&I ${newPIText} is not below the current ${currentPIText}: not eligible`,
    rule: RULE.result,
    before: { principalAndInterest: num(f.currentPI) },
    after: { principalAndInterest: num(f.newPI), reductionPercent: f.reductionPercent, mtmltvPercent: f.mtmltvPercent },
  });

  const trialCount = params.trialPaymentCount;
  let trialDates: IsoDate[] | null = null;
  let effective: IsoDate | null = null;
  let firstPayment: IsoDate | null = null;
  let maturity: IsoDate | null = null;
  if (inputs.firstTrialPaymentDate !== null) {
    const first = inputs.firstTrialPaymentDate;
    trialDates = [first];
    for (let k = 1; k < trialCount; k++) trialDates.push(addMonths(first, k));
    effective = firstOfMonth(trialDates[trialDates.length - 1]);
    firstPayment = addMonths(effective, 1);
    maturity = addMonths(effective, f.termMonths);
  }
  const monthlyPayment = num(f.monthlyPayment);
  steps.push({
    step: 'trial period',
    action:
      trialDates === null
        ? `${trialCount} trial payments of ${text(f.monthlyPayment)}; no first trial payment date in the case (options.firstTrialPaymentDate), so no dates`
        : `${trialCount} trial payments of ${text(f.monthlyPayment)} due ${listText(trialDates)}; effective ${effective}, first payment ${firstPayment}, maturity ${maturity}`,
    rule: RULE.trial,
    after: {
      trialPayment: monthlyPayment,
      escrow: num(f.escrow),
      escrowShortageInstallment: num(f.shortageInstallment),
      modificationEffectiveDate: effective,
      firstPaymentDate: firstPayment,
      maturityDate: maturity,
    },
  });

  const result: ModificationResult = {
    program: 'GSE-FLEX',
    label: 'Flex Modification',
    kind: 'modification',
    eligible: true,
    rulebook: ref,
    checks,
    steps,
    rate,
    termMonths: f.termMonths,
    postCapitalizationUpb: num(f.postCapitalizationUpb),
    interestBearingUpb: num(f.interestBearingUpb),
    forbearance: num(f.forbearance),
    principalAndInterest: num(f.newPI),
    monthlyPayment,
    reductionPercent: f.reductionPercent,
    mtmltvPercent: f.mtmltvPercent,
    trialPayment: monthlyPayment,
    trialPaymentCount: trialCount,
    trialPaymentDates: trialDates,
    modificationEffectiveDate: effective,
    firstPaymentDate: firstPayment,
    maturityDate: maturity,
    postModificationDti: f.postModificationDti,
    targetPrincipalAndInterest: num(f.target),
    targetReached: !f.targetExceeded,
  };
  return applyChecks(result, { 'pi-does-not-increase': 'P&I increase' });
}

/** Dates joined with ", " (Array#join costs several times a few concatenations in V8). */
function listText(dates: readonly IsoDate[]): string {
  let text = dates[0];
  for (let k = 1; k < dates.length; k++) text += `, ${dates[k]}`;
  return text;
}

interface FlexParameterTexts {
  targetFactorAndReduction: string;
  minimumMtmltvPercent: number;
  upbCapText: string;
  mtmltvCapText: string;
}

const parameterTextsOf = new WeakMap<GseFlexParameters, FlexParameterTexts>();

/**
 * The audit-trail fragments that depend only on the rulebook in force: made once per parameter
 * object when it is frozen (parameterValues' objects are), so a memoized text cannot go stale.
 */
function parameterTexts(params: GseFlexParameters): FlexParameterTexts {
  let texts = parameterTextsOf.get(params);
  if (texts === undefined) {
    texts = {
      targetFactorAndReduction: ` x ${params.targetPaymentFactor}), a ${params.targetReductionPercent}% reduction`,
      minimumMtmltvPercent: percentNumber(params.minimumMtmltvForForbearance),
      upbCapText: `the ${percentNumber(params.forbearanceCapOfUpb)}% cap`,
      mtmltvCapText: `the ${percentNumber(params.forbearanceMtmltvFloor)}% MTMLTV cap`,
    };
    if (Object.isFrozen(params)) parameterTextsOf.set(params, texts);
  }
  return texts;
}

const percentTexts = new Map<number, string>();

/** A rate fraction as a percent for the audit text (0.0475 -> "4.75%"); display only, never computed with. Memoized: loans share a few rates. */
function pct(rate: number): string {
  let text = percentTexts.get(rate);
  if (text === undefined) {
    text = `${Number((rate * 100).toFixed(4))}%`;
    if (percentTexts.size < 4096) percentTexts.set(rate, text);
  }
  return text;
}
