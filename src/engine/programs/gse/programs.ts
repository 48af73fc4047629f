/**
 * The GSE program definitions: each maps a LoanCase to its calculator's inputs, runs the
 * eligibility tests that need the case, and returns the option result with its checks and
 * audit trail. The arithmetic lives in flex.ts and src/engine/workouts (shared with the
 * government programs).
 */
import type { LoanCase } from '../../case/types';
import { daysBetween, monthsBetween } from '../../dates';
import { exactSum } from '../../cents';
import { Decimal, type DecimalInput, centsNumber, roundCents, roundPercent } from '../../money';
import type { AuditStep, CheckId, DeferralResult, EligibilityCheck, ForbearancePlanResult, ModificationResult, RepaymentPlanResult } from '../../results';
import {
  GSE_FLEX_RULEBOOK,
  GSE_FORBEARANCE_RULEBOOK,
  GSE_PAYMENT_DEFERRAL_RULEBOOK,
  GSE_REPAYMENT_PLAN_RULEBOOK,
  type GseFlexParameters,
} from '../../rulebooks/gse';
import { forbearancePlan } from '../../workouts/forbearancePlan';
import { paymentDeferral } from '../../workouts/paymentDeferral';
import { repaymentPlan } from '../../workouts/repaymentPlan';
import { amountToReinstate } from '../amountToReinstate';
import type { EvaluationContext, ProgramDefinition } from '../types';
import { applyChecks, asCaseError, check, conventionalFirstLienCheck } from './common';
import { flexModification, type FlexInputs } from './flex';

/** Where each calculator argument comes from in the case, for error messages. */
const CASE_FIELDS: Record<string, string> = {
  interestBearingUpb: 'loan.upb',
  deferredBalance: 'loan.deferredBalance',
  eligibleArrearages: 'arrears',
  borrowerContribution: 'arrears.borrowerContribution',
  currentRate: 'loan.rate',
  remainingTermMonths: 'loan.remainingTermMonths',
  contractualPI: 'loan.contractualPI',
  propertyValue: 'property.value',
  modificationRate: 'market.modificationRate',
  monthlyEscrow: 'loan.monthlyEscrow',
  escrowShortage: 'loan.escrowShortage',
  grossMonthlyIncome: 'borrower.incomes',
  otherHousingExpense: 'borrower.housingExpenses',
  monthsDelinquent: 'loan.monthsDelinquent',
  cumulativeDeferredMonths: 'loan.cumulativeDeferredMonths',
  escrowAdvances: 'arrears.escrowAdvances',
  servicingAdvances: 'arrears.servicingAdvances',
  contractualPayment: 'loan.contractualPI',
  monthlyPayment: 'loan.contractualPI',
  arrears: 'loan.monthsDelinquent',
  currentArrears: 'loan.monthsDelinquent',
};

/**
 * The contractual payment of the GSE plans: P&I + monthly escrow (the servicing reading of
 * "contractual payment"; an escrow shortage installment is not part of it).
 */
export function contractualPayment(loanCase: LoanCase): Decimal {
  return new Decimal(loanCase.loan.contractualPI).plus(loanCase.loan.monthlyEscrow);
}

/** The arrears a repayment plan repays: the amount to reinstate (engine.md 1; never late fees). */
export function pastDuePayments(loanCase: LoanCase): Decimal {
  return amountToReinstate(loanCase).total;
}

/** Housing expense other than P&I, for the post-modification DTI: the borrower's housing expense lines, or the escrow when none are given. */
function otherHousingExpense(loanCase: LoanCase): DecimalInput {
  const h = loanCase.borrower.housingExpenses;
  // exactSum: a plain number when every line is whole cents (the Flex cents path takes it as is), else the Decimal sum.
  const lines = exactSum([h.taxes, h.insurance, h.floodInsurance, h.mortgageInsurance, h.association, h.groundRent, h.subordinateLienPayment]);
  const isZero = typeof lines === 'number' ? lines === 0 : lines.isZero();
  return isZero ? loanCase.loan.monthlyEscrow : lines;
}

// ---------------------------------------------------------------------------------------------
// Flex Modification
// ---------------------------------------------------------------------------------------------

