/// <reference types="custom-functions-runtime" />
/**
 * LM.TARGETPI, LM.REPAYMENT, LM.DEFERRAL, LM.PARTIALCLAIM: thin wrappers over the engine's
 * workout calculators (engine.md sections 4-6). Default limits come from the published
 * rulebooks (GSE repayment plan and payment deferral, FHA / VA partial claim), never literals.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { FUNCTION_ARGUMENT_BOUNDS as BOUNDS } from '../engine/bounds';
import { ArgumentError } from '../engine/errors';
import { centsNumber } from '../engine/money';
import { partialClaimRoom } from '../engine/programs/government/fha';
import { FHA_RULEBOOK, VA_RULEBOOK } from '../engine/rulebooks/government';
import { GSE_PAYMENT_DEFERRAL_RULEBOOK, GSE_REPAYMENT_PLAN_RULEBOOK } from '../engine/rulebooks/gse';
import { parameterValues } from '../engine/rulebooks/types';
import { targetPrincipalAndInterest } from '../engine/targetPayment';
import { paymentDeferral } from '../engine/workouts/paymentDeferral';
import { repaymentPlan } from '../engine/workouts/repaymentPlan';
import { optionalAmount, optionalBoolean, optionalPaymentCap, optionalRate, optionalText, optionalWholeNumber, requiredAmount, requiredNumber, requiredWholeNumber } from './arguments';
import { excelFunction } from './excelErrors';

/**
 * Target P&I for a payment reduction: the largest cent amount whose reduction, to two decimals, beats the target.
 * @customfunction TARGETPI TARGETPI
 * @helpurl https://localhost:3000/help/functions.html#lmtargetpi
 * @param current_pi Current contractual monthly principal and interest, e.g. 1913.14.
 * @param [reduction] The reduction as a fraction below 1: 20% or 0.2 (default, GSE Flex); 25% for FHA.
 * @param [strictly_above] TRUE (default): strictly above the reduction as reported to two decimals (20.01% for 20%); FALSE: at least it.
 * @returns The target monthly P&I in dollars.
 */
export function targetpi(current_pi: any, reduction?: any, strictly_above?: any): number {
  return excelFunction(() => {
    const pi = requiredNumber(current_pi, 'current_pi', { hint: 'the current monthly P&I', allowZero: false });
    const r = optionalRate(reduction, 'reduction');
    if (r === 1) throw new ArgumentError('reduction', 'reduction 1 (100%) leaves no payment: enter 20% or 0.2 (for 1%, enter 1% or 0.01)');
    const strictCell = optionalBoolean(strictly_above, 'strictly_above');
    return targetPrincipalAndInterest(pi, r ?? 0.2, strictCell !== false).toNumber();
  });
}

/**
 * Repayment plan (Fannie Mae D2-3.2-02): the shortest plan within the payment cap. Spills months and monthly payment.
 * @customfunction REPAYMENT REPAYMENT
 * @helpurl https://localhost:3000/help/functions.html#lmrepayment
 * @param arrears Past-due amount the plan repays: a number or a range, summed.
 * @param contractual_payment Monthly contractual payment (P&I + escrow): a number or a range, summed.
 * @param [cap] Highest plan payment over the contractual payment: 150% or 1.5 (default, GSE); above 1 and at most 10.
 * @param [max_months] Longest plan, 1 to 600 months (default 12: longer needs investor approval). #N/A when no plan fits.
 * @returns One row: the number of months and the monthly plan payment (the last month may be a few cents less).
 */
export function repayment(arrears: any[][], contractual_payment: any[][], cap?: any, max_months?: any): any[][] {
  return excelFunction(() => {
    const params = parameterValues(GSE_REPAYMENT_PLAN_RULEBOOK);
    const capRatio = optionalPaymentCap(cap, 'cap') ?? params.maxPaymentRatio;
    const maxMonths = optionalWholeNumber(max_months, 'max_months', 1, BOUNDS.maxMonths) ?? params.maxMonthsWithoutInvestorApproval;
    const plan = repaymentPlan({
      arrears: requiredAmount(arrears, 'arrears', { hint: 'the past-due amount' }),
      contractualPayment: requiredAmount(contractual_payment, 'contractual_payment', { hint: 'the monthly contractual payment', allowZero: false }),
      capRatio,
      maxMonths,
    });
    if (plan.shortestMonthsUnderCap === 0) return [[0, centsNumber(requiredAmount(contractual_payment, 'contractual_payment'))]];
    if (!plan.feasible || plan.months === null || plan.monthlyPayment === null) {
      throw new ArgumentError(
        'max_months',
        `no plan of at most ${maxMonths} months keeps the payment within ${capRatio * 100}% of the contractual payment` +
          (plan.shortestMonthsUnderCap ? ` (the shortest is ${plan.shortestMonthsUnderCap} months)` : ''),
        'na', // no such plan: #N/A, whose message Excel shows
      );
    }
    return [[plan.months, centsNumber(plan.monthlyPayment)]];
  }, { contractualPayment: 'contractual_payment', maxMonths: 'max_months', capRatio: 'cap' });
}

