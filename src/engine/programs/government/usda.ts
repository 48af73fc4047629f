/**
 * USDA Single Family Housing Guaranteed streamline modification with a mortgage recovery
 * advance (MRA) (7 CFR 3555.304 as amended effective 2025-02-11; rulebook USDA-LOSS-MIT).
 *
 * No review of the borrower's finances; the borrower at least 90 days past due; the rate at or
 * below the maximum allowable (lower of the note rate and PMMS rounded to 1/8 % plus 0.50%,
 * Interpretation); the MRA takes the arrears; the term is extended one month at a time up to
 * 40 years from the modification date until the P&I falls by at least 10% (USDA bulletin on
 * the final rule, 2024-08-15); then the MRA defers principal. The MRA is at most 12 months of
 * PITI plus foreclosure costs (legal fees, Interpretation) and all MRAs together at most 30%
 * of the UPB, interest-free. Since 2025-02-11 the MRA stays part of the servicer's first lien
 * (no separate USDA lien); the engine reports it as `mortgageRecoveryAdvance`.
 */
import type { LoanCase } from '../../case/types';
import { addDays, addMonths, firstOfMonth, type IsoDate } from '../../dates';
import { Decimal, ZERO, centsNumber, floorCents, minDecimal, moneyText, percentText, rateNumber, roundCents, roundRateToStep } from '../../money';
import type { EligibilityCheck, ModificationResult } from '../../results';
import { USDA_RULEBOOK, type UsdaParameters } from '../../rulebooks/government';
import type { EvaluationContext, ProgramDefinition } from '../types';
import { amountToReinstate, principalOfMissedInstallments } from '../amountToReinstate';
import { computeClaimModification } from './claimModification';
import { investorCheck, occupancyCheck, pmmsCheck } from './common';
import { buildGovernmentModification } from './fha';
import { check, emptyModification } from './modificationMath';

export const USDA_RULEBOOK_ID = 'USDA-LOSS-MIT';

/**
 * MRA available: the lesser of 12 months of PITI plus foreclosure costs and 30% of the UPB less
 * the MRAs already made (`loan.partialClaimBalance`): since 2025-02-11 a borrower may receive
 * several MRAs while their total stays within 30% of the UPB at the default.
 */
export function usdaMraCap(loanCase: LoanCase, params: UsdaParameters): { cap: Decimal; pitiCap: Decimal; upbCap: Decimal } {
  const piti = new Decimal(loanCase.loan.contractualPI).plus(loanCase.loan.monthlyEscrow);
  const pitiCap = piti.times(params.mraMaxMonthsPiti).plus(loanCase.arrears.legalFees);
  // Interpretation: the current UPB stands in for the UPB at the default.
  const upbCap = Decimal.max(ZERO, roundCents(new Decimal(loanCase.loan.upb).times(params.mraMaxPercentOfUpb)).minus(loanCase.loan.partialClaimBalance));
  return { cap: minDecimal(pitiCap, upbCap), pitiCap, upbCap };
}

