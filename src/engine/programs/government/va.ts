/**
 * VA home-retention options (shared/spec/fha-va-usda.md, "VA"; rulebook VA-LOSS-MIT):
 * modification (30 years), partial claim (38 U.S.C. 3737, M26-4 chapter 22) and the 40-year
 * modification, in the 2026 handbook's order (partial claim at step 5, ahead of the 40-year).
 *
 * Modification: the eligible arrearages are capitalized (never late fees); the rate is the
 * lower of the note rate and the maximum modified rate (PMMS rounded to 1/8 % plus 0.50%, and
 * no more than 1% above the existing rate). Interpretation: VA caps the rate rather than
 * setting it; the engine uses the lower of the note rate and the cap.
 */
import { principalAndInterest } from '../../amortization';
import type { LoanCase } from '../../case/types';
import { Decimal, type DecimalInput, ZERO, centsNumber, minDecimal, moneyText, percentText, rateNumber, ratioNumber, roundCents, roundPercent, roundRateToStep } from '../../money';
import { requiredResidualIncome, residualIncome } from '../../vaResidual';
import type { Affordability, AuditStep, EligibilityCheck, ModificationResult, PartialClaimResult } from '../../results';
import { VA_RULEBOOK, type VaParameters } from '../../rulebooks/government';
import type { EvaluationContext, ProgramDefinition } from '../types';
import { amountToReinstate } from '../amountToReinstate';
import { reasonOf, resultHead } from '../checks';
import { investorCheck, occupancyCheck, pmmsCheck } from './common';
import { buildGovernmentModification } from './fha';
import { check, eligibleArrears, emptyModification, firstFailure, grossIncome, housingExpenseOtherThanPI, housingRatio } from './modificationMath';

export const VA_RULEBOOK_ID = 'VA-LOSS-MIT';

/** The maximum modified rate: PMMS rounded (nearest or up) to 1/8 % plus the spread, and at most `maxRateAboveExisting` above the note rate. */
export function vaMaximumRate(loanCase: LoanCase, params: VaParameters): Decimal | null {
  if (loanCase.market.pmms === null) return null;
  const mode = params.rateRounding === 'up' ? 'up' : params.rateRounding === 'down' ? 'down' : 'nearest';
  const regulatory = roundRateToStep(loanCase.market.pmms, params.rateStep, mode).plus(params.rateSpread);
  return minDecimal(regulatory, new Decimal(loanCase.loan.rate).plus(params.maxRateAboveExisting));
}

interface VaModificationFigures {
  rate: Decimal;
  maxRate: Decimal;
  termMonths: number;
  arrears: Decimal;
  postCapitalizationUpb: Decimal;
  interestBearingUpb: Decimal;
  principalAndInterest: Decimal;
  steps: AuditStep[];
}

function computeVaModification(loanCase: LoanCase, params: VaParameters, termMonths: number): VaModificationFigures | null {
  const maxRate = vaMaximumRate(loanCase, params);
  if (maxRate === null) return null;
  const { total, contribution } = eligibleArrears(loanCase);
  const arrears = Decimal.max(ZERO, total.minus(contribution));
  const postCapitalizationUpb = new Decimal(loanCase.loan.upb).plus(arrears);
  const rate = minDecimal(new Decimal(loanCase.loan.rate), maxRate);
  const pi = principalAndInterest(postCapitalizationUpb, rate, termMonths);
  const steps: AuditStep[] = [
    {
      step: 'Capitalize',
      action: 'eligible arrearages added to the UPB (late fees never)',
      rule: `${VA_RULEBOOK_ID} (38 CFR 36.4315)`,
      before: { upb: loanCase.loan.upb, arrears: centsNumber(arrears), lateFeesExcluded: loanCase.arrears.lateFees },
      after: { postCapitalizationUpb: centsNumber(postCapitalizationUpb) },
    },
    {
      step: 'Rate',
      action: 'lower of the note rate and the maximum modified rate',
      rule: `${VA_RULEBOOK_ID} rateSpread, rateRounding, maxRateAboveExisting (38 CFR 36.4315(a)(8)(i); M26-4 5.08)`,
      before: { noteRate: loanCase.loan.rate, pmms: loanCase.market.pmms },
      after: { maximumRate: rateNumber(maxRate), rate: rateNumber(rate) },
    },
    {
      step: 'Term',
      action: `re-amortize over ${termMonths} months`,
      rule: `${VA_RULEBOOK_ID} ${termMonths === params.modificationTermMonths ? 'modificationTermMonths' : 'maxTermMonths'}`,
      before: { remainingTermMonths: loanCase.loan.remainingTermMonths, contractualPI: loanCase.loan.contractualPI },
      after: { termMonths, principalAndInterest: centsNumber(pi) },
    },
  ];
  return { rate, maxRate, termMonths, arrears, postCapitalizationUpb, interestBearingUpb: postCapitalizationUpb, principalAndInterest: pi, steps };
}

