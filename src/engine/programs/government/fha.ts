/**
 * FHA home-retention options (shared/spec/fha-va-usda.md, "FHA"; rulebook FHA-LOSS-MIT):
 * standalone partial claim, 30-year and 40-year modifications with a partial claim, and the
 * Payment Supplement.
 *
 * The partial claim is the non-interest-bearing subordinate lien to HUD. In a modification it
 * takes the arrears first and then principal deferment, so the modification result carries
 * `forbearance: 0` and the deferment in `principalDeferment` (and in `partialClaim`).
 * The arrears are the amount to reinstate (engine.md 1, programs/amountToReinstate.ts: every
 * missed installment of P&I and escrow, servicing advances and legal fees, less the borrower's
 * contribution and suspense; never late fees). Paying them applies the missed installments, so
 * the modified UPB is `loan.upb` less the principal part of those installments.
 */
import type { LoanCase } from '../../case/types';
import { Decimal, type DecimalInput, ZERO, ceilCents, centsNumber, floorCents, minDecimal, moneyText, percentText, rateNumber, ratioNumber, roundCents, roundRateToStep } from '../../money';
import type { AuditStep, EligibilityCheck, ModificationResult, PartialClaimResult } from '../../results';
import { FHA_RULEBOOK, type FhaParameters } from '../../rulebooks/government';
import type { EvaluationContext, ProgramDefinition } from '../types';
import { amountToReinstate, amountToReinstateFigures, principalOfMissedInstallments } from '../amountToReinstate';
import { resultHead } from '../checks';
import { computeClaimModification, type ClaimModificationFigures } from './claimModification';
import { investorCheck, occupancyCheck, pmmsCheck, retentionIntervalCheck } from './common';
import { check, emptyModification, grossIncome, housingExpenseOtherThanPI, housingRatio, modificationDates, mtmltvPercent, reductionPercent } from './modificationMath';

export const FHA_RULEBOOK_ID = 'FHA-LOSS-MIT';

/** The partial claim still available: 30% of the UPB (at the initial default) less every previous partial claim. */
export function fhaPartialClaimAvailable(loanCase: LoanCase, params: FhaParameters): { cap: Decimal; available: Decimal } {
  // Interpretation: the case carries the current UPB only; it stands in for the UPB at the initial default.
  return partialClaimRoom(loanCase.loan.upb, loanCase.loan.partialClaimBalance, params.partialClaimMaxPercent);
}

/** The statutory cap (maxPercent of the UPB, to the cent) and what is left of it after previous claims (never below 0). */
export function partialClaimRoom(upb: DecimalInput, previousClaims: DecimalInput, maxPercent: DecimalInput): { cap: Decimal; available: Decimal } {
  const cap = roundCents(new Decimal(upb).times(maxPercent));
  const available = Decimal.max(ZERO, cap.minus(previousClaims));
  return { cap, available };
}

function arrearsForPartialClaim(loanCase: LoanCase): Decimal {
  return amountToReinstate(loanCase).total;
}

function isImminentDefault(loanCase: LoanCase, params: { imminentDefaultMaxMonthsDelinquent: number }): boolean {
  return loanCase.loan.monthsDelinquent <= params.imminentDefaultMaxMonthsDelinquent;
}


/**
 * The FHA modification with partial claim at a given term: arrears into the partial claim (the
 * part beyond the available amount is capitalized), rate = PMMS (+ spread) rounded to the
 * nearest 1/8 %, then principal deferment in the partial claim to reach the target P&I within
 * what is left of the available amount.
 */