/** The Flex inputs of a case. Eligible arrearages: delinquent interest, escrow advances, servicing advances and legal fees (late fees are never capitalized). */
export function flexInputsFromCase(loanCase: LoanCase, grossMonthlyIncome: number | null): FlexInputs {
  const { loan, arrears, property, market, options } = loanCase;
  return {
    interestBearingUpb: loan.upb,
    deferredBalance: loan.deferredBalance,
    eligibleArrearages: exactSum([arrears.delinquentInterest, arrears.escrowAdvances, arrears.servicingAdvances, arrears.legalFees]),
    borrowerContribution: arrears.borrowerContribution,
    currentRate: loan.rate,
    remainingTermMonths: loan.remainingTermMonths,
    contractualPI: loan.contractualPI,
    propertyValue: property.value,
    modificationRate: market.modificationRate,
    monthlyEscrow: loan.monthlyEscrow,
    escrowShortage: loan.escrowShortage,
    firstTrialPaymentDate: options.firstTrialPaymentDate,
    grossMonthlyIncome,
    otherHousingExpense: otherHousingExpense(loanCase),
  };
}

/**
 * The Flex eligibility tests that need the case (engine.md section 4), each with the short
 * reason printed when it fails. Imminent default: the case carries no servicer determination
 * of imminent default, so a loan less than 60 days delinquent FAILS the test with a detail
 * saying that imminent default must be determined outside the engine (never a silent pass).
 */
export function flexCaseChecks(loanCase: LoanCase, p: GseFlexParameters): { checks: EligibilityCheck[]; reasons: ReadonlyMap<CheckId, string> } {
  const { loan, property, evaluationDate } = loanCase;
  const texts = flexCheckTexts(p);
  const checks: EligibilityCheck[] = [conventionalFirstLienCheck(loanCase)];

  checks.push(
    check('delinquent-or-imminent-default', 
      texts.delinquencyTest,
      loan.monthsDelinquent >= p.minMonthsDelinquent,
      loan.monthsDelinquent >= p.minMonthsDelinquent
        ? `${loan.monthsDelinquent} months delinquent`
        : `${loan.monthsDelinquent} months delinquent; imminent default is a servicer determination the case does not carry: evaluate it outside the engine`,
    ),
  );

  if (loan.originationDate === null) {
    checks.push(check('originated-long-enough', texts.originationTest, 'not checked', 'no origination date in the case (loan.originationDate)'));
  } else {
    const months = monthsBetween(loan.originationDate, evaluationDate);
    checks.push(check('originated-long-enough', texts.originationTest, months >= p.minMonthsSinceOrigination, `originated ${loan.originationDate}, ${months} months before ${evaluationDate}`));
  }

  checks.push(check('prior-modifications-limit', texts.priorModificationsTest, loan.priorModifications < p.maxPriorModifications, `${loan.priorModifications} prior modifications`));

  checks.push(check('no-failed-trial', texts.failedTrialTest, !loan.failedTrialInLast12Months, loan.failedTrialInLast12Months ? 'a Flex trial failed in the last 12 months' : 'no failed trial reported'));

  let valuationAfterEvaluation = false;
  if (property.value === null) {
    checks.push(check('valuation-current', texts.valuationTest, 'not checked', 'no property value in the case (property.value): MTMLTV and principal forbearance are not computed'));
  } else if (property.valuationDate === null) {
    checks.push(check('valuation-current', texts.valuationTest, 'not checked', 'no valuation date in the case (property.valuationDate)'));
  } else {
    const age = daysBetween(property.valuationDate, evaluationDate);
    valuationAfterEvaluation = age < 0;
    checks.push(
      check('valuation-current', 
        texts.valuationTest,
        age >= 0 && age <= p.maxValuationAgeDays,
        age >= 0 ? `valued ${property.valuationDate}, ${age} days before ${evaluationDate}` : `valuation date ${property.valuationDate} is after the evaluation date ${evaluationDate}`,
      ),
    );
  }
  // A failed valuation test is a stale valuation, or one dated after the evaluation.
  return { checks, reasons: valuationAfterEvaluation ? texts.reasonsValuationAfterEvaluation : texts.reasons };
}