/**
 * VA's affordability test is its underwriting standard, 38 CFR 36.4340 (not the 31% ratio: that is
 * the target of the modification steps, M26-4 5.08, 2018): residual income at or above the
 * required figure (36.4340(e), table by region, family size and loan amount), with a
 * debt-to-income ratio of 41% or less rounded to the nearest whole percent (36.4340(d)); above
 * 41%, residual income must be at least 120% of the required figure (36.4340(c)). Residual income
 * uses net effective income and the maintenance and utilities estimate when the case gives them
 * (borrower.netMonthlyIncome, borrower.maintenanceAndUtilities), else gross income, and says so.
 */
export interface VaUnderwriting {
  check: EligibilityCheck;
  residualIncome: Decimal | null;
  required: Decimal | null;
  debtToIncomePercent: number | null;
  incomeBasis: 'NET' | 'GROSS';
  passes: boolean | null;
}

export function vaUnderwriting(loanCase: LoanCase, affordability: Affordability, params: VaParameters, pi: DecimalInput): VaUnderwriting {
  const test = 'VA residual income and debt-to-income (38 CFR 36.4340)';
  const gross = grossIncome(affordability);
  const { netMonthlyIncome, maintenanceAndUtilities, region, familySize } = loanCase.borrower;
  const incomeBasis = netMonthlyIncome !== null && netMonthlyIncome !== undefined ? 'NET' : 'GROSS';
  const income = incomeBasis === 'NET' ? new Decimal(netMonthlyIncome as number) : gross;
  const housing = new Decimal(pi).plus(housingExpenseOtherThanPI(loanCase, affordability));
  const debts = new Decimal(affordability.otherDebtPayments ?? 0);
  const upkeep = new Decimal(maintenanceAndUtilities ?? 0);
  const residual = income === null ? null : residualIncome({ netEffectiveIncome: income, housingExpense: housing, monthlyDebts: debts, maintenanceAndUtilities: upkeep });
  const required = region !== null && familySize !== null ? requiredResidualIncome(region, familySize, loanCase.loan.upb) : null;
  // 36.4340(d): the ratio is rounded to the nearest whole percent ("35.6 percent would be rounded to 36 percent").
  const dtiPercent = gross === null ? null : roundPercent(housing.plus(debts).dividedBy(gross), 0).toNumber();
  const basisText = incomeBasis === 'NET' ? 'net effective income' : 'gross income used (no net effective income in the case)';
  const upkeepText = maintenanceAndUtilities === null || maintenanceAndUtilities === undefined ? '; no maintenance and utilities estimate' : `; maintenance and utilities ${moneyText(upkeep)}`;
  const base = { residualIncome: residual, required, debtToIncomePercent: dtiPercent, incomeBasis } as const;
  if (residual === null || required === null || dtiPercent === null) {
    const missing = [residual === null || dtiPercent === null ? 'income (borrower.incomes or borrower.netMonthlyIncome)' : null, required === null ? 'borrower.region and borrower.familySize' : null].filter(Boolean).join(' and ');
    return { ...base, check: check('va-residual-income', test, 'not checked', `${missing} needed for the residual-income test`), passes: null };
  }
  const margin = required.times(params.residualIncomeMarginAboveMaxDti);
  const residualOk = residual.greaterThanOrEqualTo(required);
  const dtiOk = dtiPercent <= new Decimal(params.maxDebtToIncome).times(100).toNumber();
  const passes = residualOk && (dtiOk || residual.greaterThanOrEqualTo(margin));
  const detail =
    `residual income ${moneyText(residual)} vs required ${moneyText(required)} (${basisText}${upkeepText}); ` +
    `debt-to-income ${dtiPercent}%${dtiOk ? ` <= ${percentText(params.maxDebtToIncome)}` : ` > ${percentText(params.maxDebtToIncome)}: residual income must reach ${moneyText(margin)} (${percentText(params.residualIncomeMarginAboveMaxDti)} of required)`}`;
  return { ...base, check: check('va-residual-income', test, passes ? 'pass' : 'fail', detail), passes };
}

