/**
 * PORTFOLIO modifications for lender-owned loans (shared/spec/fha-va-usda.md, "PORTFOLIO").
 *
 * PORTFOLIO-MODIFICATION, HAMP Tier 1 shaped (rulebook PORTFOLIO-MOD): capitalize the eligible
 * arrearages (never late fees); reduce the rate in steps down to the floor until the front-end
 * DTI reaches the target; then extend the term up to the maximum; then forbear principal up to
 * the greater of 30% of the post-capitalization UPB and the amount that brings MTMLTV to 100%.
 * The waterfall stops at the first step that reaches the target. The reduced rate is fixed for
 * 5 years, then steps up 1% a year to the rate cap (PMMS at the modification date):
 * `rateSchedule` lists each step with its P&I.
 *
 * PORTFOLIO-TIER2-MODIFICATION, HAMP Tier 2 shaped (rulebook PORTFOLIO-TIER2): rate = PMMS
 * rounded up to 1/8 %, 480 months, the result offered when the P&I falls at least 10% and the
 * front-end DTI lands between 25% and 42%.
 */
import { principalAndInterest, monthlyRate } from '../../amortization';
import type { LoanCase } from '../../case/types';
import { Decimal, ZERO, centsNumber, floorCents, moneyText, percentText, rateNumber, ratioNumber, roundCents, roundRateToStep } from '../../money';
import type { Affordability, AuditStep, EligibilityCheck, ModificationResult } from '../../results';
import { PORTFOLIO_RULEBOOK, PORTFOLIO_TIER2_RULEBOOK, type PortfolioParameters } from '../../rulebooks/portfolio';
import type { EvaluationContext, ProgramDefinition } from '../types';
import { check, eligibleArrears, emptyModification, grossIncome, housingExpenseOtherThanPI, modificationDates, mtmltvPercent, reductionPercent } from '../government/modificationMath';
import { highestSteppedRateForPayment, largestUpbForPayment, shortestTermForPayment } from '../../workouts/solvers';
import { resultHead } from '../checks';

export const PORTFOLIO_RULEBOOK_ID = 'PORTFOLIO-MOD';
export const PORTFOLIO_TIER2_RULEBOOK_ID = 'PORTFOLIO-TIER2';

export interface RateStep {
  fromMonth: number;
  rate: number;
  principalAndInterest: number;
}

export type PortfolioStoppedAt = 'rate' | 'term' | 'forbearance' | 'none';

export interface PortfolioWaterfallFigures {
  targetPI: Decimal;
  postCapitalizationUpb: Decimal;
  interestBearingUpb: Decimal;
  newForbearance: Decimal;
  forbearanceCap: Decimal | null;
  rate: Decimal;
  termMonths: number;
  principalAndInterest: Decimal;
  stoppedAt: PortfolioStoppedAt;
  targetReached: boolean;
  steps: AuditStep[];
}