/**
 * GSE payment deferral: past-due P&I plus escrow and servicing advances. #N/A with the reason when not eligible.
 * @customfunction DEFERRAL DEFERRAL
 * @helpurl https://localhost:3000/help/functions.html#lmdeferral
 * @param months_delinquent Whole months past due, 0 to 600 (a deferral needs 2 to 6; every past-due month is deferred).
 * @param contractual_pi Contractual monthly principal and interest.
 * @param [escrow_advances] Escrow the servicer advanced: a number or a range, summed.
 * @param [servicing_advances] Allowable servicing advances, legal fees included: a number or a range, summed.
 * @param [cumulative_deferred_months] Months already deferred over the life of the loan (default 0; at most 12 in all).
 * @returns The deferred amount in dollars.
 */
export function deferral(months_delinquent: any, contractual_pi: any, escrow_advances?: any[][], servicing_advances?: any[][], cumulative_deferred_months?: any): number {
  return excelFunction(() => {
    const params = parameterValues(GSE_PAYMENT_DEFERRAL_RULEBOOK);
    const prior = optionalWholeNumber(cumulative_deferred_months, 'cumulative_deferred_months', 0, BOUNDS.maxMonths) ?? 0;
    const result = paymentDeferral({
      monthsDelinquent: requiredWholeNumber(months_delinquent, 'months_delinquent', 0, BOUNDS.maxMonths, 'the whole months past due'),
      contractualPI: requiredAmount(contractual_pi, 'contractual_pi', { hint: 'the monthly P&I' }),
      escrowAdvances: optionalAmount(escrow_advances, 'escrow_advances') ?? 0,
      servicingAdvances: optionalAmount(servicing_advances, 'servicing_advances') ?? 0,
      minMonths: params.minMonthsDelinquent,
      maxMonths: params.maxDeferredMonths,
      cumulativeDeferredMonths: prior,
      maxCumulativeMonths: params.maxCumulativeDeferredMonths,
    });
    const failed = result.limits.filter((limit) => !limit.pass);
    if (failed.length > 0) {
      const argument = failed.some((l) => /cumulative/.test(l.test)) && failed.length === 1 ? 'cumulative_deferred_months' : 'months_delinquent';
      // Not eligible: #N/A ("not available" for this loan), so that Excel shows the reason.
      throw new ArgumentError(argument, `${argument}: not eligible for a payment deferral: ${failed.map((l) => `${l.test} (${l.detail})`).join('; ')}`, 'na');
    }
    return centsNumber(result.deferredAmount);
  }, { monthsDelinquent: 'months_delinquent', contractualPI: 'contractual_pi', escrowAdvances: 'escrow_advances', servicingAdvances: 'servicing_advances' });
}

/**
 * Partial claim still available: 30% (FHA) or 25% (VA) of the UPB less prior partial claims, at most the amount needed.
 * @customfunction PARTIALCLAIM PARTIALCLAIM
 * @helpurl https://localhost:3000/help/functions.html#lmpartialclaim
 * @param upb Unpaid principal balance (FHA: at the default date of the initial partial claim).
 * @param [prior_partial_claims] Previous partial claims still outstanding: a number or a range, summed.
 * @param [needed] The amount needed (arrears plus principal deferment to reach the target payment): the room is at most this.
 * @param [program] "FHA" (default, 12 U.S.C. 1715u: 30%) or "VA" (38 U.S.C. 3737: 25%).
 * @returns The partial claim available in dollars.
 */
export function partialclaim(upb: any[][], prior_partial_claims?: any[][], needed?: any[][], program?: any): number {
  return excelFunction(() => {
    const which = (optionalText(program, 'program') ?? 'FHA').toUpperCase();
    if (which !== 'FHA' && which !== 'VA') throw new ArgumentError('program', `program must be "FHA" or "VA", not "${which}"`);
    const maxPercent = which === 'VA' ? parameterValues(VA_RULEBOOK).partialClaimMaxPercent : parameterValues(FHA_RULEBOOK).partialClaimMaxPercent;
    const { available } = partialClaimRoom(
      requiredAmount(upb, 'upb', { hint: 'the unpaid principal balance' }),
      optionalAmount(prior_partial_claims, 'prior_partial_claims') ?? 0,
      maxPercent,
    );
    const need = optionalAmount(needed, 'needed');
    return centsNumber(need !== null && need.lessThan(available) ? need : available);
  });
}