/** Checks that make a VA modification affordable: P&I not raised (unless allowed) and VA's underwriting test (38 CFR 36.4340). */
function vaAffordabilityChecks(loanCase: LoanCase, affordability: Affordability, params: VaParameters, pi: Decimal): EligibilityCheck[] {
  const pre = new Decimal(loanCase.loan.contractualPI);
  const checks: EligibilityCheck[] = [];
  if (pi.greaterThan(pre)) {
    checks.push(
      params.allowPaymentIncrease
        ? check('pi-does-not-increase', 'P&I does not increase', 'pass', `${moneyText(pi)} > contractual ${moneyText(pre)}, allowed by allowPaymentIncrease`)
        : check('pi-does-not-increase', 'P&I does not increase', 'fail', `${moneyText(pi)} > contractual ${moneyText(pre)}`),
    );
  } else {
    checks.push(check('pi-does-not-increase', 'P&I does not increase', 'pass', `${moneyText(pi)} <= contractual ${moneyText(pre)}`));
  }
  checks.push(vaUnderwriting(loanCase, affordability, params, pi).check);
  return checks;
}

/** The modification's PITIA ratio against the 31% target: a target the steps aim for, never a gate (null without income). */
function housingRatioAt(loanCase: LoanCase, affordability: Affordability, pi: Decimal): Decimal | null {
  return housingRatio(pi, housingExpenseOtherThanPI(loanCase, affordability), grossIncome(affordability));
}

/** The 30-year modification resolves the default: it passes its tests and reaches the 31% target (or the ratio cannot be computed). */
function vaModificationResolves(loanCase: LoanCase, affordability: Affordability, params: VaParameters, term: number): boolean {
  const figures = computeVaModification(loanCase, params, term);
  if (figures === null) return false;
  if (!vaAffordabilityChecks(loanCase, affordability, params, figures.principalAndInterest).every((c) => c.status !== 'fail')) return false;
  const ratio = housingRatioAt(loanCase, affordability, figures.principalAndInterest);
  return ratio === null || ratio.lessThanOrEqualTo(params.targetHousingRatio);
}