/** The Tier 1 waterfall figures, or null when the target P&I is not positive (housing costs other than P&I already exceed the target). */
export function computePortfolioWaterfall(
  loanCase: LoanCase,
  params: PortfolioParameters,
  income: Decimal,
  otherHousing: Decimal,
): PortfolioWaterfallFigures | null {
  const rule = PORTFOLIO_RULEBOOK_ID;
  const steps: AuditStep[] = [];
  // Target P&I: the largest cent P&I with (P&I + other housing) / income <= target DTI.
  const targetPI = floorCents(income.times(params.targetDti).minus(otherHousing));
  if (targetPI.lessThanOrEqualTo(0)) return null;
  const { total, contribution, lateFeesExcluded } = eligibleArrears(loanCase);
  const arrears = Decimal.max(ZERO, total.minus(contribution));
  const startUpb = new Decimal(loanCase.loan.upb).plus(arrears);
  const existingDeferred = new Decimal(loanCase.loan.deferredBalance);
  const postCapitalizationUpb = startUpb.plus(existingDeferred);
  steps.push({
    step: 'Capitalize',
    action: 'delinquent interest, escrow and servicing advances and legal fees capitalized; late fees never',
    rule: `${rule} (HAMP Tier 1 step 1)`,
    before: { upb: loanCase.loan.upb, arrears: centsNumber(total), borrowerContribution: centsNumber(contribution), lateFeesExcluded: centsNumber(lateFeesExcluded) },
    after: { interestBearingUpb: centsNumber(startUpb), existingDeferredBalance: centsNumber(existingDeferred), postCapitalizationUpb: centsNumber(postCapitalizationUpb), targetPI: centsNumber(targetPI) },
  });
  const noteRate = new Decimal(loanCase.loan.rate);
  const remaining = loanCase.loan.remainingTermMonths;
  const base = { targetPI, postCapitalizationUpb };

  const notBelow = params.targetBoundary !== 'atOrBelow';
  const boundaryText = notBelow ? 'as close as possible to the target DTI without going below it' : 'until the target DTI is reached';

  // Step 2: rate in steps down to the floor, at the remaining term.
  let steppedRate = highestSteppedRateForPayment(startUpb, noteRate, params.rateFloor, params.rateStep, remaining, targetPI);
  if (steppedRate !== null && notBelow) steppedRate = notBelowRate(steppedRate, startUpb, noteRate, params, remaining, targetPI);
  if (steppedRate !== null) {
    const pi = principalAndInterest(startUpb, steppedRate, remaining);
    steps.push({
      step: 'Rate reduction',
      action: `rate reduced in ${percentText(params.rateStep)} steps ${boundaryText}`,
      rule: `${rule} rateStep, rateFloor, targetDti`,
      before: { rate: rateNumber(noteRate) },
      after: { rate: rateNumber(steppedRate), principalAndInterest: centsNumber(pi) },
    });
    return { ...base, interestBearingUpb: startUpb, newForbearance: ZERO, forbearanceCap: null, rate: steppedRate, termMonths: remaining, principalAndInterest: pi, stoppedAt: 'rate', targetReached: true, steps };
  }
  const floorRate = Decimal.min(noteRate, new Decimal(params.rateFloor));
  steps.push({
    step: 'Rate reduction',
    action: 'rate at the floor does not reach the target DTI',
    rule: `${rule} rateFloor`,
    before: { rate: rateNumber(noteRate) },
    after: { rate: rateNumber(floorRate), principalAndInterest: centsNumber(principalAndInterest(startUpb, floorRate, remaining)) },
  });

  // Step 3: term extension up to the maximum (skipped when the remaining term is already longer).
  const maxTerm = Math.max(params.maxTermMonths, remaining);
  let term = shortestTermForPayment(startUpb, floorRate, targetPI, remaining, maxTerm);
  // notBelow: one month shorter when that P&I is still at or above the target (the ratio stays at or above 31%).
  if (term !== null && notBelow && term > remaining && principalAndInterest(startUpb, floorRate, term).lessThan(targetPI)) term -= 1;
  if (term !== null) {
    const pi = principalAndInterest(startUpb, floorRate, term);
    steps.push({
      step: 'Term extension',
      action: notBelow ? `term extended ${boundaryText}` : 'term extended to the shortest term that reaches the target DTI',
      rule: `${rule} maxTermMonths`,
      before: { termMonths: remaining },
      after: { termMonths: term, principalAndInterest: centsNumber(pi) },
    });
    return { ...base, interestBearingUpb: startUpb, newForbearance: ZERO, forbearanceCap: null, rate: floorRate, termMonths: term, principalAndInterest: pi, stoppedAt: 'term', targetReached: true, steps };
  }
  steps.push({
    step: 'Term extension',
    action: `${maxTerm} months do not reach the target DTI`,
    rule: `${rule} maxTermMonths`,
    before: { termMonths: remaining },
    after: { termMonths: maxTerm, principalAndInterest: centsNumber(principalAndInterest(startUpb, floorRate, maxTerm)) },
  });

  // Step 4: principal forbearance, capped at the greater of 30% of the post-cap UPB and the amount to MTMLTV 100%.
  const atOrBelowUpb = largestUpbForPayment(targetPI, floorRate, maxTerm);
  // notBelow: the smallest interest-bearing UPB whose P&I is at or above the target (one cent more unless exactly on it).
  const reachingUpb = notBelow && principalAndInterest(atOrBelowUpb, floorRate, maxTerm).lessThan(targetPI) ? atOrBelowUpb.plus('0.01') : atOrBelowUpb;
  const needed = startUpb.minus(reachingUpb);
  const percentCap = roundCents(postCapitalizationUpb.times(params.forbearanceMaxPercentOfUpb));
  const value = loanCase.property.value;
  const ltvCap = value === null ? null : Decimal.max(ZERO, startUpb.minus(new Decimal(value).times(params.forbearanceMtmltvTarget)));
  const cap = ltvCap === null ? percentCap : Decimal.max(percentCap, ltvCap);
  const targetReached = needed.lessThanOrEqualTo(cap);
  const newForbearance = Decimal.min(needed, cap);
  const interestBearingUpb = startUpb.minus(newForbearance);
  const pi = principalAndInterest(interestBearingUpb, floorRate, maxTerm);
  steps.push({
    step: 'Principal forbearance',
    action: targetReached ? 'principal forborne (non-interest-bearing) to reach the target DTI' : 'the forbearance cap is reached before the target DTI: the servicer is not required to forbear more',
    rule: `${rule} forbearanceMaxPercentOfUpb, forbearanceMtmltvTarget`,
    before: { needed: centsNumber(needed), capPercentOfUpb: centsNumber(percentCap), capToMtmltv: ltvCap === null ? null : centsNumber(ltvCap) },
    after: { forbearance: centsNumber(newForbearance), interestBearingUpb: centsNumber(interestBearingUpb), principalAndInterest: centsNumber(pi) },
  });
  return { ...base, interestBearingUpb, newForbearance, forbearanceCap: cap, rate: floorRate, termMonths: maxTerm, principalAndInterest: pi, stoppedAt: targetReached ? 'forbearance' : 'none', targetReached, steps };
}