export function computeFhaModification(loanCase: LoanCase, params: FhaParameters, termMonths: number): ClaimModificationFigures | null {
  if (loanCase.market.pmms === null) return null;
  const rule = FHA_RULEBOOK_ID;
  const pre = new Decimal(loanCase.loan.contractualPI);
  const { cap, available } = fhaPartialClaimAvailable(loanCase, params);
  const spread = termMonths > params.standardTermMonths ? params.rateSpread40Year : params.rateSpread;
  const market = roundRateToStep(new Decimal(loanCase.market.pmms).plus(spread), params.rateStep, 'nearest');
  const rate = params.rateRule === 'lowerOfNoteAndMarket' ? minDecimal(market, new Decimal(loanCase.loan.rate)) : market;
  return computeClaimModification({
    upb: new Decimal(loanCase.loan.upb).minus(principalOfMissedInstallments(loanCase)),
    arrears: arrearsForPartialClaim(loanCase),
    lateFees: loanCase.arrears.lateFees,
    available,
    availableStep: {
      step: 'Partial claim available',
      action: '30% of the UPB less previous partial claims',
      rule: `${rule} partialClaimMaxPercent (12 U.S.C. 1715u(b)(2); ML 2016-14)`,
      before: { upb: loanCase.loan.upb, previousPartialClaims: loanCase.loan.partialClaimBalance },
      after: { partialClaimCap: centsNumber(cap), available: centsNumber(available) },
    },
    rate,
    rateStep: {
      step: 'Rate',
      action: params.rateRule === 'lowerOfNoteAndMarket' ? 'lower of the note rate and the PMMS rounded to the nearest 1/8 %' : 'market rate: PMMS rounded to the nearest 1/8 % (even above the note rate)',
      rule: `${rule} rateRule, rateStep, rateSpread (Interpretation)`,
      before: { noteRate: loanCase.loan.rate, pmms: loanCase.market.pmms },
      after: { marketRate: rateNumber(market), rate: rateNumber(rate) },
    },
    termMonths,
    termRule: `${rule} ${termMonths > params.standardTermMonths ? 'maxTermMonths' : 'standardTermMonths'}`,
    contractualPI: pre,
    // Target: the largest cent P&I at least `targetReductionPercent` below the contractual P&I.
    target: floorCents(pre.times(new Decimal(1).minus(params.targetReductionPercent))),
    claimName: 'partial claim',
    rule,
  });
}

function fhaModificationProgram(id: string, label: string, which: '30' | '40'): ProgramDefinition {
  return {
    id,
    label,
    kind: 'modification',
    rulebookId: FHA_RULEBOOK_ID,
    evaluate(context: EvaluationContext): ModificationResult {
      const { loanCase } = context;
      const { ref, params } = context.rulebook(FHA_RULEBOOK);
      const checks: EligibilityCheck[] = [
        investorCheck(loanCase, 'FHA'),
        occupancyCheck(loanCase),
        retentionIntervalCheck(loanCase, params.retentionIntervalMonths),
        pmmsCheck(loanCase),
      ];
      const term = which === '30' ? params.standardTermMonths : params.maxTermMonths;
      const figures = computeFhaModification(loanCase, params, term);
      if (!figures) {
        return emptyModification(id, label, ref, checks, [], 'market rate missing', 'market.pmms is needed to set the modified rate');
      }
      const steps = [...figures.steps];
      const pre = new Decimal(loanCase.loan.contractualPI);
      if (which === '40') {
        // The 40-year option comes only when the 30-year one misses the target.
        const thirty = computeFhaModification(loanCase, params, params.standardTermMonths);
        const thirtyReaches = thirty !== null && thirty.targetReached && thirty.principalAndInterest.lessThan(pre);
        checks.push(
          thirtyReaches
            ? check('thirty-year-misses-target', '30-year modification misses the target', 'fail', `the 30-year modification reaches P&I ${moneyText(thirty!.principalAndInterest)}: offer it first`)
            : check('thirty-year-misses-target', '30-year modification misses the target', 'pass', 'the 30-year modification does not reach the target'),
        );
      }
      const requireTarget = which === '30' || params.requireTargetReduction;
      checks.push(
        figures.targetReached
          ? check('target-reduction-reached', `${percentText(params.targetReductionPercent)} P&I reduction reached`, 'pass', `P&I ${moneyText(figures.principalAndInterest)} <= target ${moneyText(figures.target)}`)
          : check('target-reduction-reached', 
              `${percentText(params.targetReductionPercent)} P&I reduction reached`,
              requireTarget ? 'fail' : 'pass',
              `P&I ${moneyText(figures.principalAndInterest)} above target ${moneyText(figures.target)} with the whole partial claim used${requireTarget ? '' : ' (offered anyway: requireTargetReduction is false)'}`,
            ),
      );
      checks.push(
        figures.principalAndInterest.lessThanOrEqualTo(pre)
          ? check('pi-does-not-increase', 'P&I does not increase', 'pass', `${moneyText(figures.principalAndInterest)} <= contractual ${moneyText(pre)}`)
          : check('pi-does-not-increase', 'P&I does not increase', 'fail', `${moneyText(figures.principalAndInterest)} > contractual ${moneyText(pre)}`),
      );
      return buildGovernmentModification({
        context,
        id,
        label,
        ref,
        checks,
        steps,
        figures,
        trialPaymentCount: params.trialPaymentCount,
        imminentDefault: { applies: isImminentDefault(loanCase, params), trialPaymentCount: params.trialPaymentCountImminentDefault },
        programFields: {
          partialClaim: centsNumber(figures.arrearsInPartialClaim.plus(figures.principalDeferment)),
          partialClaimCap: centsNumber(figures.available),
          partialClaimArrears: centsNumber(figures.arrearsInPartialClaim),
          principalDeferment: centsNumber(figures.principalDeferment),
          capitalizedArrears: centsNumber(figures.capitalizedArrears),
          targetPrincipalAndInterest: centsNumber(figures.target),
        },
      });
    },
  };
}