function vaModificationProgram(id: string, label: string, which: '30' | '40'): ProgramDefinition {
  return {
    id,
    label,
    kind: 'modification',
    rulebookId: VA_RULEBOOK_ID,
    evaluate(context: EvaluationContext): ModificationResult {
      const { loanCase, affordability } = context;
      const { ref, params } = context.rulebook(VA_RULEBOOK);
      const checks: EligibilityCheck[] = [investorCheck(loanCase, 'VA'), occupancyCheck(loanCase), pmmsCheck(loanCase)];
      const term = which === '30' ? params.modificationTermMonths : params.maxTermMonths;
      const figures = computeVaModification(loanCase, params, term);
      if (!figures) return emptyModification(id, label, ref, checks, [], 'market rate missing', 'market.pmms is needed for the maximum modified rate');
      if (which === '40') {
        // Step 6: only when the 30-year modification (step 4) and the partial claim (step 5) do not resolve the default.
        checks.push(
          vaModificationResolves(loanCase, affordability, params, params.modificationTermMonths)
            ? check('thirty-year-does-not-resolve', '30-year modification not affordable', 'fail', `the 30-year VA modification passes its tests and reaches the ${percentText(params.targetHousingRatio)} target: offer it first`)
            : check('thirty-year-does-not-resolve', '30-year modification not affordable', 'pass', `the 30-year VA modification fails its tests or leaves PITIA above the ${percentText(params.targetHousingRatio)} target`),
        );
        // The partial claim cures the arrears at the unchanged payment: it resolves the default only
        // for a borrower who can resume that payment (hardship resolved).
        const claim = evaluateVaPartialClaim(loanCase, affordability, params);
        const claimResolves = claim.eligible && loanCase.borrower.hardshipResolved;
        checks.push(
          claimResolves
            ? check('partial-claim-not-available', 'partial claim not available', 'fail', 'the VA partial claim resolves the default: offer it first')
            : check('partial-claim-not-available', 'partial claim not available', 'pass', claim.eligible ? 'the VA partial claim leaves the payment unchanged and the hardship is not resolved' : `VA partial claim: ${claim.reason ?? 'not eligible'}`),
        );
      } else {
        // fha-va-usda.md VA: while the 30-year result is above the 31% target, the next step is tried;
        // when the 40-year modification passes VA's tests and comes closer, it is offered instead.
        const thirtyRatio = housingRatioAt(loanCase, affordability, figures.principalAndInterest);
        const forty = computeVaModification(loanCase, params, params.maxTermMonths);
        const fortyRatio = forty === null ? null : housingRatioAt(loanCase, affordability, forty.principalAndInterest);
        const fortyPasses = forty !== null && vaAffordabilityChecks(loanCase, affordability, params, forty.principalAndInterest).every((c) => c.status !== 'fail');
        if (thirtyRatio !== null && thirtyRatio.greaterThan(params.targetHousingRatio) && fortyPasses && fortyRatio !== null && fortyRatio.lessThan(thirtyRatio)) {
          checks.push(check('later-step-closer-to-target', 'no later step comes closer to the target', 'fail', `PITIA ${percentText(thirtyRatio)} is above the ${percentText(params.targetHousingRatio)} target; the 40-year modification brings it to ${percentText(fortyRatio)}`));
        } else checks.push(check('later-step-closer-to-target', 'no later step comes closer to the target', 'pass', thirtyRatio === null ? 'no income: the ratio is not compared' : `PITIA ${percentText(thirtyRatio)}`));
      }
      checks.push(...vaAffordabilityChecks(loanCase, affordability, params, figures.principalAndInterest));
      const underwriting = vaUnderwriting(loanCase, affordability, params, figures.principalAndInterest);
      const ratio = housingRatioAt(loanCase, affordability, figures.principalAndInterest);
      figures.steps.push({
        step: 'Target ratio',
        action:
          ratio === null
            ? `PITIA ratio not computed (no income): the ${percentText(params.targetHousingRatio)} target is what the steps aim for, not a gate`
            : ratio.lessThanOrEqualTo(params.targetHousingRatio)
              ? `PITIA ${percentText(ratio)} of gross income reaches the ${percentText(params.targetHousingRatio)} target`
              : `PITIA ${percentText(ratio)} of gross income is above the ${percentText(params.targetHousingRatio)} target: the next step is tried; the option stays eligible when VA's residual-income test passes`,
        rule: `${VA_RULEBOOK_ID} targetHousingRatio (M26-4 5.08, 2018: a target, not a gate)`,
        after: { housingRatio: ratio === null ? null : ratioNumber(ratio), targetReached: ratio === null ? null : ratio.lessThanOrEqualTo(params.targetHousingRatio) },
      });
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
          capitalizedArrears: centsNumber(figures.arrears),
          maximumRate: rateNumber(figures.maxRate),
          targetHousingRatioReached: ratio === null ? null : ratio.lessThanOrEqualTo(params.targetHousingRatio),
          vaUnderwriting: underwritingFigures(underwriting),
        },
      });
    },
  };
}

