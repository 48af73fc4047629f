/**
 * Repayment plans and forbearance plans of the FHA, VA, USDA and PORTFOLIO waterfalls. The
 * arithmetic is the generic workout calculators' (src/engine/workouts: `repaymentPlan`,
 * `forbearancePlan`); each program passes its own rulebook's limits.
 *
 * Past-due amount = the amount to reinstate (engine.md 1, programs/amountToReinstate.ts), as for
 * the GSE plans and the partial claims.
 * The case carries no requested reduced payment, so a forbearance plan is evaluated with
 * payments suspended for one increment (the largest arrears it can produce), and says so.
 */
import type { Investor, LoanCase } from '../../case/types';
import { Decimal, centsNumber, moneyText, percentText } from '../../money';
import type { AuditStep, EligibilityCheck, ForbearancePlanResult, RepaymentPlanResult, RulebookRef } from '../../results';
import type { ParameterValue, Rulebook } from '../../rulebooks/types';
import { forbearancePlan, repaymentPlan } from '../../workouts';
import type { EvaluationContext, ProgramDefinition } from '../types';
import { amountToReinstate } from '../amountToReinstate';
import { investorCheck } from './common';
import { check } from './modificationMath';
import { resultHead } from '../checks';
import { vaMaximumRate } from './va';
import { FHA_RULEBOOK, USDA_RULEBOOK, VA_RULEBOOK } from '../../rulebooks/government';
import { PORTFOLIO_RULEBOOK } from '../../rulebooks/portfolio';

function contractualPayment(loanCase: LoanCase): Decimal {
  return new Decimal(loanCase.loan.contractualPI).plus(loanCase.loan.monthlyEscrow);
}

/** The arrears a plan repays or a forbearance starts from: the amount to reinstate (engine.md 1). */
function pastDue(loanCase: LoanCase): Decimal {
  return amountToReinstate(loanCase).total;
}

export interface RepaymentProgramSpec<P extends Record<string, ParameterValue>> {
  id: string;
  label: string;
  investor: Investor;
  /** The rulebook object, so that `maxMonths` and `capRatio` read its parameters by their type. */
  rulebook: Rulebook<P>;
  source: string;
  /** The longest plan for this case and a note on why, from the rulebook parameters. */
  maxMonths(params: P, loanCase: LoanCase): { months: number; why: string };
  capRatio(params: P): number;
}