interface FlexCheckTexts {
  delinquencyTest: string;
  originationTest: string;
  priorModificationsTest: string;
  failedTrialTest: string;
  valuationTest: string;
  /** The short reason of each test (and of the calculator's "P&I must decrease"), printed when it fails. */
  reasons: ReadonlyMap<CheckId, string>;
  reasonsValuationAfterEvaluation: ReadonlyMap<CheckId, string>;
}

const flexCheckTextsOf = new WeakMap<GseFlexParameters, FlexCheckTexts>();

/**
 * The Flex test names and short reasons under these parameters: the same for every case, so made
 * once per rulebook in force (memoized only for frozen parameter objects, as parameterValues makes them).
 */
function flexCheckTexts(p: GseFlexParameters): FlexCheckTexts {
  let texts = flexCheckTextsOf.get(p);
  if (texts === undefined) {
    const delinquencyTest = `at least ${p.minMonthsDelinquent * 30} days delinquent or in imminent default`;
    const originationTest = `originated at least ${p.minMonthsSinceOrigination} months before evaluation`;
    const priorModificationsTest = `fewer than ${p.maxPriorModifications} prior modifications`;
    const failedTrialTest = `no failed Flex trial in the last ${p.failedTrialLookbackMonths} months`;
    const valuationTest = `property valuation at most ${p.maxValuationAgeDays} days old`;
    const reasons = (valuationReason: string) =>
      new Map<CheckId, string>([
        ['conventional-first-lien', 'not a conventional first lien'],
        ['delinquent-or-imminent-default', `less than ${p.minMonthsDelinquent * 30} days delinquent`],
        ['originated-long-enough', `originated less than ${p.minMonthsSinceOrigination} months ago`],
        ['prior-modifications-limit', `${p.maxPriorModifications} or more prior modifications`],
        ['no-failed-trial', `failed Flex trial in the last ${p.failedTrialLookbackMonths} months`],
        ['valuation-current', valuationReason],
        ['pi-does-not-increase', 'P&I increase'],
      ]);
    texts = {
      delinquencyTest,
      originationTest,
      priorModificationsTest,
      failedTrialTest,
      valuationTest,
      reasons: reasons(`valuation older than ${p.maxValuationAgeDays} days`),
      reasonsValuationAfterEvaluation: reasons('valuation dated after the evaluation'),
    };
    if (Object.isFrozen(p)) flexCheckTextsOf.set(p, texts);
  }
  return texts;
}

export const GSE_FLEX_PROGRAM: ProgramDefinition = {
  id: 'GSE-FLEX',
  label: 'Flex Modification',
  kind: 'modification',
  rulebookId: 'GSE-FLEX',
  evaluate(context: EvaluationContext): ModificationResult {
    const { ref, params } = context.rulebook(GSE_FLEX_RULEBOOK);
    const { loanCase } = context;
    const { checks, reasons } = flexCaseChecks(loanCase, params);
    let result: ModificationResult;
    try {
      result = flexModification(flexInputsFromCase(loanCase, context.affordability.grossMonthlyIncome), params, ref);
    } catch (error) {
      asCaseError(error, CASE_FIELDS);
    }
    result.checks = checks.concat(result.checks);
    flagAffordability(result, params.affordabilityFlagRatio);
    return applyChecks(result, reasons);
  },
};

/**
 * engine.md 4 step 7: with income known, the post-modification housing ratio is reported and
 * flagged above the rulebook threshold; the option stays eligible and the flag reaches the
 * recommendation's rationale ("payment may not be sustainable: 60.7% of gross income").
 */
export function flagAffordability(result: ModificationResult, threshold: number): void {
  const ratio = result.postModificationDti;
  // Number order is decimal.js's order (it reads a number as its shortest round-trip string, and
  // that reading is strictly increasing), so the flag needs no decimal on this hot path.
  result.affordabilityFlag = ratio === null ? null : ratio > threshold;
  result.steps.push({
    step: 'affordability',
    action:
      ratio === null
        ? 'no income in the case: the post-modification housing ratio is not computed'
        : `post-modification housing ratio ${percentOneDecimal(ratio)}% ${result.affordabilityFlag ? 'above' : 'at or below'} ${Number((threshold * 100).toPrecision(12))}%${result.affordabilityFlag ? ': payment may not be sustainable (the option stays eligible)' : ''}`,
    rule: 'GSE-FLEX affordabilityFlagRatio (engine.md 4 step 7, Interpretation)',
    after: { postModificationDti: ratio, affordabilityFlag: result.affordabilityFlag },
  });
}