/**
 * notBelow rate: `atOrBelow` is the highest stepped rate whose P&I is at or below the target;
 * the rate one step above it (never above the note rate) is the closest whose P&I is not below
 * the target, unless `atOrBelow` lands exactly on the target.
 */
function notBelowRate(atOrBelow: Decimal, upb: Decimal, noteRate: Decimal, params: PortfolioParameters, months: number, targetPI: Decimal): Decimal {
  if (principalAndInterest(upb, atOrBelow, months).equals(targetPI) || atOrBelow.greaterThanOrEqualTo(noteRate)) return atOrBelow;
  // The grid runs down from the note rate in whole steps; the floor may be off the grid.
  const stepsDown = noteRate.minus(atOrBelow).dividedBy(params.rateStep);
  const previous = stepsDown.isInteger() ? atOrBelow.plus(params.rateStep) : noteRate.minus(stepsDown.floor().times(params.rateStep));
  return Decimal.min(previous, noteRate);
}

/**
 * The step-up schedule: the modified rate for `fixedRateMonths`, then up by `stepUpPerYear`
 * each year until the cap. Each step re-amortizes the balance then outstanding over the rest
 * of the term (interest rounded to the cent each month, as in the amortization schedule).
 */
export function rateStepSchedule(
  interestBearingUpb: Decimal,
  rate: Decimal,
  termMonths: number,
  pi: Decimal,
  cap: Decimal | null,
  params: Pick<PortfolioParameters, 'fixedRateMonths' | 'stepUpPerYear'>,
): RateStep[] {
  const schedule: RateStep[] = [{ fromMonth: 1, rate: rateNumber(rate), principalAndInterest: centsNumber(pi) }];
  if (cap === null || !rate.lessThan(cap) || params.stepUpPerYear <= 0) return schedule;
  let balance = interestBearingUpb;
  let currentRate = rate;
  let payment = pi;
  let month = 1;
  let segment = params.fixedRateMonths;
  while (currentRate.lessThan(cap) && month + segment <= termMonths) {
    const i = monthlyRate(currentRate);
    for (let k = 0; k < segment; k++) {
      const interest = roundCents(balance.times(i));
      balance = balance.minus(payment.minus(interest));
    }
    month += segment;
    segment = 12;
    currentRate = Decimal.min(currentRate.plus(params.stepUpPerYear), cap);
    payment = principalAndInterest(balance, currentRate, termMonths - month + 1);
    schedule.push({ fromMonth: month, rate: rateNumber(currentRate), principalAndInterest: centsNumber(payment) });
  }
  return schedule;
}