export const USDA_MODIFICATION: ProgramDefinition = {
  id: 'USDA-MODIFICATION',
  label: 'USDA streamline modification with mortgage recovery advance',
  kind: 'modification',
  rulebookId: USDA_RULEBOOK_ID,
  evaluate(context: EvaluationContext): ModificationResult {
    const { loanCase } = context;
    const id = 'USDA-MODIFICATION';
    const label = 'USDA streamline modification with mortgage recovery advance';
    const { ref, params } = context.rulebook(USDA_RULEBOOK);
    const checks: EligibilityCheck[] = [
      investorCheck(loanCase, 'USDA'),
      occupancyCheck(loanCase),
      loanCase.loan.monthsDelinquent >= params.minMonthsDelinquent
        ? check('usda-ninety-days-past-due', `at least ${params.minMonthsDelinquent} months past due`, 'pass', `${loanCase.loan.monthsDelinquent} months delinquent`)
        : check('usda-ninety-days-past-due', `at least ${params.minMonthsDelinquent} months past due`, 'fail', `${loanCase.loan.monthsDelinquent} months delinquent: streamline options need 90 days past due`),
      pmmsCheck(loanCase),
    ];
    if (loanCase.market.pmms === null) return emptyModification(id, label, ref, checks, [], 'market rate missing', 'market.pmms is needed for the maximum allowable rate');
    const pre = new Decimal(loanCase.loan.contractualPI);
    const maxRate = roundRateToStep(loanCase.market.pmms, params.rateStep, 'nearest').plus(params.rateSpread);
    const rate = minDecimal(new Decimal(loanCase.loan.rate), maxRate);
    const { cap, pitiCap, upbCap } = usdaMraCap(loanCase, params);
    // The MRA pays the amount to reinstate (engine.md 1); the cured installments reduce the principal.
    const figures = computeClaimModification({
      upb: new Decimal(loanCase.loan.upb).minus(principalOfMissedInstallments(loanCase)),
      arrears: amountToReinstate(loanCase).total,
      lateFees: loanCase.arrears.lateFees,
      available: cap,
      availableStep: {
        step: 'Mortgage recovery advance available',
        action: `lesser of ${params.mraMaxMonthsPiti} months of PITI plus foreclosure costs and ${percentText(params.mraMaxPercentOfUpb)} of the UPB`,
        rule: `${USDA_RULEBOOK_ID} mraMaxMonthsPiti, mraMaxPercentOfUpb (7 CFR 3555.304; Interpretation)`,
        before: { contractualPI: loanCase.loan.contractualPI, monthlyEscrow: loanCase.loan.monthlyEscrow, foreclosureCosts: loanCase.arrears.legalFees, upb: loanCase.loan.upb },
        after: { pitiCap: centsNumber(pitiCap), upbCap: centsNumber(upbCap), mraCap: centsNumber(cap) },
      },
      rate,
      rateStep: {
        step: 'Rate',
        action: 'lower of the note rate and the maximum allowable rate',
        rule: `${USDA_RULEBOOK_ID} rateSpread, rateStep (Interpretation)`,
        before: { noteRate: loanCase.loan.rate, pmms: loanCase.market.pmms },
        after: { maximumRate: rateNumber(maxRate), rate: rateNumber(rate) },
      },
      termMonths: params.maxTermMonths,
      minTermMonths: loanCase.loan.remainingTermMonths,
      termRule: `${USDA_RULEBOOK_ID} maxTermMonths (one-month increments to the target, 2025 rule)`,
      contractualPI: pre,
      // At least a 10% reduction: the largest cent P&I at or below 90% of the contractual P&I.
      target: floorCents(pre.times(new Decimal(1).minus(params.minReductionPercent))),
      claimName: 'mortgage recovery advance',
      rule: USDA_RULEBOOK_ID,
    });
    checks.push(
      figures.targetReached
        ? check('target-reduction-reached', `${percentText(params.minReductionPercent)} P&I reduction reached`, 'pass', `P&I ${moneyText(figures.principalAndInterest)} <= ${moneyText(figures.target)}`)
        : check('target-reduction-reached', `${percentText(params.minReductionPercent)} P&I reduction reached`, 'fail', `P&I ${moneyText(figures.principalAndInterest)} above ${moneyText(figures.target)} with the whole MRA used`),
      figures.principalAndInterest.lessThanOrEqualTo(pre)
        ? check('pi-does-not-increase', 'P&I does not increase', 'pass', `${moneyText(figures.principalAndInterest)} <= ${moneyText(pre)}`)
        : check('pi-does-not-increase', 'P&I does not increase', 'fail', `${moneyText(figures.principalAndInterest)} > ${moneyText(pre)}`),
    );
    const mra = figures.arrearsInPartialClaim.plus(figures.principalDeferment);
    const waitingOnly = checks.filter((c) => c.status === 'fail').every((c) => c.id === 'usda-ninety-days-past-due');
    const opensOn = loanCase.loan.monthsDelinquent < params.minMonthsDelinquent && waitingOnly ? streamlineOpensOn(loanCase, params) : null;
    return buildGovernmentModification({
      context,
      id,
      label,
      ref,
      checks,
      steps: figures.steps,
      figures,
      trialPaymentCount: params.trialPaymentCount,
      programFields: {
        partialClaim: centsNumber(mra),
        partialClaimCap: centsNumber(cap),
        mortgageRecoveryAdvance: centsNumber(mra),
        partialClaimArrears: centsNumber(figures.arrearsInPartialClaim),
        principalDeferment: centsNumber(figures.principalDeferment),
        capitalizedArrears: centsNumber(figures.capitalizedArrears),
        maximumRate: rateNumber(maxRate),
        targetPrincipalAndInterest: centsNumber(figures.target),
        opensOn,
      },
    });
  },
};

/**
 * The day the loan is 90 days past due (7 CFR 3555.304(b)(1)): the oldest unpaid due date plus
 * `minDaysPastDue` days (engine.md 1: a payment due January 1 and unpaid is 30 days delinquent on
 * January 31). The oldest unpaid due date is loan.nextDueDate, or, without it, the first of the
 * month `monthsDelinquent - 1` months before the evaluation (the first of next month when current).
 */
export function streamlineOpensOn(loanCase: LoanCase, params: UsdaParameters): IsoDate {
  const { nextDueDate, monthsDelinquent } = loanCase.loan;
  const oldestUnpaid = nextDueDate ?? addMonths(firstOfMonth(loanCase.evaluationDate), monthsDelinquent > 0 ? -(monthsDelinquent - 1) : 1);
  return addDays(oldestUnpaid, params.minDaysPastDue);
}