/** A fraction as a percent with one decimal, half-up ("60.7"); in integers when it has at most 6 decimals (postModificationDti has). */
function percentOneDecimal(fraction: number): string {
  const millionths = Math.round(fraction * 1e6);
  if (fraction >= 0 && Number.isSafeInteger(millionths) && millionths / 1e6 === fraction) return (Math.floor((millionths + 500) / 1000) / 10).toFixed(1);
  return roundPercent(fraction, 1).toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Payment Deferral
// ---------------------------------------------------------------------------------------------

const DEFERRAL_RULE = 'Fannie Mae D2-3.2-04 / Freddie Mac Bulletin 2023-8 (engine.md section 5)';

export const GSE_PAYMENT_DEFERRAL_PROGRAM: ProgramDefinition = {
  id: 'GSE-PAYMENT-DEFERRAL',
  label: 'Payment Deferral',
  kind: 'deferral',
  rulebookId: 'GSE-PAYMENT-DEFERRAL',
  evaluate(context: EvaluationContext): DeferralResult {
    const { ref, params: p } = context.rulebook(GSE_PAYMENT_DEFERRAL_RULEBOOK);
    const { loanCase, affordability } = context;
    const { loan, arrears, borrower } = loanCase;
    let calc: ReturnType<typeof paymentDeferral>;
    try {
      calc = paymentDeferral({
        monthsDelinquent: loan.monthsDelinquent,
        contractualPI: loan.contractualPI,
        escrowAdvances: arrears.escrowAdvances,
        servicingAdvances: new Decimal(arrears.servicingAdvances).plus(arrears.legalFees),
        minMonths: p.minMonthsDelinquent,
        maxMonths: p.maxDeferredMonths,
        cumulativeDeferredMonths: loan.cumulativeDeferredMonths,
        maxCumulativeMonths: p.maxCumulativeDeferredMonths,
      });
    } catch (error) {
      asCaseError(error, CASE_FIELDS);
    }
    const checks: EligibilityCheck[] = [conventionalFirstLienCheck(loanCase)];
    const reasons: Partial<Record<CheckId, string>> = { 'conventional-first-lien': 'not a conventional first lien' };
    // The calculator's limits come in a fixed order: at least, at most, cumulative.
    const deferralLimitIds: CheckId[] = ['deferral-min-months', 'deferral-max-months', 'deferral-cumulative-months'];
    calc.limits.forEach((limit, i) => checks.push(check(deferralLimitIds[i], limit.test, limit.pass, limit.detail)));

    const maturityTest = `not within ${p.monthsBeforeMaturityExcluded} months of maturity`;
    checks.push(check('not-near-maturity', maturityTest, loan.remainingTermMonths > p.monthsBeforeMaturityExcluded, `${loan.remainingTermMonths} months remaining`));
    reasons['not-near-maturity'] = `within ${p.monthsBeforeMaturityExcluded} months of maturity`;

    const modTest = `no modification in the last ${p.minMonthsSinceLastModification} months`;
    if (loan.priorModifications === 0) checks.push(check('no-recent-modification', modTest, true, 'no prior modification'));
    else if (loan.monthsSinceLastModification === null) checks.push(check('no-recent-modification', modTest, 'not checked', `${loan.priorModifications} prior modifications; no date (loan.monthsSinceLastModification)`));
    else checks.push(check('no-recent-modification', modTest, loan.monthsSinceLastModification >= p.minMonthsSinceLastModification, `last modification ${loan.monthsSinceLastModification} months ago (disaster modifications are not distinguished)`));
    reasons['no-recent-modification'] = `modified within the last ${p.minMonthsSinceLastModification} months`;

    checks.push(check('hardship-resolved', 'hardship resolved', borrower.hardshipResolved, borrower.hardshipResolved ? 'the borrower reports the hardship resolved' : 'the hardship is not reported resolved (borrower.hardshipResolved)'));
    reasons['hardship-resolved'] = 'hardship not resolved';

    const resumeTest = 'can resume the full contractual payment';
    if (affordability.surplusIncome === null) checks.push(check('can-resume-payment', resumeTest, 'not checked', 'no income in the case: surplus income unknown'));
    else checks.push(check('can-resume-payment', resumeTest, affordability.surplusIncome >= 0, `surplus income ${affordability.surplusIncome.toFixed(2)} after the contractual payment`));
    reasons['can-resume-payment'] = 'cannot resume the contractual payment';

    // The four tests of engine.md section 5 (Fannie Mae D2-3.2-04 eligibility table); an absent input is "not checked".
    const originationTest = `originated at least ${p.minMonthsSinceOrigination} months before evaluation`;
    if (loan.originationDate === null) checks.push(check('originated-long-enough', originationTest, 'not checked', 'no origination date in the case (loan.originationDate)'));
    else {
      const months = monthsBetween(loan.originationDate, loanCase.evaluationDate);
      checks.push(check('originated-long-enough', originationTest, months >= p.minMonthsSinceOrigination, `originated ${loan.originationDate}, ${months} months before ${loanCase.evaluationDate}`));
    }
    reasons['originated-long-enough'] = `originated less than ${p.minMonthsSinceOrigination} months ago`;

    const priorDeferralTest = `no payment deferral effective in the last ${p.minMonthsSinceLastDeferral} months`;
    const lastDeferral = loan.lastDeferralEffectiveDate ?? null;
    if (lastDeferral !== null) {
      const months = monthsBetween(lastDeferral, loanCase.evaluationDate);
      checks.push(check('no-recent-deferral', priorDeferralTest, months >= p.minMonthsSinceLastDeferral, `last deferral effective ${lastDeferral}, ${months} months before ${loanCase.evaluationDate}`));
    } else if (loan.cumulativeDeferredMonths === 0) checks.push(check('no-recent-deferral', priorDeferralTest, true, 'no prior deferral (cumulative deferred months 0)'));
    else checks.push(check('no-recent-deferral', priorDeferralTest, 'not checked', `${loan.cumulativeDeferredMonths} months deferred before; no date (loan.lastDeferralEffectiveDate)`));
    reasons['no-recent-deferral'] = `payment deferral effective within the last ${p.minMonthsSinceLastDeferral} months`;

    const failedTrialTest = `no failed trial period plan in the last ${p.failedTrialLookbackMonths} months`;
    checks.push(check('no-failed-trial', failedTrialTest, !loan.failedTrialInLast12Months, loan.failedTrialInLast12Months ? 'a trial period plan failed in the last 12 months' : 'no failed trial reported (loan.failedTrialInLast12Months)'));
    reasons['no-failed-trial'] = `failed trial in the last ${p.failedTrialLookbackMonths} months`;

    const reinstatement = amountToReinstate(loanCase).total;
    const cannotCureTest = 'cannot reinstate or afford a repayment plan';
    const installment = reinstatement.dividedBy(p.repaymentPlanTestMonths);
    const { liquidAssets } = borrower;
    const canReinstate = liquidAssets !== null && reinstatement.greaterThan(0) && new Decimal(liquidAssets).greaterThanOrEqualTo(reinstatement);
    if (canReinstate) checks.push(check('cannot-reinstate-or-afford-plan', cannotCureTest, false, `liquid assets ${new Decimal(liquidAssets).toFixed(2)} cover the amount to reinstate ${reinstatement.toFixed(2)}: reinstatement`));
    else if (affordability.surplusIncome === null) checks.push(check('cannot-reinstate-or-afford-plan', cannotCureTest, 'not checked', 'no income in the case: surplus income unknown, the repayment plan cannot be ruled out'));
    else {
      const affordsPlan = new Decimal(affordability.surplusIncome).greaterThanOrEqualTo(installment);
      checks.push(
        check('cannot-reinstate-or-afford-plan', 
          cannotCureTest,
          !affordsPlan,
          `surplus income ${affordability.surplusIncome.toFixed(2)} ${affordsPlan ? '>=' : '<'} ${roundCents(installment).toFixed(2)} a month (amount to reinstate ${reinstatement.toFixed(2)} over ${p.repaymentPlanTestMonths} months)${liquidAssets === null ? '; liquid assets not given' : ''}`,
        ),
      );
    }
    reasons['cannot-reinstate-or-afford-plan'] = 'can reinstate or afford a repayment plan';

    // The borrower's contribution reduces the deferred amount (Freddie Mac Resolve PDM response: 1,872.09 + 100.00 - 200.00 = 1,772.09).
    const contribution = new Decimal(arrears.borrowerContribution);
    const deferredAmount = Decimal.max(new Decimal(0), calc.deferredAmount.minus(contribution));

    const steps: AuditStep[] = [
      {
        step: 'defer',
        action: calc.withinLimits
          ? `deferred ${calc.deferredMonths} months of P&I (${calc.deferredPrincipalAndInterest.toFixed(2)}) plus advances${contribution.isZero() ? '' : ` less the borrower's contribution ${contribution.toFixed(2)}`} into a non-interest-bearing balance of ${deferredAmount.toFixed(2)}, due at maturity, payoff or transfer`
          : `${calc.deferredMonths} past-due months cannot be deferred within the limits`,
        rule: DEFERRAL_RULE,
        before: { monthsDelinquent: loan.monthsDelinquent, cumulativeDeferredMonths: loan.cumulativeDeferredMonths, deferredBalance: loan.deferredBalance },
        after: calc.withinLimits
          ? { deferredMonths: calc.deferredMonths, borrowerContribution: centsNumber(contribution), deferredAmount: centsNumber(deferredAmount), deferredBalance: centsNumber(deferredAmount.plus(loan.deferredBalance)) }
          : { deferredMonths: null, deferredAmount: null },
      },
      { step: 'payment', action: 'P&I, rate and term unchanged', rule: DEFERRAL_RULE, after: { principalAndInterest: loan.contractualPI, termMonths: loan.remainingTermMonths } },
    ];
    const result: DeferralResult = {
      program: 'GSE-PAYMENT-DEFERRAL',
      label: 'Payment Deferral',
      kind: 'deferral',
      eligible: true,
      rulebook: ref,
      checks,
      steps,
      deferredMonths: calc.withinLimits ? calc.deferredMonths : null,
      deferredAmount: calc.withinLimits ? centsNumber(deferredAmount) : null,
      principalAndInterest: loan.contractualPI,
      termMonths: loan.remainingTermMonths,
    };
    return applyChecks(result, reasons);
  },
};

// ---------------------------------------------------------------------------------------------
// Repayment plan
// ---------------------------------------------------------------------------------------------

const REPAYMENT_RULE = 'Fannie Mae D2-3.2-02 (engine.md section 5)';

export const GSE_REPAYMENT_PLAN_PROGRAM: ProgramDefinition = {
  id: 'REPAYMENT-PLAN',
  label: 'Repayment plan',
  kind: 'repayment',
  rulebookId: 'GSE-REPAYMENT-PLAN',
  evaluate(context: EvaluationContext): RepaymentPlanResult {
    const { ref, params: p } = context.rulebook(GSE_REPAYMENT_PLAN_RULEBOOK);
    const { loanCase, affordability } = context;
    const { loan, options } = loanCase;
    const checks: EligibilityCheck[] = [conventionalFirstLienCheck(loanCase)];
    const reasons: Partial<Record<CheckId, string>> = { 'conventional-first-lien': 'not a conventional first lien' };

    const completeApplication = options.applicationCompleteDate !== null;
    const withinNoApplicationDelinquency = loan.monthsDelinquent <= p.maxMonthsDelinquentWithoutApplication;
    // The longest plan the servicer may offer on this case.
    const maxMonths = completeApplication ? p.maxMonthsWithoutInvestorApproval : withinNoApplicationDelinquency ? p.maxMonthsWithoutCompleteApplication : 0;

    let calc: ReturnType<typeof repaymentPlan>;
    const contractual = contractualPayment(loanCase);
    const arrears = pastDuePayments(loanCase);
    try {
      calc = repaymentPlan({ contractualPayment: contractual, arrears, capRatio: p.maxPaymentRatio, maxMonths: Math.max(maxMonths, 0), surplusIncome: affordability.surplusIncome });
    } catch (error) {
      asCaseError(error, CASE_FIELDS);
    }

    checks.push(check('arrears-to-repay', 'arrears to repay', loan.monthsDelinquent > 0, `${loan.monthsDelinquent} months delinquent, ${arrears.toFixed(2)} past due`));
    reasons['arrears-to-repay'] = 'no arrears to repay';

    // D2-3.2-02: a repayment plan cures the arrears of a borrower whose hardship is over; one
    // still in hardship cannot pay the contractual payment plus an installment.
    const { borrower } = loanCase;
    const resolvedTest = 'hardship resolved';
    if (borrower.hardship === null) checks.push(check('hardship-resolved', resolvedTest, 'not checked', 'no hardship in the case (borrower.hardship)'));
    else checks.push(check('hardship-resolved', resolvedTest, borrower.hardshipResolved, borrower.hardshipResolved ? `the ${borrower.hardship} hardship is reported resolved` : `the ${borrower.hardship} hardship is not reported resolved (borrower.hardshipResolved)`));
    reasons['hardship-resolved'] = 'hardship not resolved';

    const applicationTest = `complete application when more than ${p.maxMonthsDelinquentWithoutApplication * 30} days delinquent`;
    checks.push(
      check('complete-application', 
        applicationTest,
        completeApplication || withinNoApplicationDelinquency,
        completeApplication ? `application complete ${options.applicationCompleteDate}` : `no complete application (options.applicationCompleteDate); ${loan.monthsDelinquent} months delinquent`,
      ),
    );
    reasons['complete-application'] = 'complete application required';

    const shortest = calc.shortestMonthsUnderCap;
    const capTest = `plan payment at most ${new Decimal(p.maxPaymentRatio).times(100).toString()}% of the contractual payment within ${maxMonths} months`;
    if (loan.monthsDelinquent > 0 && maxMonths > 0) {
      checks.push(
        check('plan-payment-cap', 
          capTest,
          calc.feasible,
          shortest === null
            ? 'no plan length keeps the payment under the cap'
            : `the shortest plan under the cap is ${shortest} months (limit ${maxMonths}: ${completeApplication ? `over ${p.maxMonthsWithoutInvestorApproval} needs investor approval` : `over ${p.maxMonthsWithoutCompleteApplication} needs a complete application`})`,
        ),
      );
      reasons['plan-payment-cap'] = shortest !== null && shortest > p.maxMonthsWithoutInvestorApproval ? `needs more than ${p.maxMonthsWithoutInvestorApproval} months` : shortest !== null ? `needs more than ${maxMonths} months without a complete application` : 'payment cap';
    }

    const affordTest = 'surplus income covers the plan installment';
    if (calc.feasible) {
      if (calc.affordable === null) checks.push(check('surplus-covers-plan', affordTest, 'not checked', 'no income in the case: surplus income unknown'));
      else checks.push(check('surplus-covers-plan', affordTest, calc.affordable, `surplus income ${affordability.surplusIncome?.toFixed(2)} vs installment ${calc.installment?.toFixed(2)}`));
      reasons['surplus-covers-plan'] = 'plan payment not affordable';
    }

    const steps: AuditStep[] = [
      {
        step: 'arrears',
        action: `amount to reinstate: ${loan.monthsDelinquent} past-due payments of ${contractual.toFixed(2)} (P&I + escrow) + servicing advances and legal fees - contribution - suspense = ${arrears.toFixed(2)}`,
        rule: REPAYMENT_RULE,
        after: { contractualPayment: centsNumber(contractual), arrears: centsNumber(arrears) },
      },
      {
        step: 'plan length',
        action: calc.feasible
          ? `shortest plan: ${calc.months} months of ${calc.monthlyPayment?.toFixed(2)} (last ${calc.finalMonthlyPayment?.toFixed(2)}), at most ${roundCents(calc.maxPayment).toFixed(2)}`
          : `no compliant plan within ${maxMonths} months (shortest under the cap: ${shortest === null ? 'none' : `${shortest} months`})`,
        rule: REPAYMENT_RULE,
        after: {
          months: calc.months,
          monthlyPayment: calc.monthlyPayment === null ? null : centsNumber(calc.monthlyPayment),
          maxPayment: centsNumber(calc.maxPayment),
          maxMonths,
          affordable: calc.affordable,
        },
      },
    ];
    const result: RepaymentPlanResult = {
      program: 'REPAYMENT-PLAN',
      label: 'Repayment plan',
      kind: 'repayment',
      eligible: true,
      rulebook: ref,
      checks,
      steps,
      months: calc.months,
      monthlyPayment: calc.monthlyPayment === null ? null : centsNumber(calc.monthlyPayment),
      finalMonthlyPayment: calc.finalMonthlyPayment === null ? null : centsNumber(calc.finalMonthlyPayment),
      arrears: centsNumber(arrears),
      affordable: calc.affordable,
    };
    return applyChecks(result, reasons);
  },
};

// ---------------------------------------------------------------------------------------------
// Forbearance plan
// ---------------------------------------------------------------------------------------------

const FORBEARANCE_RULE = 'Fannie Mae D2-3.2-01 (engine.md section 5)';

export const GSE_FORBEARANCE_PROGRAM: ProgramDefinition = {
  id: 'FORBEARANCE',
  label: 'Forbearance plan',
  kind: 'forbearance',
  rulebookId: 'GSE-FORBEARANCE',
  evaluate(context: EvaluationContext): ForbearancePlanResult {
    const { ref, params: p } = context.rulebook(GSE_FORBEARANCE_RULEBOOK);
    const { loanCase } = context;
    const { borrower } = loanCase;
    const contractual = contractualPayment(loanCase);
    // The case format has no requested reduced payment: one increment at the rulebook's default ratio (0 = suspended).
    const reduced = roundCents(contractual.times(p.defaultReducedPaymentRatio));
    let calc: ReturnType<typeof forbearancePlan>;
    try {
      calc = forbearancePlan({
        monthlyPayment: contractual,
        reducedPayment: reduced,
        months: p.incrementMonths,
        incrementMonths: p.incrementMonths,
        maxCumulativeMonths: p.maxCumulativeMonths,
        currentArrears: pastDuePayments(loanCase),
        priorForbearanceMonths: 0,
      });
    } catch (error) {
      asCaseError(error, CASE_FIELDS);
    }
    const checks: EligibilityCheck[] = [conventionalFirstLienCheck(loanCase)];
    const reasons: Partial<Record<CheckId, string>> = { 'conventional-first-lien': 'not a conventional first lien' };
    const hardshipTest = 'hardship continuing';
    if (borrower.hardship === null) checks.push(check('hardship-continuing', hardshipTest, 'not checked', 'no hardship in the case (borrower.hardship)'));
    else checks.push(check('hardship-continuing', hardshipTest, !borrower.hardshipResolved, borrower.hardshipResolved ? `the ${borrower.hardship} hardship is reported resolved: forbearance is for a continuing hardship` : `${borrower.hardship} hardship, not resolved`));
    reasons['hardship-continuing'] = 'hardship resolved';
    checks.push(check('forbearance-cumulative-months', `at most ${p.maxCumulativeMonths} months cumulative`, 'not checked', 'the case does not carry prior forbearance months: assumed none'));

    const steps: AuditStep[] = [
      {
        step: 'forbearance plan',
        action: `${calc.months} months at ${calc.monthlyPayment.toFixed(2)} instead of ${contractual.toFixed(2)} (${reduced.isZero() ? 'payments suspended' : 'reduced payments'}); arrears grow by ${calc.shortfallPerMonth.toFixed(2)} a month`,
        rule: FORBEARANCE_RULE,
        before: { arrears: centsNumber(pastDuePayments(loanCase)), contractualPayment: centsNumber(contractual) },
        after: { months: calc.months, monthlyPayment: centsNumber(calc.monthlyPayment), arrearsAtEnd: centsNumber(calc.arrearsAtEnd) },
      },
      {
        step: 'exit',
        action: `arrears of ${calc.arrearsAtEnd.toFixed(2)} at the end of the plan are resolved by a repayment plan, a payment deferral or a modification`,
        rule: FORBEARANCE_RULE,
      },
    ];
    const result: ForbearancePlanResult = {
      program: 'FORBEARANCE',
      label: 'Forbearance plan',
      kind: 'forbearance',
      eligible: true,
      rulebook: ref,
      checks,
      steps,
      months: calc.months,
      monthlyPayment: centsNumber(calc.monthlyPayment),
      arrearsAtEnd: centsNumber(calc.arrearsAtEnd),
    };
    return applyChecks(result, reasons);
  },
};