function otherDebts(affordability: Affordability): Decimal {
  return new Decimal(affordability.otherDebtPayments ?? 0);
}

export const PORTFOLIO_MODIFICATION: ProgramDefinition = {
  id: 'PORTFOLIO-MODIFICATION',
  label: 'Portfolio modification (HAMP Tier 1 shaped)',
  kind: 'modification',
  rulebookId: PORTFOLIO_RULEBOOK_ID,
  evaluate(context: EvaluationContext): ModificationResult {
    const { loanCase, affordability } = context;
    const id = 'PORTFOLIO-MODIFICATION';
    const label = 'Portfolio modification (HAMP Tier 1 shaped)';
    const { ref, params } = context.rulebook(PORTFOLIO_RULEBOOK);
    const income = grossIncome(affordability);
    const otherHousing = housingExpenseOtherThanPI(loanCase, affordability);
    const pre = new Decimal(loanCase.loan.contractualPI);
    const dtiTest = `front-end DTI above ${percentText(params.targetDti)}`;
    const checks: EligibilityCheck[] = [];
    if (income === null) {
      checks.push(check('front-end-dti-above-target', dtiTest, 'not checked', 'no gross monthly income in the case: the DTI target cannot be computed'));
      return emptyModification(id, label, ref, checks, [], 'income missing', 'borrower.incomes is needed for the DTI-target waterfall');
    }
    const currentDti = pre.plus(otherHousing).dividedBy(income);
    if (currentDti.lessThanOrEqualTo(params.targetDti)) {
      checks.push(check('front-end-dti-above-target', dtiTest, 'fail', `front-end DTI ${percentText(currentDti)} is already at or below the target`));
      return emptyModification(id, label, ref, checks, [], 'DTI already at or below target', `front-end DTI ${percentText(currentDti)} <= ${percentText(params.targetDti)}`);
    }
    checks.push(check('front-end-dti-above-target', dtiTest, 'pass', `front-end DTI ${percentText(currentDti)}`));
    const figures = computePortfolioWaterfall(loanCase, params, income, otherHousing);
    if (!figures) {
      checks.push(check('target-dti-reached', 'target DTI reached', 'fail', 'housing expenses other than P&I alone exceed the target DTI'));
      return emptyModification(id, label, ref, checks, [], 'target DTI not reached', `housing expenses other than P&I ${moneyText(otherHousing)} exceed ${percentText(params.targetDti)} of income ${moneyText(income)}`);
    }
    const pi = figures.principalAndInterest;
    checks.push(
      figures.targetReached
        ? check('target-dti-reached', 
            'target DTI reached',
            'pass',
            params.targetBoundary === 'atOrBelow'
              ? `P&I ${moneyText(pi)} <= target ${moneyText(figures.targetPI)} (stopped at the ${figures.stoppedAt} step)`
              : `P&I ${moneyText(pi)}, the closest to the target ${moneyText(figures.targetPI)} without going below it (stopped at the ${figures.stoppedAt} step)`,
          )
        : check('target-dti-reached', 'target DTI reached', 'fail', `P&I ${moneyText(pi)} above target ${moneyText(figures.targetPI)} with the forbearance cap ${moneyText(figures.forbearanceCap ?? 0)} used`),
      pi.lessThan(pre)
        ? check('pi-does-not-increase', 'payment falls', 'pass', `${moneyText(pi)} < contractual ${moneyText(pre)}`)
        : check('pi-does-not-increase', 'payment falls', 'fail', `${moneyText(pi)} >= contractual ${moneyText(pre)}`),
    );
    const newHousing = pi.plus(otherHousing);
    const postDti = newHousing.dividedBy(income);
    const backEndDti = newHousing.plus(otherDebts(affordability)).dividedBy(income);
    const counselingFlag = backEndDti.greaterThanOrEqualTo(params.backEndDtiFlag);
    const steps = [...figures.steps];
    const cap = loanCase.market.pmms === null ? null : roundRateToStep(new Decimal(loanCase.market.pmms).plus(params.rateCapSpread), params.rateCapStep, 'nearest');
    const rateSchedule = rateStepSchedule(figures.interestBearingUpb, figures.rate, figures.termMonths, pi, cap, params);
    steps.push({
      step: 'Rate step-up',
      action: cap === null ? 'no PMMS given: the rate cap and step-ups are not computed' : `fixed ${params.fixedRateMonths} months, then +${percentText(params.stepUpPerYear)} a year to the cap`,
      rule: `${PORTFOLIO_RULEBOOK_ID} fixedRateMonths, stepUpPerYear, rateCapSpread`,
      before: { rate: rateNumber(figures.rate) },
      after: { rateCap: cap === null ? null : rateNumber(cap), steps: rateSchedule.length },
    });
    const escrow = new Decimal(loanCase.loan.monthlyEscrow);
    const monthlyPayment = pi.plus(escrow);
    const imminent = loanCase.loan.monthsDelinquent <= params.imminentDefaultMaxMonthsDelinquent;
    const count = imminent ? params.trialPaymentCountImminentDefault : params.trialPaymentCount;
    const dates = modificationDates(loanCase.options.firstTrialPaymentDate, count, figures.termMonths);
    steps.push({
      step: 'Result',
      action: counselingFlag ? `back-end DTI ${percentText(backEndDti)} at or above ${percentText(params.backEndDtiFlag)}: flagged for counselling` : 'new P&I on the interest-bearing UPB',
      rule: `${PORTFOLIO_RULEBOOK_ID} backEndDtiFlag`,
      before: { contractualPI: centsNumber(pre), frontEndDti: ratioNumber(currentDti) },
      after: { principalAndInterest: centsNumber(pi), postModificationDti: ratioNumber(postDti), backEndDti: ratioNumber(backEndDti) },
    });
    return {
      ...resultHead(id, label, 'modification', ref, checks, steps),
      rate: rateNumber(figures.rate),
      termMonths: figures.termMonths,
      postCapitalizationUpb: centsNumber(figures.postCapitalizationUpb),
      interestBearingUpb: centsNumber(figures.interestBearingUpb),
      forbearance: centsNumber(figures.newForbearance.plus(loanCase.loan.deferredBalance)),
      principalAndInterest: centsNumber(pi),
      monthlyPayment: centsNumber(monthlyPayment),
      reductionPercent: reductionPercent(pre, pi),
      mtmltvPercent: mtmltvPercent(figures.interestBearingUpb, loanCase.property.value),
      trialPayment: centsNumber(monthlyPayment),
      trialPaymentCount: count,
      ...dates,
      postModificationDti: ratioNumber(postDti),
      backEndDti: ratioNumber(backEndDti),
      counselingFlag,
      stoppedAt: figures.stoppedAt,
      newForbearance: centsNumber(figures.newForbearance),
      targetPrincipalAndInterest: centsNumber(figures.targetPI),
      rateCap: cap === null ? null : rateNumber(cap),
      rateSchedule,
      npvIsInvestorTest: params.npvTest,
    };
  },
};