/** What `buildGovernmentModification` assembles a result from (FHA, VA and USDA modifications). */
export interface GovernmentModificationSpec {
  context: EvaluationContext;
  id: string;
  label: string;
  ref: ModificationResult['rulebook'];
  checks: EligibilityCheck[];
  /** The program's audit steps; the 'Result' step is appended to this array. */
  steps: AuditStep[];
  figures: { rate: Decimal; termMonths: number; postCapitalizationUpb: Decimal; interestBearingUpb: Decimal; principalAndInterest: Decimal };
  trialPaymentCount: number;
  /** FHA: a loan in imminent default gets its own trial payment count (when `applies`). */
  imminentDefault?: { applies: boolean; trialPaymentCount: number };
  /** The program's own result fields (partial claim, MRA, maximum rate, ...), spread last. */
  programFields: Record<string, unknown>;
}

/** Assembles a government modification result (FHA, VA, USDA share the shape). */
export function buildGovernmentModification(spec: GovernmentModificationSpec): ModificationResult {
  const { context, id, label, ref, checks, steps, figures } = spec;
  const { loanCase, affordability } = context;
  const pre = new Decimal(loanCase.loan.contractualPI);
  const pi = figures.principalAndInterest;
  const escrow = new Decimal(loanCase.loan.monthlyEscrow);
  const monthlyPayment = pi.plus(escrow);
  const count = spec.imminentDefault?.applies ? spec.imminentDefault.trialPaymentCount : spec.trialPaymentCount;
  const dates = modificationDates(loanCase.options.firstTrialPaymentDate, count, figures.termMonths);
  const otherHousing = housingExpenseOtherThanPI(loanCase, affordability);
  const income = grossIncome(affordability);
  const dti = housingRatio(pi, otherHousing, income);
  steps.push({
    step: 'Result',
    action: 'new P&I on the interest-bearing UPB',
    rule: 'amortization (engine.md 1)',
    before: { contractualPI: centsNumber(pre) },
    after: {
      principalAndInterest: centsNumber(pi),
      monthlyPayment: centsNumber(monthlyPayment),
      trialPaymentCount: count,
      postModificationDti: dti === null ? null : ratioNumber(dti),
    },
  });
  return {
    ...resultHead(id, label, 'modification', ref, checks, steps),
    rate: rateNumber(figures.rate),
    termMonths: figures.termMonths,
    postCapitalizationUpb: centsNumber(figures.postCapitalizationUpb),
    interestBearingUpb: centsNumber(figures.interestBearingUpb),
    forbearance: 0,
    principalAndInterest: centsNumber(pi),
    monthlyPayment: centsNumber(monthlyPayment),
    reductionPercent: reductionPercent(pre, pi),
    mtmltvPercent: mtmltvPercent(figures.interestBearingUpb, loanCase.property.value),
    trialPayment: centsNumber(monthlyPayment),
    trialPaymentCount: count,
    ...dates,
    postModificationDti: dti === null ? null : ratioNumber(dti),
    ...spec.programFields,
  };
}