export function repaymentProgram<P extends Record<string, ParameterValue>>(spec: RepaymentProgramSpec<P>): ProgramDefinition {
  return {
    id: spec.id,
    label: spec.label,
    kind: 'repayment',
    rulebookId: spec.rulebook.id,
    evaluate(context: EvaluationContext): RepaymentPlanResult {
      const { loanCase, affordability } = context;
      const { ref, params } = context.rulebook(spec.rulebook);
      const contractual = contractualPayment(loanCase);
      const arrears = pastDue(loanCase);
      const { months: maxMonths, why } = spec.maxMonths(params, loanCase);
      const capRatio = spec.capRatio(params);
      const checks: EligibilityCheck[] = [
        investorCheck(loanCase, spec.investor),
        loanCase.loan.monthsDelinquent > 0
          ? check('arrears-to-repay', 'arrears to repay', 'pass', `${loanCase.loan.monthsDelinquent} months delinquent, ${moneyText(arrears)} past due`)
          : check('arrears-to-repay', 'arrears to repay', 'fail', 'the loan is current: nothing to repay'),
        // A repayment plan cures the arrears of a borrower whose hardship is over: one still in
        // hardship cannot pay the contractual payment plus an installment.
        loanCase.borrower.hardship === null
          ? check('hardship-resolved', 'hardship resolved', 'not checked', 'no hardship in the case (borrower.hardship)')
          : loanCase.borrower.hardshipResolved
            ? check('hardship-resolved', 'hardship resolved', 'pass', `the ${loanCase.borrower.hardship} hardship is reported resolved`)
            : check('hardship-resolved', 'hardship resolved', 'fail', `the ${loanCase.borrower.hardship} hardship is not reported resolved (borrower.hardshipResolved)`),
      ];
      let calc: ReturnType<typeof repaymentPlan>;
      try {
        calc = repaymentPlan({ contractualPayment: contractual, arrears, capRatio, maxMonths, surplusIncome: affordability.surplusIncome });
      } catch (error) {
        return failedTemporary(spec.id, spec.label, 'repayment', ref, checks, (error as Error).message) as RepaymentPlanResult;
      }
      const capTest = `plan payment at most ${percentText(capRatio)} of the contractual payment within ${maxMonths} months`;
      if (loanCase.loan.monthsDelinquent > 0) {
        checks.push(
          calc.feasible
            ? check('plan-payment-cap', capTest, 'pass', `${calc.months} months of ${moneyText(calc.monthlyPayment!)}`)
            : check('plan-payment-cap', capTest, 'fail', calc.shortestMonthsUnderCap === null ? `no plan length keeps the payment under the cap (limit ${maxMonths} months)` : `the shortest plan under the cap is ${calc.shortestMonthsUnderCap} months; the limit is ${maxMonths}`),
        );
      }
      if (calc.feasible) {
        checks.push(
          calc.affordable === null
            ? check('surplus-covers-plan', 'surplus income covers the plan installment', 'not checked', 'no income in the case: surplus income unknown')
            : check('surplus-covers-plan', 'surplus income covers the plan installment', calc.affordable ? 'pass' : 'fail', `surplus ${affordability.surplusIncome} vs installment ${moneyText(calc.installment!)}`),
        );
      }
      const steps: AuditStep[] = [
        {
          step: 'Repayment plan',
          action: calc.feasible
            ? `shortest plan: ${calc.months} months of ${moneyText(calc.monthlyPayment!)} (last ${moneyText(calc.finalMonthlyPayment!)}); ${why}`
            : `no compliant plan within ${maxMonths} months; ${why}`,
          rule: `${spec.rulebook.id}: ${spec.source}`,
          before: { contractualPayment: centsNumber(contractual), arrears: centsNumber(arrears) },
          after: { months: calc.months, monthlyPayment: calc.monthlyPayment === null ? null : centsNumber(calc.monthlyPayment), maxMonths, maxPayment: centsNumber(calc.maxPayment) },
        },
      ];
      return {
        ...resultHead(spec.id, spec.label, 'repayment', ref, checks, steps),
        months: calc.months,
        monthlyPayment: calc.monthlyPayment === null ? null : centsNumber(calc.monthlyPayment),
        finalMonthlyPayment: calc.finalMonthlyPayment === null ? null : centsNumber(calc.finalMonthlyPayment),
        arrears: centsNumber(arrears),
        affordable: calc.affordable,
      };
    },
  };
}

export interface ForbearanceProgramSpec<P extends Record<string, ParameterValue>> {
  id: string;
  label: string;
  investor: Investor;
  /** The rulebook object, so that the parameter names below must be its parameters. */
  rulebook: Rulebook<P>;
  source: string;
  maxMonthsParam: keyof P & string;
  incrementMonthsParam: keyof P & string;
}