function evaluateVaPartialClaim(loanCase: LoanCase, affordability: Affordability, params: VaParameters): { eligible: boolean; reason?: string; checks: EligibilityCheck[]; cap: Decimal; claim: Decimal; arrears: Decimal } {
  // The partial claim pays the amount to reinstate (engine.md 1; 38 U.S.C. 3737).
  const arrears = amountToReinstate(loanCase).total;
  const percent = params.missedPaymentInCovidWindow ? params.partialClaimMaxPercentCovidEra : params.partialClaimMaxPercent;
  const cap = roundCents(new Decimal(loanCase.loan.upb).times(percent));
  const checks: EligibilityCheck[] = [investorCheck(loanCase, 'VA'), occupancyCheck(loanCase)];
  if (loanCase.loan.partialClaimBalance > 0) {
    checks.push(
      loanCase.borrower.hardship === 'DISASTER'
        ? check('one-partial-claim-per-loan', 'one partial claim per loan', 'pass', 'a prior partial claim, but the hardship is a disaster (exception)')
        : check('one-partial-claim-per-loan', 'one partial claim per loan', 'fail', `a partial claim of ${moneyText(loanCase.loan.partialClaimBalance)} was already paid on this loan`),
    );
  } else checks.push(check('one-partial-claim-per-loan', 'one partial claim per loan', 'pass', 'no prior partial claim'));
  checks.push(
    loanCase.loan.monthsDelinquent >= 1 && arrears.greaterThan(0)
      ? check('loan-delinquent', 'loan delinquent', 'pass', `${loanCase.loan.monthsDelinquent} months delinquent`)
      : check('loan-delinquent', 'loan delinquent', 'fail', 'no arrears to cure'),
  );
  checks.push(
    arrears.lessThanOrEqualTo(cap)
      ? check('partial-claim-within-cap', `within ${percentText(percent)} of the UPB`, 'pass', `arrears ${moneyText(arrears)} <= cap ${moneyText(cap)}`)
      : check('partial-claim-within-cap', `within ${percentText(percent)} of the UPB`, 'fail', `arrears ${moneyText(arrears)} > cap ${moneyText(cap)}`),
  );
  // The contractual payment resumes: VA's underwriting test at the contractual P&I (38 CFR 36.4340).
  const underwriting = vaUnderwriting(loanCase, affordability, params, loanCase.loan.contractualPI);
  checks.push(underwriting.check);
  const failure = firstFailure(checks);
  return {
    eligible: failure === undefined,
    reason: failure ? reasonOf(failure) : undefined,
    checks,
    cap,
    claim: minDecimal(arrears, cap),
    arrears,
  };
}

export const VA_PARTIAL_CLAIM: ProgramDefinition = {
  id: 'VA-PARTIAL-CLAIM',
  label: 'VA partial claim',
  kind: 'partialClaim',
  rulebookId: VA_RULEBOOK_ID,
  evaluate(context: EvaluationContext): PartialClaimResult {
    const { loanCase, affordability } = context;
    const { ref, params } = context.rulebook(VA_RULEBOOK);
    const result = evaluateVaPartialClaim(loanCase, affordability, params);
    const steps: AuditStep[] = [
      {
        step: 'Partial claim',
        action: 'VA purchases the arrears into a non-interest-bearing subordinate lien; the contractual payment resumes',
        rule: `${VA_RULEBOOK_ID} partialClaimMaxPercent (38 U.S.C. 3737(c); M26-4 chapter 22, 2026-06-01)`,
        before: { upb: loanCase.loan.upb, arrears: centsNumber(result.arrears) },
        after: { partialClaim: centsNumber(result.claim), partialClaimCap: centsNumber(result.cap) },
      },
    ];
    return {
      ...resultHead('VA-PARTIAL-CLAIM', 'VA partial claim', 'partialClaim', ref, result.checks, steps),
      partialClaim: centsNumber(result.claim),
      partialClaimCap: centsNumber(result.cap),
      partialClaimArrears: centsNumber(result.arrears),
      trialPaymentCount: params.trialPaymentCount,
    };
  },
};

export const VA_MODIFICATION = vaModificationProgram('VA-MODIFICATION', 'VA modification (30 years)', '30');
export const VA_40_YEAR_MODIFICATION = vaModificationProgram('VA-40-YEAR-MODIFICATION', 'VA 40-year modification', '40');

/** The underwriting figures a VA result carries (amounts to the cent). */
export function underwritingFigures(u: VaUnderwriting): Record<string, unknown> {
  return {
    residualIncome: u.residualIncome === null ? null : centsNumber(u.residualIncome),
    required: u.required === null ? null : centsNumber(u.required),
    debtToIncomePercent: u.debtToIncomePercent,
    incomeBasis: u.incomeBasis,
    passes: u.passes,
  };
}