export const FHA_PARTIAL_CLAIM: ProgramDefinition = {
  id: 'FHA-PARTIAL-CLAIM',
  label: 'FHA standalone partial claim',
  kind: 'partialClaim',
  rulebookId: FHA_RULEBOOK_ID,
  evaluate(context: EvaluationContext): PartialClaimResult {
    const { loanCase } = context;
    const { ref, params } = context.rulebook(FHA_RULEBOOK);
    const { cap, available } = fhaPartialClaimAvailable(loanCase, params);
    const reinstatement = amountToReinstate(loanCase);
    const arrears = reinstatement.total;
    const checks: EligibilityCheck[] = [
      investorCheck(loanCase, 'FHA'),
      occupancyCheck(loanCase),
      retentionIntervalCheck(loanCase, params.retentionIntervalMonths),
      loanCase.loan.monthsDelinquent >= 1 && arrears.greaterThan(0)
        ? check('loan-delinquent', 'loan delinquent', 'pass', `${loanCase.loan.monthsDelinquent} months delinquent, arrears ${moneyText(arrears)}`)
        : check('loan-delinquent', 'loan delinquent', 'fail', 'no arrears to cure'),
      loanCase.borrower.hardshipResolved
        ? check('can-resume-payment', 'borrower can resume the contractual payment', 'pass', 'hardship resolved')
        : check('can-resume-payment', 'borrower can resume the contractual payment', 'fail', 'hardship not resolved: the modification options with a 25% P&I reduction apply'),
      arrears.lessThanOrEqualTo(available)
        ? check('partial-claim-within-cap', 'arrears within the partial claim available', 'pass', `${moneyText(arrears)} <= ${moneyText(available)}`)
        : check('partial-claim-within-cap', 'arrears within the partial claim available', 'fail', `arrears ${moneyText(arrears)} > partial claim available ${moneyText(available)}`),
    ];
    const steps: AuditStep[] = [
      {
        step: 'Amount to reinstate',
        action: 'missed installments (P&I + escrow) + servicing advances + legal fees - contribution - suspense; late fees never',
        rule: 'engine.md 1 (HUD NSC partial claim FAQ: "an amount necessary to reinstate"; ML 2008-21)',
        after: amountToReinstateFigures(reinstatement),
      },
      {
        step: 'Partial claim',
        action: 'arrears advanced into a non-interest-bearing subordinate lien to HUD; P&I and term unchanged',
        rule: `${FHA_RULEBOOK_ID} partialClaimMaxPercent (12 U.S.C. 1715u(b)(2); ML 2016-14)`,
        before: { upb: loanCase.loan.upb, previousPartialClaims: loanCase.loan.partialClaimBalance, arrears: centsNumber(arrears) },
        after: { partialClaim: centsNumber(minDecimal(arrears, available)), partialClaimCap: centsNumber(available), statutoryCap: centsNumber(cap) },
      },
    ];
    return {
      ...resultHead('FHA-PARTIAL-CLAIM', 'FHA standalone partial claim', 'partialClaim', ref, checks, steps),
      partialClaim: centsNumber(minDecimal(arrears, available)),
      partialClaimCap: centsNumber(available),
      partialClaimArrears: centsNumber(arrears),
    };
  },
};