export function forbearanceProgram<P extends Record<string, ParameterValue>>(spec: ForbearanceProgramSpec<P>): ProgramDefinition {
  return {
    id: spec.id,
    label: spec.label,
    kind: 'forbearance',
    rulebookId: spec.rulebook.id,
    evaluate(context: EvaluationContext): ForbearancePlanResult {
      const { loanCase } = context;
      const { ref, params } = context.rulebook(spec.rulebook);
      const maxMonths = params[spec.maxMonthsParam] as number;
      const increment = params[spec.incrementMonthsParam] as number;
      const contractual = contractualPayment(loanCase);
      const checks: EligibilityCheck[] = [investorCheck(loanCase, spec.investor)];
      const borrower = loanCase.borrower;
      if (borrower.hardship === null) checks.push(check('hardship-continuing', 'hardship continuing', 'not checked', 'no hardship in the case (borrower.hardship)'));
      else
        checks.push(
          borrower.hardshipResolved
            ? check('hardship-continuing', 'hardship continuing', 'fail', `the ${borrower.hardship} hardship is reported resolved: forbearance is for a continuing hardship`)
            : check('hardship-continuing', 'hardship continuing', 'pass', `${borrower.hardship} hardship, not resolved`),
        );
      checks.push(check('forbearance-cumulative-months', `at most ${maxMonths} months cumulative`, 'not checked', 'the case does not carry prior forbearance months: assumed none'));
      let calc: ReturnType<typeof forbearancePlan>;
      try {
        calc = forbearancePlan({
          monthlyPayment: contractual,
          reducedPayment: 0,
          months: increment,
          incrementMonths: increment,
          maxCumulativeMonths: maxMonths,
          currentArrears: pastDue(loanCase),
          priorForbearanceMonths: 0,
        });
      } catch (error) {
        return failedTemporary(spec.id, spec.label, 'forbearance', ref, checks, (error as Error).message) as ForbearancePlanResult;
      }
      const steps: AuditStep[] = [
        {
          step: 'Forbearance plan',
          action: `${calc.months} months with payments suspended (granted in increments of ${increment}, at most ${maxMonths} months); arrears grow by ${moneyText(calc.shortfallPerMonth)} a month`,
          rule: `${spec.rulebook.id}: ${spec.source}`,
          before: { arrears: centsNumber(pastDue(loanCase)), contractualPayment: centsNumber(contractual) },
          after: { months: calc.months, monthlyPayment: centsNumber(calc.monthlyPayment), arrearsAtEnd: centsNumber(calc.arrearsAtEnd) },
        },
        {
          step: 'Exit',
          action: `arrears of ${moneyText(calc.arrearsAtEnd)} at the end are resolved by a repayment plan, a partial claim or a modification`,
          rule: spec.rulebook.id,
        },
      ];
      return {
        ...resultHead(spec.id, spec.label, 'forbearance', ref, checks, steps),
        months: calc.months,
        monthlyPayment: centsNumber(calc.monthlyPayment),
        arrearsAtEnd: centsNumber(calc.arrearsAtEnd),
        maxCumulativeMonths: maxMonths,
      };
    },
  };
}