export const PORTFOLIO_TIER2_MODIFICATION: ProgramDefinition = {
  id: 'PORTFOLIO-TIER2-MODIFICATION',
  label: 'Portfolio modification (HAMP Tier 2 shaped)',
  kind: 'modification',
  rulebookId: PORTFOLIO_TIER2_RULEBOOK_ID,
  evaluate(context: EvaluationContext): ModificationResult {
    const { loanCase, affordability } = context;
    const id = 'PORTFOLIO-TIER2-MODIFICATION';
    const label = 'Portfolio modification (HAMP Tier 2 shaped)';
    const { ref, params } = context.rulebook(PORTFOLIO_TIER2_RULEBOOK);
    const checks: EligibilityCheck[] = [];
    if (loanCase.market.pmms === null) {
      checks.push(check('pmms-given', 'market rate (PMMS) given', 'not checked', 'market.pmms not given'));
      return emptyModification(id, label, ref, checks, [], 'market rate missing', 'market.pmms is needed for the Tier 2 rate');
    }
    const income = grossIncome(affordability);
    const otherHousing = housingExpenseOtherThanPI(loanCase, affordability);
    const pre = new Decimal(loanCase.loan.contractualPI);
    const { total, contribution } = eligibleArrears(loanCase);
    const arrears = Decimal.max(ZERO, total.minus(contribution));
    const interestBearingUpb = new Decimal(loanCase.loan.upb).plus(arrears);
    const rate = roundRateToStep(new Decimal(loanCase.market.pmms).plus(params.riskAdjustment), params.rateStep, 'up');
    const pi = principalAndInterest(interestBearingUpb, rate, params.termMonths);
    const steps: AuditStep[] = [
      {
        step: 'Capitalize',
        action: 'eligible arrearages capitalized; late fees never',
        rule: `${PORTFOLIO_TIER2_RULEBOOK_ID}`,
        before: { upb: loanCase.loan.upb, arrears: centsNumber(arrears) },
        after: { interestBearingUpb: centsNumber(interestBearingUpb) },
      },
      {
        step: 'Rate and term',
        action: `PMMS plus the risk adjustment rounded up to ${percentText(params.rateStep)}; ${params.termMonths} months`,
        rule: `${PORTFOLIO_TIER2_RULEBOOK_ID} rateStep, riskAdjustment, termMonths`,
        before: { rate: loanCase.loan.rate, pmms: loanCase.market.pmms },
        after: { rate: rateNumber(rate), termMonths: params.termMonths, principalAndInterest: centsNumber(pi) },
      },
    ];
    const reduction = pre.isZero() ? ZERO : pre.minus(pi).dividedBy(pre);
    checks.push(
      reduction.greaterThanOrEqualTo(params.minReductionPercent)
        ? check('tier2-minimum-reduction', `P&I falls at least ${percentText(params.minReductionPercent)}`, 'pass', `reduction ${percentText(reduction)}`)
        : check('tier2-minimum-reduction', `P&I falls at least ${percentText(params.minReductionPercent)}`, 'fail', `reduction ${percentText(reduction)}`),
    );
    const dti = income === null ? null : pi.plus(otherHousing).dividedBy(income);
    const dtiTest = `post-modification DTI between ${percentText(params.minDti)} and ${percentText(params.maxDti)}`;
    if (dti === null) checks.push(check('tier2-dti-range', dtiTest, 'not checked', 'no gross monthly income in the case'));
    else checks.push(dti.greaterThanOrEqualTo(params.minDti) && dti.lessThanOrEqualTo(params.maxDti) ? check('tier2-dti-range', dtiTest, 'pass', `DTI ${percentText(dti)}`) : check('tier2-dti-range', dtiTest, 'fail', `DTI ${percentText(dti)}`));
    const escrow = new Decimal(loanCase.loan.monthlyEscrow);
    const dates = modificationDates(loanCase.options.firstTrialPaymentDate, params.trialPaymentCount, params.termMonths);
    return {
      ...resultHead(id, label, 'modification', ref, checks, steps),
      rate: rateNumber(rate),
      termMonths: params.termMonths,
      postCapitalizationUpb: centsNumber(interestBearingUpb.plus(loanCase.loan.deferredBalance)),
      interestBearingUpb: centsNumber(interestBearingUpb),
      forbearance: centsNumber(loanCase.loan.deferredBalance),
      principalAndInterest: centsNumber(pi),
      monthlyPayment: centsNumber(pi.plus(escrow)),
      reductionPercent: reductionPercent(pre, pi),
      mtmltvPercent: mtmltvPercent(interestBearingUpb, loanCase.property.value),
      trialPayment: centsNumber(pi.plus(escrow)),
      trialPaymentCount: params.trialPaymentCount,
      ...dates,
      postModificationDti: dti === null ? null : ratioNumber(dti),
    };
  },
};