export const FHA_PAYMENT_SUPPLEMENT: ProgramDefinition = {
  id: 'FHA-PAYMENT-SUPPLEMENT',
  label: 'FHA Payment Supplement',
  kind: 'partialClaim',
  paymentReduction: true,
  rulebookId: FHA_RULEBOOK_ID,
  evaluate(context: EvaluationContext): PartialClaimResult {
    const { loanCase } = context;
    const { ref, params } = context.rulebook(FHA_RULEBOOK);
    const { available } = fhaPartialClaimAvailable(loanCase, params);
    const arrears = arrearsForPartialClaim(loanCase);
    const pi = new Decimal(loanCase.loan.contractualPI);
    const checks: EligibilityCheck[] = [
      investorCheck(loanCase, 'FHA'),
      occupancyCheck(loanCase),
      retentionIntervalCheck(loanCase, params.retentionIntervalMonths),
      loanCase.loan.productType === 'FIXED'
        ? check('fixed-rate-mortgage', 'fixed-rate mortgage', 'pass', 'productType FIXED')
        : check('fixed-rate-mortgage', 'fixed-rate mortgage', 'fail', `productType ${loanCase.loan.productType}: the Payment Supplement needs a fixed rate`),
    ];
    // The supplement is the last retention option: only when neither modification reaches the target.
    if (loanCase.market.pmms === null) {
      checks.push(check('modifications-miss-the-target', 'modifications miss the target', 'not checked', 'market.pmms not given: the modifications could not be computed'));
    } else {
      const reaching = [params.standardTermMonths, params.maxTermMonths]
        .map((term) => computeFhaModification(loanCase, params, term)!)
        .find((m) => m.targetReached && m.principalAndInterest.lessThanOrEqualTo(pi));
      checks.push(
        reaching
          ? check('modifications-miss-the-target', 'modifications miss the target', 'fail', `the ${reaching.termMonths}-month modification reaches the target: offer it first`)
          : check('modifications-miss-the-target', 'modifications miss the target', 'pass', 'neither the 30- nor the 40-year modification reaches the target'),
      );
    }
    checks.push(
      arrears.lessThanOrEqualTo(available)
        ? check('partial-claim-within-cap', 'arrears within the partial claim available', 'pass', `${moneyText(arrears)} <= ${moneyText(available)}`)
        : check('partial-claim-within-cap', 'arrears within the partial claim available', 'fail', `arrears ${moneyText(arrears)} > partial claim available ${moneyText(available)}`),
    );
    const remaining = Decimal.max(ZERO, available.minus(arrears));
    const maxReduction = pi.times(params.paymentSupplementMaxReductionPercent);
    const affordableByClaim = remaining.dividedBy(params.paymentSupplementMonths);
    const monthlyPrincipalReduction = floorCents(minDecimal(maxReduction, affordableByClaim));
    const minimum = Decimal.max(pi.times(params.paymentSupplementMinReductionPercent), new Decimal(params.paymentSupplementMinReductionAmount));
    checks.push(
      monthlyPrincipalReduction.greaterThanOrEqualTo(minimum)
        ? check('minimum-monthly-principal-reduction', 'minimum monthly principal reduction', 'pass', `MoPR ${moneyText(monthlyPrincipalReduction)} >= ${ceilCents(minimum).toString()}`)
        : check('minimum-monthly-principal-reduction', 
            'minimum monthly principal reduction',
            'fail',
            `MoPR ${moneyText(monthlyPrincipalReduction)} below the minimum ${ceilCents(minimum).toString()} (greater of ${percentText(params.paymentSupplementMinReductionPercent)} of P&I and $${params.paymentSupplementMinReductionAmount})`,
          ),
    );
    const supplementTotal = monthlyPrincipalReduction.times(params.paymentSupplementMonths);
    const partialClaim = minDecimal(arrears, available).plus(supplementTotal);
    const paymentDuringSupplement = pi.minus(monthlyPrincipalReduction);
    const steps: AuditStep[] = [
      {
        step: 'Cure arrears',
        action: 'partial claim brings the loan current',
        rule: `${FHA_RULEBOOK_ID} (ML 2024-02)`,
        before: { arrears: centsNumber(arrears), partialClaimAvailable: centsNumber(available) },
        after: { partialClaimLeft: centsNumber(remaining) },
      },
      {
        step: 'Monthly principal reduction',
        action: `lesser of ${percentText(params.paymentSupplementMaxReductionPercent)} of P&I and the claim left over ${params.paymentSupplementMonths} months (rounded down to the cent); note rate unchanged`,
        rule: `${FHA_RULEBOOK_ID} paymentSupplementMaxReductionPercent, paymentSupplementMonths, minimums (ML 2024-02)`,
        before: { contractualPI: centsNumber(pi) },
        after: { monthlyPrincipalReduction: centsNumber(monthlyPrincipalReduction), borrowerPrincipalAndInterest: centsNumber(paymentDuringSupplement), partialClaim: centsNumber(partialClaim) },
      },
    ];
    return {
      ...resultHead('FHA-PAYMENT-SUPPLEMENT', 'FHA Payment Supplement', 'partialClaim', ref, checks, steps),
      partialClaim: centsNumber(partialClaim),
      partialClaimCap: centsNumber(available),
      partialClaimArrears: centsNumber(minDecimal(arrears, available)),
      monthlyPrincipalReduction: centsNumber(monthlyPrincipalReduction),
      supplementMonths: params.paymentSupplementMonths,
      principalAndInterestDuringSupplement: centsNumber(paymentDuringSupplement),
      monthlyPaymentDuringSupplement: centsNumber(paymentDuringSupplement.plus(loanCase.loan.monthlyEscrow)),
      reductionPercent: reductionPercent(pi, paymentDuringSupplement),
      // The option for a borrower who cannot resume the payment when the modifications miss the target (ML 2024-02).
      paymentReduction: true,
    };
  },
};

export const FHA_30_YEAR_MODIFICATION = fhaModificationProgram('FHA-30-YEAR-MODIFICATION', 'FHA 30-year modification with partial claim', '30');
export const FHA_40_YEAR_MODIFICATION = fhaModificationProgram('FHA-40-YEAR-MODIFICATION', 'FHA 40-year modification with partial claim', '40');