function failedTemporary(id: string, label: string, kind: 'repayment' | 'forbearance', ref: RulebookRef, checks: EligibilityCheck[], message: string) {
  return {
    program: id,
    label,
    kind,
    eligible: false,
    reason: 'input error',
    reasonDetail: message,
    rulebook: ref,
    checks,
    steps: [],
    months: null,
    monthlyPayment: null,
    ...(kind === 'forbearance' ? { arrearsAtEnd: null } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The programs
// ---------------------------------------------------------------------------------------------

/** Plan limits read straight from the rulebook (the VA plan lengthens some plans, so it has its own maxMonths). */
function rulebookMaxMonths<P extends { repaymentMaxMonths: number }>(p: P): { months: number; why: string } {
  return { months: p.repaymentMaxMonths, why: `limit ${p.repaymentMaxMonths} months` };
}
function rulebookCapRatio<P extends { repaymentMaxPaymentRatio: number }>(p: P): number {
  return p.repaymentMaxPaymentRatio;
}

export const FHA_REPAYMENT_PLAN = repaymentProgram({
  id: 'FHA-REPAYMENT-PLAN',
  label: 'FHA repayment plan',
  investor: 'FHA',
  rulebook: FHA_RULEBOOK,
  source: 'repaymentMaxMonths, repaymentMaxPaymentRatio (Interpretation)',
  maxMonths: rulebookMaxMonths,
  capRatio: rulebookCapRatio,
});

export const FHA_FORBEARANCE = forbearanceProgram({
  id: 'FHA-FORBEARANCE',
  label: 'FHA forbearance',
  investor: 'FHA',
  rulebook: FHA_RULEBOOK,
  source: 'forbearance granted incrementally up to 12 months (ML 2025-12)',
  maxMonthsParam: 'forbearanceMaxMonths',
  incrementMonthsParam: 'forbearanceIncrementMonths',
});

export const VA_REPAYMENT_PLAN = repaymentProgram({
  id: 'VA-REPAYMENT-PLAN',
  label: 'VA repayment plan',
  investor: 'VA',
  rulebook: VA_RULEBOOK,
  source: 'M26-4 5.05 (extended 12 or 18 months when the loan rate is below the maximum modified rate)',
  maxMonths: (p, loanCase) => {
    const base = p.repaymentMaxMonths as number;
    const extended = p.repaymentExtendedMaxMonths as number;
    const maxRate = vaMaximumRate(loanCase, p);
    if (maxRate === null) return { months: base, why: `limit ${base} months (no PMMS: the extended plan is not checked)` };
    return new Decimal(loanCase.loan.rate).lessThan(maxRate)
      ? { months: extended, why: `note rate below the maximum modified rate ${maxRate.times(100).toString()}%: up to ${extended} months` }
      : { months: base, why: `limit ${base} months` };
  },
  capRatio: rulebookCapRatio,
});

export const VA_SPECIAL_FORBEARANCE = forbearanceProgram({
  id: 'VA-SPECIAL-FORBEARANCE',
  label: 'VA special forbearance',
  investor: 'VA',
  rulebook: VA_RULEBOOK,
  source: 'M26-4 chapter 5 special forbearance (Interpretation: up to 12 months, one grant)',
  maxMonthsParam: 'specialForbearanceMaxMonths',
  incrementMonthsParam: 'specialForbearanceMaxMonths',
});

export const USDA_REPAYMENT_AGREEMENT = repaymentProgram({
  id: 'USDA-REPAYMENT-AGREEMENT',
  label: 'USDA repayment agreement',
  investor: 'USDA',
  rulebook: USDA_RULEBOOK,
  source: '7 CFR 3555.303: at most 3 months',
  maxMonths: rulebookMaxMonths,
  capRatio: rulebookCapRatio,
});

export const USDA_SPECIAL_FORBEARANCE = forbearanceProgram({
  id: 'USDA-SPECIAL-FORBEARANCE',
  label: 'USDA special forbearance',
  investor: 'USDA',
  rulebook: USDA_RULEBOOK,
  source: '7 CFR 3555.303: at most 12 months of PITI',
  maxMonthsParam: 'specialForbearanceMaxMonths',
  incrementMonthsParam: 'specialForbearanceMaxMonths',
});

export const PORTFOLIO_REPAYMENT_PLAN = repaymentProgram({
  id: 'PORTFOLIO-REPAYMENT-PLAN',
  label: 'Portfolio repayment plan',
  investor: 'PORTFOLIO',
  rulebook: PORTFOLIO_RULEBOOK,
  source: 'servicer policy (repaymentMaxMonths, repaymentMaxPaymentRatio)',
  maxMonths: rulebookMaxMonths,
  capRatio: rulebookCapRatio,
});

export const PORTFOLIO_FORBEARANCE = forbearanceProgram({
  id: 'PORTFOLIO-FORBEARANCE',
  label: 'Portfolio forbearance plan',
  investor: 'PORTFOLIO',
  rulebook: PORTFOLIO_RULEBOOK,
  source: 'servicer policy (forbearanceMaxMonths, forbearanceIncrementMonths)',
  maxMonthsParam: 'forbearanceMaxMonths',
  incrementMonthsParam: 'forbearanceIncrementMonths',
});
